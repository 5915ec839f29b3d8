#!/usr/bin/env node
/**
 * `npm run build` (also run by `prepare`, so `npm ci` builds): compiles src/ and extractors/ to JavaScript in
 * dist/ (tsconfig.build.json, `rewriteRelativeImportExtensions`), then copies what the compiled code reads at run
 * time next to it, at the same relative paths: the non-TypeScript files of src/ (SQL migrations, the review page's
 * static files, …), data/ (without databases) and the bundled corpus. dist/src/bin.js is the installed command.
 * Plain JavaScript on purpose: it must run before anything is compiled.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(root, 'dist');
/** Files never copied: databases and their journals, and the source-only launchers replaced by compiled ones. */
const SKIP = [/\.db(-\w+)?$/, /^src\/bin\.js$/];

rmSync(out, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
// tsc writes the JavaScript even when types are wrong (noEmitOnError is off); the type errors are `npm run
// typecheck`'s to report (and `npm test` runs it first). Only a compiler that wrote nothing fails the build.
if (!existsSync(join(out, 'src', 'cli.js'))) {
  process.stderr.write(`build: the TypeScript compiler wrote no dist/src/cli.js (exit ${r.status ?? r.signal}); fix the errors above and run npm run build again\n`);
  process.exit(1);
}
if (r.status !== 0) process.stderr.write('build: type errors above (see npm run typecheck); the JavaScript was written anyway\n');

/** Copies `dir` (relative to the root) into dist/: every file, or only non-.ts ones whose compiled .js does not exist. */
function copyTree(dir, { sourcesOnly }) {
  const from = join(root, dir);
  if (!existsSync(from)) return 0;
  let n = 0;
  for (const name of readdirSync(from)) {
    const rel = join(dir, name);
    if (SKIP.some((re) => re.test(rel))) continue;
    if (statSync(join(root, rel)).isDirectory()) {
      n += copyTree(rel, { sourcesOnly });
      continue;
    }
    if (sourcesOnly && name.endsWith('.ts')) continue;
    const to = join(out, rel);
    // A .js launcher next to a .ts module of the same name (src/store/extract-worker.js) gives way to the compiled module.
    if (existsSync(to)) continue;
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(join(root, rel), to);
    n++;
  }
  return n;
}

let copied = copyTree('src', { sourcesOnly: true }) + copyTree('extractors', { sourcesOnly: true });
copied += copyTree('data', { sourcesOnly: false }) + copyTree('corpus/dev', { sourcesOnly: false });
const bin = join(out, 'src', 'bin.js');
writeFileSync(
  bin,
  `#!/usr/bin/env node
// The \`cakupan\` command (written by scripts/build.mjs): the compiled CLI. In a clone it first checks that dist/ is not
// older than the sources (a few ms of stat calls), so \`npm start\` after an edit says to rebuild instead of running old code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
const root = fileURLToPath(new URL('../../', import.meta.url));
const stamp = join(root, 'dist', '.built');
if (existsSync(join(root, 'src', 'cli.ts')) && existsSync(stamp)) {
  const built = statSync(stamp).mtimeMs;
  const newer = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory() ? newer(p) : !e.name.endsWith('.db') && !e.name.includes('.db-') && statSync(p).mtimeMs > built) return true;
    }
    return false;
  };
  if (['src', 'extractors', 'data'].some((d) => existsSync(join(root, d)) && newer(join(root, d))))
    process.stderr.write('cakupan: dist/ is older than the sources; run npm run build (the output below is from the last build)\\n');
}
const { main } = await import('./cli.js');
await main(process.argv);
`,
);
writeFileSync(join(out, '.built'), new Date().toISOString() + '\n');
chmodSync(bin, 0o755);
process.stderr.write(`build: dist/ written (${copied} assets copied) in ${relative(process.cwd(), out) || '.'}\n`);
