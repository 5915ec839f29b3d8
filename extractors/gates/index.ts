/**
 * Gates: after a construction (or today's fallback chain) has paired a figure with a region and a metric, the gates
 * decide whether it may be a JKN coverage fact at all. Each gate is one file; each blocks with its own name as the
 * reason (`gate:programme`, `gate:polarity`, `gate:unit`, `gate:threshold`), so `eval --verbose` and the review queue
 * can say why a figure gave nothing. Word lists live in `data/lexicon.json` under `gates`.
 *
 * Use: `const gates = gatesFor(doc, found)` once per document (the gates index what they need in one pass, so the
 * cost stays linear in the text), then `gates.check(figure)` for each paired figure; null means it passes.
 */
import type { Doc, Found, RegionMention, Span } from '../../src/extract/types.ts';
import type { SentenceExample } from '../sentences.ts';

export type GateName = 'programme' | 'polarity' | 'unit' | 'threshold';

/** The figure being decided, as the pairing saw it. */
export interface GateFigure extends Span {
  /** Which value kind: a share or a count of people. */
  kind: 'percent' | 'count';
  value: number;
  /** The clause the figure stands in (previous clause break to next), when the caller knows it; else the gate finds it. */
  clause?: Span;
  /** The region mention the figure was paired with (undefined: national or the article's region). */
  region?: RegionMention;
  /**
   * The figures that together state one measurement, this one among them ("sekitar 1 juta jiwa atau 5,57 persen"):
   * words after the whole group ("… belum terdaftar") speak of each member. Defaults to the figure itself.
   */
  group?: Span;
}

/** Why a gate refused a figure. */
export interface GateBlock extends Span {
  gate: GateName;
  /** `gate:<name>`: the reason the fact would have carried. */
  reason: `gate:${GateName}`;
  /** The words that made it refuse ("bpjs ketenagakerjaan", "belum terdaftar", "desa", "minimal"). */
  word: string;
}

export interface Gates {
  /** The first gate that refuses the figure, or null when every gate lets it through. */
  check(figure: GateFigure): GateBlock | null;
}

/** Builds the gates for one document. */
export function gatesFor(doc: Doc, found: Found): Gates {
  const all = GATES.map((g) => g.prepare(doc, found));
  return {
    check(figure) {
      for (const g of all) {
        const b = g(figure);
        if (b) return b;
      }
      return null;
    },
  };
}

/** One gate: prepared once per document, then asked per figure. */
export interface Gate {
  name: GateName;
  description: string;
  prepare(doc: Doc, found: Found): (figure: GateFigure) => GateBlock | null;
  /** Whole-engine examples next to the rule: what the gate must refuse (`none`) and what it must let through (`facts`). */
  examples: SentenceExample[];
}

import { programmeGate } from './programme.ts';
import { polarityGate } from './polarity.ts';
import { unitGate } from './unit.ts';
import { thresholdGate } from './threshold.ts';

/** In order: the broadest (what programme a paragraph is about) first. */
export const GATES: readonly Gate[] = [programmeGate, unitGate, polarityGate, thresholdGate];

export { programmeGate, polarityGate, unitGate, thresholdGate };

/**
 * Every figure of a document that a gate refuses, with the block: for `eval --verbose` and the review queue to say why a
 * figure gave no fact ("97,43 persen: gate:unit local: desa"). Asks each figure alone (no region, no group), so it explains
 * rather than decides.
 */
export function blockedFigures(doc: Doc, found: Found): { start: number; end: number; value: number; block: GateBlock }[] {
  const gates = gatesFor(doc, found);
  const out: { start: number; end: number; value: number; block: GateBlock }[] = [];
  for (const v of [...found.percent, ...found.count].sort((a, b) => a.start - b.start)) {
    const block = gates.check({ start: v.start, end: v.end, kind: v.kind, value: v.value });
    if (block) out.push({ start: v.start, end: v.end, value: v.value, block });
  }
  return out;
}
