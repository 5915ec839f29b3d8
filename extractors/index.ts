/**
 * The ordered registry of extractors. Each finds one kind of mention; later ones build on earlier
 * ones' spans (percentages and counts on numbers). The engine (`src/extract/engine.ts`) pairs them.
 */
import { numbers } from './numbers.ts';
import { percentages } from './percentages.ts';
import { counts } from './counts.ts';
import { dates } from './dates.ts';
import { regions } from './regions.ts';
import { metrics } from './metrics.ts';
import { guards } from './guards.ts';
import { categories } from './categories.ts';
import type { Extractor } from '../src/extract/types.ts';

export const EXTRACTORS: readonly Extractor[] = [numbers, percentages, counts, dates, regions, metrics, guards, categories] as Extractor[];

export { numbers, percentages, counts, dates, regions, metrics, guards, categories };
