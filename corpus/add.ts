/**
 * Adds an article to the corpus as a gold draft: `npx tsx corpus/add.ts <id> <article.txt> [--url URL] [--published YYYY-MM-DD]`.
 * Writes corpus/dev/<id>.json with today's extraction as draft facts. Check every fact by hand against the
 * rules in corpus/dev/README.md (fix, delete, add what was missed) before committing: the draft is not gold.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extractFacts } from '../src/extract/index.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { url: { type: 'string' }, published: { type: 'string' } } });
const [id, file] = positionals;
if (!id || !file || !/^[a-z]\d{3}$/.test(id)) {
  console.error('usage: npx tsx corpus/add.ts <id like d021> <article.txt> [--url URL] [--published YYYY-MM-DD]');
  process.exit(2);
}
const out = `corpus/dev/${id}.json`;
if (existsSync(out)) {
  console.error(`${out} exists: choose another id`);
  process.exit(2);
}
const text = readFileSync(file, 'utf8');
const r = extractFacts(text, { published: values.published ?? null });
const gold = {
  id,
  url: values.url ?? null,
  title: null,
  published: values.published ?? null,
  text,
  facts: r.facts.map((f) => ({ region: f.region.name, level: f.region.level, metric: f.metric, value: f.value, as_of: f.asOf, span: f.evidence.text })),
  categories: r.categories.map((c) => ({ region: c.region.name, level: c.region.level, category: c.category, year: c.year, span: c.evidence.text })),
};
writeFileSync(out, JSON.stringify(gold, null, 2) + '\n');
console.log(`wrote ${out}: ${gold.facts.length} draft facts, ${gold.categories.length} draft categories — check each by hand before committing`);
