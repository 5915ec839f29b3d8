/**
 * Where the precision sample goes in the queue, without materialising the queue: with D doubtful
 * items and S sampled ones (N = D + S), sample k sits at position floor((k + 1)·N / (S + 1)).
 * Samples are spread evenly (none first, none piled at the end), so a reviewer who clears only
 * the head of the queue still reviews its share of the sample. Positions are 0-based.
 */

/** Position of sample `k`. */
export function samplePosition(k: number, doubtful: number, sampled: number): number {
  // With no doubtful item the queue is the sample, in order.
  if (doubtful === 0) return k;
  return Math.floor(((k + 1) * (doubtful + sampled)) / (sampled + 1));
}

/** Number of samples placed before position `p`. */
function samplesBefore(p: number, doubtful: number, sampled: number): number {
  let lo = 0;
  let hi = sampled; // answer in [0, sampled]
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (samplePosition(mid, doubtful, sampled) < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What is at position `p`: sample `k`, doubtful item `d`, or nothing (past the end). */
export function slotAt(p: number, doubtful: number, sampled: number): { kind: 'sample'; index: number } | { kind: 'doubtful'; index: number } | null {
  if (p < 0 || p >= doubtful + sampled) return null;
  const before = samplesBefore(p, doubtful, sampled);
  if (before < sampled && samplePosition(before, doubtful, sampled) === p) return { kind: 'sample', index: before };
  return { kind: 'doubtful', index: p - before };
}

/** Position of doubtful item `d`. */
export function doubtfulPosition(d: number, doubtful: number, sampled: number): number {
  // Walk the samples that come before it: sample j precedes when its position is not after d + j.
  let j = 0;
  while (j < sampled && samplePosition(j, doubtful, sampled) <= d + j) j++;
  return d + j;
}
