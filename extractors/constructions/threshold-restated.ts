/**
 * A threshold or target restated as reached is not a measurement: "sudah melampaui 98 persen kepesertaan, yakni
 * Bintan (98,34%) …", "berkomitmen mewujudkan UHC 98%" in an article that names 98 % as the threshold, "sudah
 * mencapai 95 persen" beside "belum mencapai 95 persen". A round share after a verb of reaching gives no fact when
 * the same number is named elsewhere in the article as a threshold, target or criterion, or when a list of the
 * regions that passed it follows.
 *
 * Pattern: words("… melampaui|melewati|memenuhi|mewujudkan|sudah mencapai|tembus …") PERCENT
 */
import type { Doc, GuardMention } from '../../src/extract/types.ts';
import type { MentionIndexes } from '../../src/extract/tokens.ts';
import type { Construction } from './types.ts';
import { textOf, tokensOf, valueOf } from './types.ts';

const REACHED = /\b(?:melampaui|melewati|memenuhi|mewujudkan|menembus|tembus|sudah\s+mencapai|telah\s+mencapai|berhasil\s+mencapai|sudah\s+di\s+atas|mencapai\s+UHC|capai\s+UHC|ambang)\s*(?:UHC|angka|target)?\s*$/iu;
const AS_TARGETED = /^\s*(?:,\s*)?(?:sesuai|sebagaimana|seperti|memenuhi|mencapai)\s+(?:dengan\s+)?(?:target|sasaran|ketentuan|syarat)\b/iu;
/** A threshold word this close before a share makes its number a threshold of the article. @default 30 */
export const THRESHOLD_WORD_REACH = 30;

const thresholdsOf = new WeakMap<Doc, Set<number>>();
export function articleThresholds(doc: Doc, ix: MentionIndexes): Set<number> {
  let set = thresholdsOf.get(doc);
  if (set) return set;
  set = new Set<number>();
  for (const p of ix.percent.items) {
    if (p.number.decimal) continue;
    const s = doc.sentenceAt(p.start);
    const g = ix.guard.last(Math.max(s.start, p.start - THRESHOLD_WORD_REACH), p.start, (x: GuardMention) => x.guard === 'threshold' || x.guard === 'target' || x.guard === 'criterion');
    if (g) set.add(p.value);
  }
  thresholdsOf.set(doc, set);
  return set;
}

export const thresholdRestated: Construction = {
  name: 'threshold-restated',
  description: 'A threshold or target number restated as reached: no fact.',
  dropsOnly: true,
  pattern: /wP(?:w?[Qw]?[,y]*R\()?/,
  build(m) {
    const ts = tokensOf(m);
    const p = valueOf(ts[1]!);
    if (p.kind !== 'percent' || p.number.decimal) return null;
    // "telah mencapai 98 persen sesuai target pemerintah pusat": the target's own number, said to be met.
    if (AS_TARGETED.test(m.doc.text.slice(p.end, Math.min(m.seq.sentence.end, p.end + 40)))) return [{ value: p, drop: 'a target met, with its own number', reasons: [] }];
    if (!REACHED.test(textOf(m, ts[0]!))) return null;
    const listFollows = ts.some((t) => t.code === '(');
    if (!listFollows && !articleThresholds(m.doc, m.ix).has(p.value)) return null;
    return [{ value: p, drop: 'a threshold restated as reached', reasons: [] }];
  },
  examples: [
    {
      text: 'Per 1 Mei 2025, tiga kabupaten di Kepulauan Riau sudah melampaui 98 persen kepesertaan, yakni Bintan (98,34%), Lingga (98,55%), dan Natuna (100,40%).',
      facts: [
        { region: 'Kabupaten Bintan', metric: 'coverage_pct', value: 98.34, asOf: '2025-05-01' },
        { region: 'Kabupaten Lingga', metric: 'coverage_pct', value: 98.55, asOf: '2025-05-01' },
        { region: 'Kabupaten Natuna', metric: 'coverage_pct', value: 100.4, asOf: '2025-05-01' },
      ],
    },
    {
      text: 'Syarat UHC adalah cakupan kepesertaan minimal 98 persen. Pemerintah Provinsi Bengkulu berkomitmen mewujudkan UHC 98% tahun ini.',
      none: 'the 98 % threshold restated as a goal reached',
    },
    {
      text: 'Untuk meraih UHC, kepesertaan harus minimal 95 persen. Kabupaten Boalemo kini sudah mencapai 95 persen.',
      none: 'the 95 % threshold restated as reached, no measurement',
    },
    { text: 'Kabupaten Kebumen telah mencapai 98 persen sesuai target pemerintah pusat.', none: "the target's own number said to be met" },
    {
      text: 'Kabupaten Kebumen telah mencapai 98,4 persen sesuai target pemerintah pusat.',
      facts: [{ region: 'Kabupaten Kebumen', metric: 'coverage_pct', value: 98.4 }],
    },
    {
      text: 'Untuk meraih UHC, kepesertaan harus minimal 95 persen. Kabupaten Boalemo kini sudah mencapai 96,3 persen.',
      facts: [{ region: 'Kabupaten Boalemo', metric: 'coverage_pct', value: 96.3 }],
    },
  ],
};
