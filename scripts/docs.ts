/**
 * `npm run docs`: regenerates the README's sample outputs from the program itself, so they cannot drift. Each
 * sample sits between `<!-- docs:NAME -->` and `<!-- /docs -->` markers (a fenced block in between); this script
 * builds the bundled database in a temporary folder (what `npm start` does on a fresh clone), runs each sample's
 * command and writes its output in place. test/cli/readme.test.ts runs the same generation and fails when the
 * README differs, and runs every SQL query of the README against the same database.
 *
 * `npm run docs -- --check` only compares (exit 1 and the names of the stale samples).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const README = join(ROOT, 'README.md');
const BIN = join(ROOT, 'src/bin.js');

/** How the database path reads in the README: the clone's default. */
const SHOWN_DB = 'data/cakupan.db';

/** One sample: the command line the README shows, the arguments run, and how the output is cut. */
interface Sample {
  /** The line shown before the output (`$ npm start`), or none. */
  prompt?: string;
  args: string[];
  /** Keep the first `head` lines… */
  head?: number;
  /** …and the last `tail` lines, with "…" between. */
  tail?: number;
  /** Only the first `cols` comma-separated fields of each line (CSV samples, so rows fit the page). */
  cols?: number;
}

/** The samples, by marker name. `main` runs first, on a fresh database: it is what `npm start` prints on a fresh clone. */
export const SAMPLES: Record<string, Sample> = {
  main: { args: ['main'], head: 14, tail: 6 },
  'main-run': { prompt: '$ npm start', args: ['main'], head: 8, tail: 6 },
  'show-banjar': { prompt: '$ npx cakupan show 63.03', args: ['show', '63.03'] },
  'show-kalteng': { prompt: '$ npx cakupan show Kalteng', args: ['show', 'Kalteng'], head: 14 },
  'export-latest': { prompt: '$ npx cakupan export --latest --format csv | head -3 | cut -d, -f1-14', args: ['export', '--latest', '--format', 'csv'], head: 3, cols: 14 },
  'export-categories': { prompt: '$ npx cakupan export --kind categories | head -3 | cut -d, -f1-10', args: ['export', '--kind', 'categories'], head: 3, cols: 10 },
  stats: { prompt: '$ npx cakupan stats | head -1', args: ['stats'], head: 1 },
};

/** Fields of a CSV line, quotes respected. */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (q) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '""';
        i++;
      } else if (c === '"') {
        q = false;
        cur += c;
      } else cur += c;
    } else if (c === '"') {
      q = true;
      cur += c;
    } else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function cut(text: string, s: Sample): string {
  let lines = text.replace(/\n+$/, '').split('\n');
  if (s.cols) lines = lines.map((l) => csvFields(l).slice(0, s.cols).join(','));
  if (s.head !== undefined && lines.length > s.head + (s.tail ?? 0)) lines = [...lines.slice(0, s.head), ...(s.tail ? ['…', ...lines.slice(-s.tail)] : [])];
  return lines.join('\n');
}

/** Runs the samples against a fresh bundled database in `dir`; returns name -> block text, and the database path. */
export function generate(dir: string): { blocks: Map<string, string>; db: string } {
  const db = join(dir, 'cakupan.db');
  const blocks = new Map<string, string>();
  let first = true;
  for (const [name, s] of Object.entries(SAMPLES)) {
    // Both `main` samples show the first run (a fresh clone): the second gets a fresh database too.
    if (s.args[0] === 'main' && !first) rmSync(db, { force: true });
    if (s.args[0] === 'main') first = false;
    const r = spawnSync(process.execPath, [BIN, ...s.args, '--db', db], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CAKUPAN_DB: '' }, maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`docs: ${s.args.join(' ')} exited ${r.status}: ${r.stderr}`);
    const out = cut(r.stdout.split(db).join(SHOWN_DB), s);
    blocks.set(name, (s.prompt ? s.prompt + '\n' : '') + out);
  }
  return { blocks, db };
}

const MARKER = /<!-- docs:([\w-]+) -->\n```[^\n]*\n([\s\S]*?)\n```\n<!-- \/docs -->/g;

/** The README with every marked sample replaced by `blocks`; `stale` names the samples that differed. */
export function rewrite(readme: string, blocks: Map<string, string>): { text: string; stale: string[]; unknown: string[] } {
  const stale: string[] = [];
  const unknown: string[] = [];
  const text = readme.replace(MARKER, (all, name: string, body: string) => {
    const want = blocks.get(name);
    if (want === undefined) {
      unknown.push(name);
      return all;
    }
    if (body !== want) stale.push(name);
    return `<!-- docs:${name} -->\n\`\`\`\n${want}\n\`\`\`\n<!-- /docs -->`;
  });
  return { text, stale, unknown };
}

/** Every SQL statement of the README's ```sql blocks. */
export function readmeSql(readme: string): string[] {
  const out: string[] = [];
  for (const m of readme.matchAll(/```sql\n([\s\S]*?)```/g))
    for (const stmt of m[1]!.split(/;\s*(?:\n|$)/)) {
      const sql = stmt.replace(/--[^\n]*/g, '').trim();
      if (sql) out.push(sql);
    }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  const dir = mkdtempSync(join(tmpdir(), 'cakupan-docs-'));
  try {
    const { blocks } = generate(dir);
    const { text, stale, unknown } = rewrite(readFileSync(README, 'utf8'), blocks);
    if (unknown.length) process.stderr.write(`docs: README markers with no sample: ${unknown.join(', ')}\n`);
    if (check) {
      process.stdout.write(stale.length ? `docs: stale README samples: ${stale.join(', ')} (run npm run docs)\n` : 'docs: README samples are current\n');
      process.exitCode = stale.length || unknown.length ? 1 : 0;
    } else {
      writeFileSync(README, text);
      process.stdout.write(`docs: ${blocks.size} samples written to README.md${stale.length ? ` (changed: ${stale.join(', ')})` : ' (no change)'}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
