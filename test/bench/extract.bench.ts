/**
 * Text -> facts throughput on one core: the 25 dev articles repeated, after a warm-up.
 * Reports articles/s, MB/s and peak RSS. Target (issue 2): >= 500 articles/s.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extractFacts } from '../../src/extract/index.ts';

const texts = readdirSync('corpus/dev')
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`corpus/dev/${f}`, 'utf8')) as { text: string; published: string | null });
const ROUNDS = Number(process.env.ROUNDS ?? 200);

for (let i = 0; i < 5; i++) for (const t of texts) extractFacts(t.text, { published: t.published });
let facts = 0;
let bytes = 0;
const t0 = performance.now();
for (let i = 0; i < ROUNDS; i++) {
  for (const t of texts) {
    facts += extractFacts(t.text, { published: t.published }).facts.length;
    bytes += t.text.length;
  }
}
const secs = (performance.now() - t0) / 1000;
const n = ROUNDS * texts.length;
const rate = n / secs;
console.log(`extract: ${n} articles in ${secs.toFixed(2)} s = ${rate.toFixed(0)} articles/s (${(bytes / secs / 1e6).toFixed(2)} MB/s of text), ${facts} facts`);
console.log(`extract: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; target >= 500 articles/s: ${rate >= 500 ? 'met' : 'NOT met'}`);
