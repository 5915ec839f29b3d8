/**
 * The store's subcommands: `ingest`, `refresh`, `export`, `show`, `stats` and `main` (what `npm start` runs).
 * Each parses its flags with zod, opens the store, makes one call into the stage and prints the result.
 */
import { createWriteStream, existsSync, readdirSync, statSync, type WriteStream } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { z } from 'zod';
import { DB_ENV, REFRESH_WORKERS } from './config.ts';
import { commandName, defaultDbPath, resolveDb } from './location.ts';

/** Commands that only read the database (a read-only one serves them). */
const READING = new Set(['export', 'show', 'stats']);
import { firstFlagMessage } from '../flag-errors.ts';
import type { CoverageStore, RunRecord } from './types.ts';

// The stage's modules load inside each command's action (`await import`), so `--help`, `--version` and the
// other commands never pay for them.
const formatModule = () => import('./format.ts');
const STATUSES = ['auto', 'accepted', 'corrected', 'rejected', 'retired'];

/** The bundled corpus `npm start` ingests. */
export const CORPUS_DIR = fileURLToPath(new URL('../../corpus/dev/', import.meta.url));

const DbFlag = z.object({ db: z.string().min(1).optional() });

/** `--db`, else `CAKUPAN_DB`, else the default database (location.ts: the clone's data/cakupan.db, or the XDG data folder). */
export function dbPath(flag?: string): string {
  return resolveDb(flag).path;
}

function parseFlags<T extends z.ZodType>(command: string, schema: T, raw: unknown): z.infer<T> | null {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  process.stderr.write(`cakupan ${command}: ${firstFlagMessage(parsed.error, raw)}\n`);
  process.exitCode = 2;
  return null;
}

/** Opens `--out` for writing; a missing folder is an error naming it (never created), as is any open failure. */
export async function openOutFile(path: string): Promise<WriteStream> {
  const folder = dirname(resolvePath(path));
  if (!existsSync(folder)) throw new Error(`${path}: the folder ${folder} does not exist; create it first (mkdir -p ${folder}) or choose another --out`);
  if (!statSync(folder).isDirectory()) throw new Error(`${path}: ${folder} is not a folder; choose another --out`);
  const out = createWriteStream(path);
  await new Promise<void>((resolve, reject) => {
    out.once('open', () => resolve());
    out.once('error', (err) => reject(new Error(`${path}: cannot write the file (${err.message}); choose another --out`)));
  });
  return out;
}

/** Opens the store, runs `fn`, closes it; a store or input error is one line on stderr and exit code 1. */
async function withStore(command: string, path: string, mustExist: boolean, fn: (store: CoverageStore) => Promise<void>): Promise<void> {
  let store: CoverageStore | null = null;
  try {
    const { openCoverageStore } = await import('./open.ts');
    // Reading commands read a database they cannot write (from a copy); only the default database's folder is created.
    store = await openCoverageStore(path, { mustExist, readOnly: READING.has(command), createFolder: path === defaultDbPath() });
    await fn(store);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EPIPE') return; // the reader of stdout left early ("| head")
    process.stderr.write(`cakupan ${command}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  } finally {
    await store?.close();
  }
}

function runSummary(r: RunRecord): string {
  return (
    `${r.command} run ${r.id} ${r.outcome}: ${r.pages_seen} pages (${r.articles_new} new, ${r.articles_linked} linked, ${r.pages_unchanged} unchanged), ` +
    `${r.articles_extracted} articles extracted, facts +${r.facts_added} ~${r.facts_updated} retired ${r.facts_retired} revived ${r.facts_revived}, ${r.errors} errors`
  );
}

const PublishedFlag = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').optional();

/** Registers the store's subcommands. */
export function register(program: Command): void {
  program
    .command('ingest')
    .description('store .txt/.html/corpus .json files, folders (recursively) and URLs with their extracted facts')
    .argument('<inputs...>', 'files, folders or http(s) URLs')
    .option('--db <path>', `database (default: $${DB_ENV}, else the one cakupan --help names)`)
    .option('--published <date>', 'publication date YYYY-MM-DD for inputs that state none')
    .option('--hosts <list>', 'WARC input: keep pages of these hosts (comma-separated; .id for a suffix; * for all; default: the hosts of data/sites.json)')
    .option('--workers <n>', 'WARC input: scan worker threads, one file each (0: this thread; default: one per core)')
    .option('--warc-base <url>', 'WARC input: base URL for the relative lines of a paths list (default https://data.commoncrawl.org/)')
    .option('--config <file>', 'WARC input: sites file giving the relevance keywords and the default hosts', 'data/sites.json')
    .option('--no-progress', 'WARC input: no progress bar')
    .action(async (inputs: string[], raw: unknown) => {
      // Web archives (.warc, .warc.gz, warc.paths.gz) have their own reader: src/warc.
      const { isWarcInput } = await import('../warc/inputs.ts');
      if (inputs.some(isWarcInput)) {
        const { ingestWarcCommand } = await import('../warc/cli.ts');
        await ingestWarcCommand(inputs, raw).catch((err: Error & { reported?: boolean }) => {
          if (!err.reported) throw err;
        });
        return;
      }
      const { hosts: _h, workers: _w, warcBase: _b, config: _c, progress: _p, ...rest } = raw as Record<string, unknown>;
      raw = rest;
      const flags = parseFlags('ingest', DbFlag.extend({ published: PublishedFlag }), raw);
      if (!flags) return;
      await withStore('ingest', dbPath(flags.db), false, async (store) => {
        const { ingest } = await import('./ingest.ts');
        const rec = await ingest(store, inputs, {
          published: flags.published ?? null,
          onResult: (source, outcome, facts) => process.stdout.write(`${outcome.kind.padEnd(9)} ${source}${outcome.kind === 'new' || outcome.kind === 'updated' ? ` (${facts} facts)` : ''}\n`),
          onError: (_source, err) => process.stderr.write(`cakupan ingest: ${err.message}\n`),
        });
        process.stderr.write(runSummary(rec) + '\n');
        if (rec.errors) process.exitCode = 1;
      });
    });

  program
    .command('refresh')
    .description('re-extract stored pages whose extractor version is older than the current one (or all)')
    .option('--all', 're-extract every stored article')
    .option('--db <path>', `database (default: $${DB_ENV}, else the one cakupan --help names)`)
    .option('--no-progress', 'no progress bar')
    .option('--workers <n>', 'extraction worker threads (0: extract on the main thread)', String(REFRESH_WORKERS))
    .option('--in-process', 'on PostgreSQL: refresh in this process instead of queueing the batches for `cakupan worker`')
    .action(async (raw: unknown) => {
      const flags = parseFlags(
        'refresh',
        DbFlag.extend({ all: z.boolean().optional(), progress: z.boolean().optional(), workers: z.coerce.number().int().min(0).max(64), inProcess: z.boolean().optional() }),
        raw,
      );
      if (!flags) return;
      if (!flags.inProcess && /^postgres(ql)?:\/\//i.test(dbPath(flags.db))) {
        // Many machines: the plan's batches go on the queue; every `cakupan worker` takes some.
        try {
          const { enqueueRefreshJobs } = await import('../worker/enqueue.ts');
          process.stdout.write((await enqueueRefreshJobs({ db: dbPath(flags.db), all: flags.all ?? false, json: false })) + '\n');
        } catch (err) {
          process.stderr.write(`cakupan refresh: ${err instanceof Error ? err.message : String(err)}\n`);
          process.exitCode = 1;
        }
        return;
      }
      await withStore('refresh', dbPath(flags.db), true, async (store) => {
        const [{ createExtractorPool }, { refresh }] = await Promise.all([import('./workers.ts'), import('./refresh.ts')]);
        const pool = flags.workers > 0 ? createExtractorPool(flags.workers) : null;
        const rec = await refresh(store, {
          all: flags.all ?? false,
          progress: flags.progress ?? true,
          extractBatch: pool?.extractBatch,
          onError: (url, err) => process.stderr.write(`cakupan refresh: ${err.message.startsWith(url) ? err.message : `${url}: ${err.message}`}\n`),
        }).finally(() => pool?.close());
        process.stderr.write(runSummary(rec) + '\n');
        if (rec.errors) process.exitCode = 1;
      });
    });

  program
    .command('export')
    .description('the dataset with provenance (source URL, evidence, confidence, status, dates), streamed')
    .option('--format <format>', 'csv, json, ndjson, or sqlite (a clean copy of the published views; needs --out)', 'csv')
    .option('--kind <kind>', 'facts (coverage figures), categories (UHC award tiers) or all (one table, a "kind" column)', 'facts')
    .option('--latest', 'only the best current figure per region and metric (coverage_latest), with its age in days')
    .option('--since <date>', 'only figures dated on or after YYYY-MM-DD (their effective date; categories: their year)')
    .option('--until <date>', 'only figures dated on or before YYYY-MM-DD')
    .option('--status <list>', 'statuses to include, comma-separated', 'auto,accepted,corrected')
    .option('--spreadsheet', 'CSV codes as ="63.03" so Excel and Google Sheets keep them as text (default: quoted, for pandas/R)')
    .option('--datapackage', 'with --out FILE.csv: also write datapackage.json (Frictionless Data) describing the columns next to it')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--db <path>', `database (default: $${DB_ENV}, else the one cakupan --help names)`)
    .action(async (raw: unknown) => {
      const flags = parseFlags(
        'export',
        DbFlag.extend({
          format: z.enum(['csv', 'json', 'ndjson', 'sqlite']),
          kind: z.enum(['facts', 'categories', 'all']),
          latest: z.boolean().optional(),
          since: PublishedFlag,
          until: PublishedFlag,
          status: z.string().transform((s, ctx) => {
            const list = s.split(',').map((x) => x.trim()).filter(Boolean);
            for (const x of list) if (!STATUSES.includes(x)) ctx.addIssue({ code: 'custom', message: `unknown status "${x}" (auto, accepted, corrected, rejected, retired)` });
            return list as ('auto' | 'accepted' | 'corrected' | 'rejected' | 'retired')[];
          }),
          spreadsheet: z.boolean().optional(),
          datapackage: z.boolean().optional(),
          out: z.string().min(1).optional(),
        })
          .refine((f) => f.format !== 'sqlite' || f.out, { message: '--format sqlite writes a database file: give --out FILE.db' })
          .refine((f) => !f.datapackage || (f.out && f.format === 'csv'), { message: '--datapackage describes a CSV file: give --format csv --out FILE.csv' })
          .refine((f) => !f.since || !f.until || f.since <= f.until, { message: '--since is after --until' }),
        raw,
      );
      if (!flags) return;
      // Checked before the database is opened, so a bad --out costs nothing and creates nothing.
      if (flags.out && flags.format !== 'sqlite') await openOutFile(flags.out).then((o) => o.close()).catch((err: Error) => {
        process.stderr.write(`cakupan export: ${err.message}\n`);
        process.exitCode = 1;
      });
      if (process.exitCode === 1) return;
      await withStore('export', dbPath(flags.db), true, async (store) => {
        const [{ writeExport, EXPORT_COLUMNS }, r] = await Promise.all([formatModule(), import('./research.ts')]);
        const window = (d: string | null) => r.inWindow(d, flags.since, flags.until);
        const today = new Date();
        async function* facts(): AsyncIterable<object> {
          for await (const f of store!.exportRows({ latest: flags!.latest, statuses: flags!.status })) {
            if (!window(f.effective_date)) continue;
            yield flags!.latest ? { ...f, age_days: r.ageDays(f.effective_date, today) } : f;
          }
        }
        const categories = async () => (await store!.categoryRows({ statuses: flags!.status })).filter((c) => window(r.categoryDate(c)));
        if (flags.format === 'sqlite') {
          const rows: object[] = [];
          for await (const f of facts()) rows.push(f);
          const latest = (await store.coverageLatest()).filter((x) => window(x.effective_date));
          const counts = r.writeSqliteCopy(
            flags.out!,
            {
              facts: { columns: flags.latest ? r.LATEST_COLUMNS : EXPORT_COLUMNS, rows },
              coverage_latest: { columns: latest.length ? Object.keys(latest[0]!) : ['region_code'], rows: latest },
              categories: { columns: r.CATEGORY_COLUMNS, rows: await categories() },
            },
            { source: store.location, exported_at: today.toISOString(), statuses: flags.status.join(','), since: flags.since ?? '', until: flags.until ?? '', latest: flags.latest ? 'yes' : 'no' },
          );
          process.stderr.write(`${flags.out}: ${Object.entries(counts).map(([t, n]) => `${n} ${t}`).join(', ')}\n`);
          return;
        }
        const out = flags.out ? await openOutFile(flags.out) : process.stdout;
        // "cakupan export | head": the reader leaving early is not an error.
        if (!flags.out) process.stdout.once('error', (e: NodeJS.ErrnoException) => void (e.code === 'EPIPE' || process.stderr.write(`cakupan export: ${e.message}\n`)));
        const columns = flags.kind === 'categories' ? r.CATEGORY_COLUMNS : flags.kind === 'all' ? r.allColumns(!!flags.latest) : flags.latest ? r.LATEST_COLUMNS : EXPORT_COLUMNS;
        const rows = flags.kind === 'categories' ? await categories() : flags.kind === 'all' ? r.allRows(facts(), await categories()) : facts();
        const n = await writeExport(rows, flags.format, out, { columns, codes: flags.spreadsheet ? 'formula' : 'quoted' });
        if (flags.out) {
          out.end();
          await finished(out);
          process.stderr.write(`${n} rows written to ${flags.out}\n`);
          if (flags.datapackage) {
            const { writeFileSync } = await import('node:fs');
            const { basename, join } = await import('node:path');
            const pkg = join(dirname(resolvePath(flags.out)), 'datapackage.json');
            const what = flags.kind === 'categories' ? 'UHC award categories' : flags.kind === 'all' ? 'coverage figures and UHC award categories' : flags.latest ? 'the latest coverage figure per region and metric' : 'coverage figures';
            writeFileSync(pkg, JSON.stringify(r.dataPackage(basename(flags.out), columns, `${what}, each with its source article, evidence, confidence, review status and dates (cakupan export)`), null, 2) + '\n');
            process.stderr.write(`${pkg}: the columns of ${basename(flags.out)} (Frictionless Data)\n`);
          }
        }
      });
    });

  program
    .command('show')
    .description("a region's coverage timeline (names, aliases and codes: \"Kalsel\", \"Kabupaten Banjar\", \"63.03\")")
    .argument('<region>', 'region name, alias or code')
    .option('--db <path>', `database (default: $${DB_ENV}, else the one cakupan --help names)`)
    .action(async (query: string, raw: unknown) => {
      const flags = parseFlags('show', DbFlag, raw);
      if (!flags) return;
      const { loadGazetteer } = await import('../normalize/regions.ts');
      const candidates = loadGazetteer().resolve(query);
      if (candidates.length === 0) {
        process.stderr.write(`cakupan show: no region matches "${query}" (try its name, an alias like "Kalsel", or a code like "63.03")\n`);
        process.exitCode = 1;
        return;
      }
      const region = candidates[0]!;
      await withStore('show', dbPath(flags.db), true, async (store) => {
        const { formatCoverageTable, formatTimeline, formatTiers, latestTiers } = await formatModule();
        const rows = await store.timeline(region.code);
        process.stdout.write(`${region.name} (${region.code}, ${region.level})\n`);
        if (candidates.length > 1) process.stdout.write(`also matches: ${candidates.slice(1).map((c) => `${c.name} (${c.code})`).join(', ')} — give the code to choose\n`);
        process.stdout.write(rows.length ? formatTimeline(rows) + '\n' : 'no figures stored for the region itself\n');
        const tiers = await store.categoryRows({ regionCode: region.code });
        process.stdout.write(tiers.length ? `\nUHC award tiers by year:\n${formatTiers(tiers)}\n` : '\nno UHC award tier stored for the region\n');
        // A province's page also lists the latest figure of each of its kabupaten/kota; the country's, each province.
        if (region.level === 'provinsi' || region.level === 'nasional') {
          const within = (await store.coverageLatest()).filter((r) =>
            region.level === 'nasional' ? r.level === 'provinsi' : r.province_code === region.code && r.region_code !== region.code,
          );
          const inside = (c: { region_code: string; level: string; province_code: string | null }) =>
            region.level === 'nasional' ? c.level === 'provinsi' : c.province_code === region.code && c.region_code !== region.code;
          const withinTiers = latestTiers((await store.categoryRows()).filter(inside));
          if (within.length || withinTiers.size)
            process.stdout.write(`\nlatest figures ${region.level === 'nasional' ? 'of the provinces' : `in ${region.name}`}:\n${formatCoverageTable(within, withinTiers)}\n`);
        }
      });
    });

  program
    .command('stats')
    .description('counts by province, metric, status and flag, and a confidence histogram')
    .option('--json', 'print as JSON')
    .option('--db <path>', `database (default: $${DB_ENV}, else the one cakupan --help names)`)
    .action(async (raw: unknown) => {
      const flags = parseFlags('stats', DbFlag.extend({ json: z.boolean().optional() }), raw);
      if (!flags) return;
      await withStore('stats', dbPath(flags.db), true, async (store) => {
        const { formatStats } = await formatModule();
        const s = await store.stats();
        // On PostgreSQL the ops side too: queues, dead letters, leased hosts (src/worker/stats.ts).
        const ops = /^postgres(ql)?:\/\//i.test(dbPath(flags.db)) ? await import('../worker/stats.ts') : null;
        const work = ops ? await ops.workStats(dbPath(flags.db)) : null;
        process.stdout.write(flags.json ? JSON.stringify(work ? { ...s, work } : s, null, 2) + '\n' : formatStats(s) + (work && ops ? '\n\n' + ops.formatWorkStats(work) : '') + '\n');
      });
    });

  program
    .command('main')
    .description('the main job (npm start): ingest the bundled corpus into the database and print the coverage table')
    .option('--db <path>', `database (default: $${DB_ENV}, else the one cakupan --help names)`)
    .action(async (raw: unknown) => {
      const flags = parseFlags('main', DbFlag, raw);
      if (!flags) return;
      const path = dbPath(flags.db);
      await withStore('main', path, false, async (store) => {
        const [{ ingest }, { refresh }, { formatCoverageTable, latestTiers }] = await Promise.all([import('./ingest.ts'), import('./refresh.ts'), formatModule()]);
        const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => CORPUS_DIR + f);
        const ing = await ingest(store, files, {
          command: 'main',
          onError: (_source, err) => process.stderr.write(`cakupan main: ${err.message}\n`),
        });
        // Articles stored by an older extractor (an earlier `npm start`) are brought up to date.
        const ref = await refresh(store, { progress: false });
        const rows = await store.coverageLatest();
        const s = await store.stats();
        const tiers = latestTiers(await store.categoryRows());
        const cmd = commandName();
        process.stdout.write(rows.length || tiers.size ? formatCoverageTable(rows, tiers) + '\n' : '(no coverage figures extracted from the corpus)\n');
        process.stdout.write(
          `\n${path}: ${s.totals.articles} articles, ${s.totals.live_facts} facts (${rows.length} latest figures for ${new Set(rows.map((r) => r.region_code)).size} regions), ${tiers.size} regions with a UHC tier; ` +
            `this run: ${ing.articles_new} new, ${ing.articles_linked} linked, ${ing.pages_unchanged} unchanged, ${ref.articles_extracted} re-extracted.\n` +
            `* = reviewed; (2023) = older than the newest figure of that metric in the table; (n.d.) = undated; from = where the date comes from.\n` +
            `Try: ${cmd} show Kalsel, ${cmd} export --latest --format csv, ${cmd} export --kind categories\n`,
        );
        if (ing.errors || ref.errors) process.exitCode = 1;
      });
    });
}
