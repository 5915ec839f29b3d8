/**
 * `npm run bench -- extract`: text -> facts, today's code against the code before issue 9, in one run.
 *
 * 1. Throughput on the gold corpus (corpus/dev, 63 articles): articles/s and MB/s of the current extraction module
 *    and of the one at commit BEFORE_COMMIT, which this bench copies out of git (`git archive`, read-only) into a
 *    temporary folder at run time and loads beside the current one. Rounds alternate between the two, so a busy
 *    machine slows both alike.
 * 2. Linear time (issue 9): one text each of 0.1, 1 and 8 MB built from corpus sentences — every article's text
 *    (repeated sentences) interleaved with its figure sentences each given a date of its own (dense dated figures) —
 *    extracted whole; reports s/MB and the 8 MB / 1 MB time ratio (targets: <= 1 s per MB, ratio <= 10).
 *    The old code runs only the sizes up to OLD_MAX_MB (it is quadratic: 1 MB took ~60 s).
 * A size is skipped, and says so, when the time of the size before it, scaled as if quadratic (what the old engine
 * is), exceeds SIZE_BUDGET_S: a linear engine always gets every size measured.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The extraction module before any rule of issue 9 changed (the unseen baseline's commit). @default 664fd88 */
const BEFORE_COMMIT = process.env.EXTRACT_BENCH_BEFORE ?? '664fd88';
/** Throughput rounds over the corpus per version. @default 10 (a few seconds each on one core) */
const ROUNDS = Number(process.env.ROUNDS ?? 10);
/** Text sizes in MB. @default 0.1, 1, 8 (issue 9) */
const SIZES_MB = [0.1, 1, 8];
/** The largest size the old code is given. @default 0.1 (its 1 MB takes about a minute of a shared core) */
const OLD_MAX_MB = Number(process.env.EXTRACT_BENCH_OLD_MAX_MB ?? 0.1);
/** A size is skipped when the size before it, scaled quadratically, would take longer than this. @default 400 (8 MB runs when 1 MB took <= 6 s) */
const SIZE_BUDGET_S = Number(process.env.EXTRACT_BENCH_BUDGET_S ?? 400);

type ExtractFn = (text: string, opts?: { published?: string | null; aboutJkn?: boolean }) => { facts: unknown[] };

const root = resolve(import.meta.dirname, '..', '..');
const texts = readdirSync(join(root, 'corpus/dev'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(root, 'corpus/dev', f), 'utf8')) as { text: string; published: string | null });

/** Copies the extraction module of a commit (src, extractors, data) out of git into a temporary folder. */
function checkoutOld(commit: string): { dir: string; extract: Promise<ExtractFn> } {
  const dir = mkdtempSync(join(tmpdir(), 'cakupan-bench-old-'));
  const tar = execFileSync('git', ['-C', root, 'archive', '--format=tar', commit, 'src', 'extractors', 'data'], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return { dir, extract: import(pathToFileURL(join(dir, 'src/extract/index.ts')).href).then((m) => m.extractFacts as ExtractFn) };
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const FIGURE = /\d[\d.,]*\s*(?:persen|%|jiwa|peserta|orang|juta)/i;

/** A text of about `mb` megabytes (UTF-8) from corpus sentences: articles, then their figure sentences each dated. */
function buildText(mb: number): string {
  const target = mb * 1e6;
  const parts: string[] = [];
  let bytes = 0;
  let n = 0;
  while (bytes < target) {
    const t = texts[n % texts.length]!.text;
    const figures = t.split(/(?<=[.!?])\s+|\n+/).filter((s) => FIGURE.test(s) && s.length < 400);
    const dated = figures.map((s, i) => `Per ${1 + ((n + i) % 28)} ${MONTHS[(n + i) % 12]} ${2019 + ((n + i) % 7)}, ${s}`).join(' ');
    for (const p of [t, dated]) {
      parts.push(p);
      bytes += Buffer.byteLength(p) + 2;
    }
    n++;
  }
  return parts.join('\n\n');
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
}

const old = checkoutOld(BEFORE_COMMIT);
try {
  const current = (await import('../../src/extract/index.ts')).extractFacts as ExtractFn;
  const before = await old.extract;
  const peers: [string, ExtractFn][] = [
    [`before (${BEFORE_COMMIT})`, before],
    ['today', current],
  ];

  // 1. Throughput on the corpus, alternating rounds.
  const corpusBytes = texts.reduce((s, t) => s + Buffer.byteLength(t.text), 0);
  for (const [, fn] of peers) for (const t of texts) fn(t.text, { published: t.published }); // warm-up
  const secs = new Map(peers.map(([name]) => [name, 0]));
  const facts = new Map(peers.map(([name]) => [name, 0]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, fn] of r % 2 ? [...peers].reverse() : peers) {
      secs.set(
        name,
        secs.get(name)! +
          time(() => {
            for (const t of texts) facts.set(name, facts.get(name)! + fn(t.text, { published: t.published }).facts.length);
          }),
      );
    }
  }
  console.log(`extract: throughput on corpus/dev (${texts.length} articles, ${(corpusBytes / 1e6).toFixed(2)} MB) x ${ROUNDS} rounds, alternating:`);
  for (const [name] of peers) {
    const s = secs.get(name)!;
    console.log(`  ${name.padEnd(18)} ${((ROUNDS * texts.length) / s).toFixed(0).padStart(6)} articles/s  ${((ROUNDS * corpusBytes) / s / 1e6).toFixed(3)} MB/s  ${facts.get(name)! / ROUNDS} facts per round`);
  }
  const ratio = secs.get(peers[0]![0])! / secs.get('today')!;
  console.log(`  today / before: ${ratio.toFixed(2)}x the throughput (issue 9: must not fall below 1)`);

  // 2. Time against text size.
  const built = new Map(SIZES_MB.map((mb) => [mb, buildText(mb)]));
  console.log('extract: one text of each size, built from corpus sentences (articles + dated figure sentences):');
  const taken = new Map<string, Map<number, number>>();
  for (const [name, fn] of [...peers].reverse()) {
    const mine = new Map<number, number>();
    taken.set(name, mine);
    let prev: [number, number] | null = null;
    for (const mb of SIZES_MB) {
      if (fn === before && mb > OLD_MAX_MB) {
        console.log(`  ${name.padEnd(18)} ${String(mb).padStart(4)} MB: not run (OLD_MAX_MB ${OLD_MAX_MB})`);
        continue;
      }
      if (prev && prev[1] * (mb / prev[0]) ** 2 > SIZE_BUDGET_S) {
        console.log(`  ${name.padEnd(18)} ${String(mb).padStart(4)} MB: skipped (${prev[0]} MB took ${prev[1].toFixed(2)} s; if time grows as the square of the size this would exceed ${SIZE_BUDGET_S} s)`);
        continue;
      }
      const text = built.get(mb)!;
      const realMb = Buffer.byteLength(text) / 1e6;
      let n = 0;
      const s = time(() => (n = fn(text, { published: '2025-06-30' }).facts.length));
      mine.set(mb, s);
      prev = [mb, s];
      console.log(`  ${name.padEnd(18)} ${String(mb).padStart(4)} MB: ${s.toFixed(2)} s = ${(s / realMb).toFixed(2)} s/MB, ${n} facts`);
    }
  }
  const t = taken.get('today')!;
  if (t.has(1) && t.has(8)) {
    const r = t.get(8)! / t.get(1)!;
    const perMb = t.get(8)! / (Buffer.byteLength(built.get(8)!) / 1e6);
    console.log(`extract: today 8 MB / 1 MB = ${r.toFixed(2)} (target <= 10: ${r <= 10 ? 'met' : 'NOT met'}); ${perMb.toFixed(2)} s/MB at 8 MB (target <= 1: ${perMb <= 1 ? 'met' : 'NOT met'})`);
  } else console.log('extract: today 8 MB / 1 MB: not measured (a size was skipped)');
  console.log(`extract: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  if (existsSync(old.dir)) rmSync(old.dir, { recursive: true, force: true });
}
