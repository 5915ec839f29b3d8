/**
 * Start-up figures of the built CLI (dist/, `npm run build`), as ratios to `node -e 0` measured in the same run, so
 * a busy machine slows both sides: `cakupan --version` and `cakupan extract` of one plain-text article. Used by
 * test/bench/startup.bench.ts (the figures of issue 11) and test/cli/startup.test.ts (which also builds first).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built command. */
export const BUILT_BIN = join(process.cwd(), 'dist/src/bin.js');

/**
 * The budgets of issue 11 are 0.3 s (`--version`) and 0.6 s (`extract`) on a machine where `node -e 0` takes
 * ~0.05 s: 6× and 12× the bare start. @default 6 and 12
 */
export const VERSION_MAX_RATIO = 6;
export const EXTRACT_MAX_RATIO = 12;
/** Runs per measurement; the median is kept (one slow run on a shared machine does not decide). @default 7 */
export const RUNS = 7;

function wall(args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface StartupFigures {
  nodeMs: number;
  versionMs: number;
  extractMs: number;
  versionRatio: number;
  extractRatio: number;
}

/** One article of the bundled corpus as a .txt file (what a script calling `cakupan extract` per file passes). */
export function sampleArticle(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cakupan-startup-'));
  const file = join(dir, 'article.txt');
  writeFileSync(file, (JSON.parse(readFileSync('corpus/dev/s005.json', 'utf8')) as { text: string }).text);
  return file;
}

/** Measures the three, interleaved run by run so load changes hit them alike. */
export function measureStartup(runs = RUNS): StartupFigures {
  const article = sampleArticle();
  const node: number[] = [];
  const version: number[] = [];
  const extract: number[] = [];
  wall([BUILT_BIN, '--version']); // the first run reads the files from disk; the figures are for a warm cache
  for (let i = 0; i < runs; i++) {
    node.push(wall(['-e', '0']));
    version.push(wall([BUILT_BIN, '--version']));
    extract.push(wall([BUILT_BIN, 'extract', article]));
  }
  const nodeMs = median(node);
  return { nodeMs, versionMs: median(version), extractMs: median(extract), versionRatio: median(version) / nodeMs, extractRatio: median(extract) / nodeMs };
}
