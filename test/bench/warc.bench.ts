/**
 * WARC ingest bench. In a temp dir (deleted after), a `.warc.gz` of WARC_BENCH_MB (1000) MB compressed is
 * generated from the bench pages (../shared/bench, article-extraction and indonesian-html) and the corpus
 * articles: warcio serializes each distinct record once, the file repeats their gzip members under many hosts.
 * Reported in one run, on the same file:
 *  - `zcat FILE > /dev/null`: MB/s of compressed input, the floor any reader pays;
 *  - `ingestWarc` with one scan worker and a host filter that keeps ~2 % of the records: MB/s of compressed
 *    input per core, the ratio to zcat (target >= 0.5), and the process's peak RSS (target < 300 MB);
 *  - pages/s through the text and fact stages, on a smaller file whose every record passes the host filter.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { openStore } from '../../src/store/index.ts';
import { ingestWarc } from '../../src/warc/ingest.ts';
import { articlePage, devArticles, serialize } from '../warc/fixtures.ts';

const TARGET_MB = Number(process.env.WARC_BENCH_MB ?? 1000);
const PAGES_MB = Number(process.env.WARC_BENCH_PAGES_MB ?? 20);
const SHARED = fileURLToPath(new URL('../../../shared/bench/', import.meta.url));
const KEYWORDS = JSON.parse(readFileSync(fileURLToPath(new URL('../../data/sites.json', import.meta.url)), 'utf8')).relevance.keywords as string[];

function benchPages(): string[] {
  const out: string[] = [];
  for (const set of ['article-extraction/html', 'indonesian-html/html']) {
    let names: string[] = [];
    try {
      names = readdirSync(join(SHARED, set));
    } catch {
      continue;
    }
    for (const n of names.sort()) {
      const b = readFileSync(join(SHARED, set, n));
      out.push((n.endsWith('.gz') ? gunzipSync(b) : b).toString('utf8'));
    }
  }
  return out;
}

/** Peak resident set of this process, all threads (VmHWM), in bytes. */
function peakRss(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : process.memoryUsage().rss;
}

// The ingest runs in a child process, so its peak RSS is its own (not the generator's page buffers).
if (process.argv[2] === 'child') {
  const [file, db, hosts] = process.argv.slice(3) as [string, string, string];
  const store = openStore(db);
  const t = Date.now();
  const r = await ingestWarc(store, [file], { hosts: hosts.split(','), keywords: KEYWORDS, workers: 1, progress: false });
  await store.close();
  process.stdout.write(JSON.stringify({ seconds: (Date.now() - t) / 1000, counts: r.files[0]!.counts, error: r.files[0]!.error, peakRss: peakRss() }) + '\n');
  process.exit(0);
}

function ingestChild(file: string, db: string, hosts: string): { seconds: number; counts: Record<string, number>; error: string | null; peakRss: number } {
  const c = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'child', file, db, hosts], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (c.status !== 0) throw new Error(`ingest child failed (${c.status}): ${c.stderr}`);
  return JSON.parse(c.stdout.trim().split('\n').at(-1)!);
}

const dir = mkdtempSync(join(tmpdir(), 'cakupan-warc-bench-'));
try {
  const pages = benchPages();
  const corpus = devArticles(/^[dhcs]\d+\.json$/).map((a) => articlePage(a));
  process.stdout.write(`pages: ${pages.length} bench pages, ${corpus.length} corpus articles; load ${loadavg()[0].toFixed(2)}\n`);
  // Distinct gzip members: every page under 10 other hosts, and the corpus under the one kept host.
  const other: Buffer[] = [];
  for (let h = 0; h < 10; h++) for (let i = 0; i < pages.length; i++) other.push(await serialize({ url: `https://www.site${h}.example.com/news/${i}/story`, html: pages[i]! }, true));
  const kept: Buffer[] = [];
  for (let i = 0; i < corpus.length; i++) kept.push(await serialize({ url: `https://kabar.example.co.id/berita/${i}/laporan`, html: corpus[i]! }, true));

  // The big file: ~2 % kept-host records among the others.
  const big = join(dir, 'big.warc.gz');
  const fd = openSync(big, 'w');
  let written = 0;
  let n = 0;
  const t0 = Date.now();
  while (written < TARGET_MB * 1e6) {
    const b = n % 50 === 0 ? kept[(n / 50) % kept.length]! : other[n % other.length]!;
    writeSync(fd, b);
    written += b.length;
    n++;
  }
  closeSync(fd);
  const bigMB = statSync(big).size / 1e6;
  process.stdout.write(`generated ${bigMB.toFixed(0)} MB (${n} records) in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);

  const tz = Date.now();
  const z = spawnSync('sh', ['-c', `zcat '${big}' > /dev/null`]);
  if (z.status !== 0) throw new Error(`zcat failed: ${z.stderr}`);
  const zcatS = (Date.now() - tz) / 1000;
  const zcatMBs = bigMB / zcatS;
  process.stdout.write(`zcat FILE > /dev/null: ${zcatS.toFixed(1)} s, ${zcatMBs.toFixed(1)} MB/s of compressed input\n`);

  const r = ingestChild(big, join(dir, 'bench.db'), 'kabar.example.co.id');
  const mbs = bigMB / r.seconds;
  process.stdout.write(
    `ingest, host filter keeps 2 %, one core: ${r.seconds.toFixed(1)} s, ${mbs.toFixed(1)} MB/s of compressed input per core = ${(mbs / zcatMBs).toFixed(2)} x zcat (target >= 0.5); ` +
      `${r.counts.records} records, ${r.counts.hostRejected} other hosts, ${r.counts.kept} pages kept, ${r.counts.bad} bad; peak RSS ${(r.peakRss / 1e6).toFixed(0)} MB (target < 300)\n`,
  );

  // pages/s: every record on the kept host, every one through the text and fact stages.
  const small = join(dir, 'pages.warc.gz');
  const fd2 = openSync(small, 'w');
  let w2 = 0;
  let n2 = 0;
  while (w2 < PAGES_MB * 1e6 && n2 < 2000) {
    const b = kept[n2 % kept.length]!;
    writeSync(fd2, b);
    w2 += b.length;
    n2++;
  }
  closeSync(fd2);
  const r2 = ingestChild(small, join(dir, 'pages.db'), '*');
  const c = r2.counts;
  process.stdout.write(`pages parsed (text + fact stages + store), one core: ${c.records} records, ${c.kept} kept, ${(c.records / r2.seconds).toFixed(0)} pages/s, ${(statSync(small).size / 1e6 / r2.seconds).toFixed(1)} MB/s; peak RSS ${(r2.peakRss / 1e6).toFixed(0)} MB\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
