/**
 * The store bench's ceiling peer: `node --import tsx extract-proc.ts <articles>` extracts that many copies of the
 * corpus articles (as the bench stores them: text plus a numbered line), no store, no queue, and prints one JSON
 * line: when the work started and ended (epoch ms, after a warm-up pass) and how many articles it extracted.
 * Run once alone and twice at once, it says how much of a second core this very work gets on the machine
 * (caches and memory bandwidth are shared): the ceiling of any "2 workers / 1" figure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { CorpusArticle, corpusDocument } from '../../src/store/ingest.ts';
import { extractDocument } from '../../src/store/pipeline.ts';

const n = Number(process.argv[2] ?? 10_000);
const dir = new URL('../../corpus/dev/', import.meta.url).pathname;
const base = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => CorpusArticle.parse(JSON.parse(readFileSync(dir + f, 'utf8'))));
const one = (i: number) => {
  const k = i % base.length;
  extractDocument(corpusDocument({ ...base[k]!, text: `${base[k]!.text}\n(salinan ${i})` }, 'p'));
};
for (let i = 0; i < base.length * 3; i++) one(i);
const startedAt = Date.now();
for (let i = 0; i < n; i++) one(i);
process.stdout.write(JSON.stringify({ startedAt, endedAt: Date.now(), articles: n }) + '\n');
