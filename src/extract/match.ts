/**
 * Generic matching of the constructions (extractors/constructions/) over each sentence's token sequence, and
 * most-specific-wins: for every figure, each aspect (region, metric, drop) is taken from the first construction
 * in registry order that decides it; within one construction, from the longer match.
 */
import { CONSTRUCTIONS } from '../../extractors/constructions/index.ts';
import type { Construction, Pairing, Value } from '../../extractors/constructions/types.ts';
import { sequenceOf, type MentionIndexes, type Sequence } from './tokens.ts';
import type { Doc } from './types.ts';

/** What the constructions decided for one figure. */
export interface Claim {
  region?: { pairing: Pairing; by: string };
  metric?: { pairing: Pairing; by: string };
  drop?: { pairing: Pairing; by: string };
  /** Names of every construction that decided something for the figure, most specific first. */
  by: string[];
}

interface Hit {
  rank: number;
  length: number;
  construction: Construction;
  pairings: Pairing[];
}

// The constructions' patterns made global, once per registry (they were rebuilt for every document).
const globalPatterns = new WeakMap<readonly Construction[], RegExp[]>();
function patternsOf(constructions: readonly Construction[]): RegExp[] {
  let patterns = globalPatterns.get(constructions);
  if (!patterns) {
    patterns = constructions.map((c) => new RegExp(c.pattern.source, c.pattern.flags.includes('g') ? c.pattern.flags : c.pattern.flags + 'g'));
    globalPatterns.set(constructions, patterns);
  }
  return patterns;
}

/** Runs every construction over every sentence that holds a figure. */
export function matchConstructions(doc: Doc, ix: MentionIndexes, constructions: readonly Construction[] = CONSTRUCTIONS): Map<Value, Claim> {
  const hits: Hit[] = [];
  const patterns = patternsOf(constructions);
  for (const s of doc.sentences) {
    if (!ix.percent.some(s.start, s.end) && !ix.count.some(s.start, s.end)) continue;
    const seq: Sequence = sequenceOf(doc, s, ix);
    constructions.forEach((c, rank) => {
      const re = patterns[rank]!;
      re.lastIndex = 0;
      for (let m; (m = re.exec(seq.codes)); ) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const pairings = c.build({ doc, seq, from: m.index, to: m.index + m[0].length, codes: m, ix });
        if (pairings) hits.push({ rank, length: m[0].length, construction: c, pairings });
        // "not really this construction": try again from the next token, a shorter match may still be one.
        else re.lastIndex = m.index + 1;
      }
    });
  }
  hits.sort((a, b) => a.rank - b.rank || b.length - a.length);
  const claims = new Map<Value, Claim>();
  for (const h of hits) {
    for (const p of h.pairings) {
      let c = claims.get(p.value);
      if (!c) claims.set(p.value, (c = { by: [] }));
      let used = false;
      if (p.region !== undefined && !c.region) [c.region, used] = [{ pairing: p, by: h.construction.name }, true];
      if (p.metric !== undefined && !c.metric) [c.metric, used] = [{ pairing: p, by: h.construction.name }, true];
      if (p.drop !== undefined && !c.drop) [c.drop, used] = [{ pairing: p, by: h.construction.name }, true];
      if (used && !c.by.includes(h.construction.name)) c.by.push(h.construction.name);
    }
  }
  return claims;
}
