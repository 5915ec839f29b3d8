/**
 * The plausibility gate (issue 12), applied after pairing: a value no region can have is kept for a reviewer,
 * flagged with a named reason, and never stored at high confidence (confidence.ts caps it at IMPLAUSIBLE_CEILING).
 *
 * - `implausible:over-population`: a count (enrolled, active, population) above the region's 2025 population in the
 *   gazetteer by more than POPULATION_MARGIN;
 * - `implausible:over-national`: a count above the population of Indonesia (any region, the nation included);
 * - `implausible:share-over-150`: a share above MAX_SHARE percent.
 */
import type { Fact } from '../types.ts';
import { loadGazetteer } from '../normalize/regions.ts';

/**
 * How far above the gazetteer's population a region's count may go before it is implausible: 1.5 = 50 % more.
 * @default 1.5 (the gazetteer is a 2025 projection and enrolment counts people registered where they no longer live;
 * real reports reach ~110 %, never half as many again)
 */
export const POPULATION_MARGIN = 1.5;

/** A share above this many percent is nobody's coverage. @default 150 (the same bound as the share gate of the engine) */
export const MAX_SHARE = 150;

let national: number | null = null;
/** Indonesia's population: the sum of the provinces' 2025 populations in the gazetteer (≈ 285 million). */
export function indonesiaPopulation(): number {
  if (national !== null) return national;
  national = loadGazetteer()
    .regions.filter((r) => r.level === 'provinsi')
    .reduce((s, r) => s + (r.population ?? 0), 0);
  return national;
}

/** The reason a fact's value is implausible, or null. */
export function implausibility(f: Pick<Fact, 'region' | 'metric' | 'value'>): string | null {
  if (f.metric === 'coverage_pct' || f.metric === 'active_pct') return f.value > MAX_SHARE ? 'implausible:share-over-150' : null;
  if (f.value > indonesiaPopulation()) return 'implausible:over-national';
  const pop = loadGazetteer().byCode.get(f.region.code)?.population ?? null;
  if (pop && f.value > pop * POPULATION_MARGIN) return 'implausible:over-population';
  return null;
}

/** Adds the implausibility reason to every fact that has one (in place). */
export function applyPlausibility(facts: Fact[]): void {
  for (const f of facts) {
    const why = implausibility(f);
    if (why && !f.reasons.includes(why)) f.reasons = [...f.reasons, why];
  }
}
