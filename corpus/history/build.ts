/**
 * Builds corpus/history/<commit>.json: the facts an earlier version of the extraction module gave on the gold
 * articles, for `npm run calibrate` to learn from beside today's.
 *
 *   npx tsx corpus/history/build.ts 0af9486
 *   npx tsx corpus/history/build.ts bb1f7d5 --corpus corpus/synthetic --ids b,x   (-> bb1f7d5-synthetic.json)
 *
 * Why: today's rules were written while looking at every corpus article, so today's extractions of them are nearly
 * all right, and a confidence model fitted on them alone learns that everything is right. An earlier version's
 * extractions of the same articles, made before the rules had been tuned to them, carry the kind of mistakes rules
 * make on text they were not written from — with the same reasons and features (construction:*, gates) as today's.
 * Labelled by gold like today's facts and grouped by site, they keep the fitted confidence honest on new sites.
 *
 * The module is copied out of git (`git archive`, read-only) into a temporary folder and run there. Deterministic.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const commit = process.argv[2];
const flag = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
// Which gold folder (corpus/dev, or corpus/synthetic: articles written blind to the rules) and which id prefixes of it.
const corpusDir = flag('--corpus') ?? 'corpus/dev';
const prefixes = flag('--ids')?.split(',').filter(Boolean) ?? [];
if (!commit || !/^[0-9a-f]{7,40}$/.test(commit)) {
  process.stderr.write('usage: npx tsx corpus/history/build.ts <commit> [--corpus corpus/dev|corpus/synthetic] [--ids b,x]   (a commit of this repository, e.g. 0af9486)\n');
  process.exit(2);
}
const corpusName = corpusDir.replace(/\/+$/, '').split('/').pop()!;
const outName = corpusName === 'dev' ? `${commit}.json` : `${commit}-${corpusName}.json`;
const dir = mkdtempSync(join(tmpdir(), 'cakupan-history-'));
try {
  const tar = execFileSync('git', ['-C', root, 'archive', '--format=tar', commit, 'src', 'extractors', 'data'], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const { extractFacts } = (await import(pathToFileURL(join(dir, 'src/extract/index.ts')).href)) as typeof import('../../src/extract/index.ts');
  const articles = readdirSync(join(root, corpusDir))
    .filter((f) => f.endsWith('.json') && (!prefixes.length || prefixes.some((p) => f.startsWith(p))))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(root, corpusDir, f), 'utf8')) as { id: string; text: string; published: string | null });
  const out = {
    $comment: `Facts the extraction module of commit ${commit} gave on ${corpusDir}${prefixes.length ? ` (${prefixes.join(', ')})` : ''} (corpus/history/build.ts): calibration data, labelled by gold at fit time.`,
    commit,
    corpus: corpusName,
    articles: articles.map((a) => ({ id: a.id, facts: extractFacts(a.text, { published: a.published }).facts.map((f) => ({ ...f, confidence: 0 })) })),
  };
  writeFileSync(join(here, outName), JSON.stringify(out) + '\n');
  process.stdout.write(`corpus/history/${outName}: ${out.articles.reduce((s, a) => s + a.facts.length, 0)} facts of ${out.articles.length} articles\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
