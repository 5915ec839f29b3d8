/**
 * Confidence: every fact carries named reasons; each reason has one weight here, and a fact's confidence
 * is the product of its reasons' weights. A change of weights is a one-line diff, and a reviewer sees why.
 * Calibrated on the dev corpus so that facts at >= 0.9 are right (see `npm run eval`, "calibration").
 */
export const REASON_WEIGHTS: Record<string, number> = {
  // Where the region came from.
  'region:clause': 1, // named in the figure's own clause, before it ("Kabupaten Landak … 388.540 peserta")
  'region:list': 0.97, // "masing-masing": one figure for each region of a list
  'region:after': 0.95, // named after the figure in the same sentence ("… 89,65 persen …, menempatkan Sultra")
  'region:magnitude': 0.97, // over 60 million people can only be Indonesia
  'region:national-cue': 0.95, // "secara nasional"
  'region:paragraph': 0.9, // named earlier in the same paragraph
  'region:heading': 0.88, // a line above that is only a region name, heading a list of figures
  'region:article': 0.72, // the article's main region, nothing closer
  'region:alias-unverified': 0.85, // a press alias not yet confirmed in a dev article
  'region:ambiguous': 0.6, // same-name kabupaten/kota pair left unresolved
  'region:same-name-context': 0.93, // same-name pair resolved by the article's other mentions
  // How the metric was decided.
  'metric:cue': 1, // a metric word in the figure's clause
  'metric:pair': 0.99, // shares the metric of the count or share it is paired with ("… jiwa atau 99,47 persen")
  'metric:weak-cue': 0.9, // only "UHC", "cakupan", "capai"
  'metric:list': 0.95, // continues a list whose first figure had a cue
  'metric:carry': 0.8, // the last metric named earlier in the article
  'metric:default': 0.55, // nothing said: a share is read as coverage
  // The value itself.
  'value:implied-percent': 0.88, // "(94,75)" with no sign
  'value:over-100': 0.97, // real reports say "100,18 persen": kept, flagged
  'value:approx': 1, // "sekitar", "lebih dari": the stated number is recorded
  // Categories.
  'category:clause': 1,
  'category:list': 0.93,
  'category:after': 0.93,
  'category:paragraph': 0.8,
  'category:year-article': 0.97,
  'category:year-single': 0.9,
};

/** The threshold under which a fact goes to review. @default 0.9 */
export const REVIEW_THRESHOLD = 0.9;

/** The confidence of a set of reasons: the product of their weights, in [0, 1], two decimals. */
export function confidenceOf(reasons: readonly string[]): number {
  let c = 0.98; // no extraction is certain
  for (const r of reasons) c *= REASON_WEIGHTS[r] ?? 1;
  return Math.max(0, Math.min(1, Math.round(c * 100) / 100));
}
