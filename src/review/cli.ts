/**
 * `cakupan review`: the review page, and the same actions as subcommands for scripts
 * (`list`, `accept`, `reject`, `correct`, `undo`, `export-gold`). Flags are parsed with zod; each
 * subcommand is one call into `ReviewService`.
 */
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { z } from 'zod';
import { flagMessage } from '../flag-errors.ts';
import { Metric } from '../types.ts';
import { dbPath } from '../store/cli.ts';
import type { CoverageStore } from '../store/types.ts';
import { DEFAULT_HOST, DEFAULT_PORT, REVIEW_THRESHOLD, SAMPLE_RATE } from './config.ts';
import { CategoryEditForm, FactEditForm, RejectReason, ReviewerName, fieldErrors, type ReviewFact, type WriteResult } from './model.ts';
import type { ReviewService, ItemRef } from './service.ts';

// The store, the service and the server load inside the actions (`await import`): `--help` never pays for them.
// `--db` picks the backend like every other command: a postgres:// URL opens PostgreSQL, anything else a SQLite file.
const openStore = async (path: string, opts: { mustExist: boolean; readOnly?: boolean }) => (await import('../store/open.ts')).openCoverageStore(path, opts);
/** Subcommands that only read (a read-only database serves them, from a copy). */
const READING = new Set(['list', 'export-gold']);
const newService = async (...args: ConstructorParameters<typeof ReviewService>) => new (await import('./service.ts')).ReviewService(...args);

/** A value as the page prints it (pages.ts `formatValue`), without loading the page module. */
function formatValue(value: number | null, metric: string | null): string {
  if (value === null) return '—';
  if (metric && !metric.endsWith('_pct')) return value.toLocaleString('en');
  return String(value);
}

/** Environment variable naming the reviewer for the CLI and the page's default. */
export const REVIEWER_ENV = 'CAKUPAN_REVIEWER';

function defaultReviewer(): string {
  const fromEnv = process.env[REVIEWER_ENV];
  if (fromEnv) return fromEnv;
  try {
    return userInfo().username || 'reviewer';
  } catch {
    return 'reviewer';
  }
}

const QueueFlags = z.object({
  db: z.string().min(1).optional(),
  threshold: z.coerce.number().min(0).max(1).default(REVIEW_THRESHOLD),
  sampleRate: z.coerce.number().min(0).max(1).default(SAMPLE_RATE),
});

const ServeFlags = QueueFlags.extend({
  host: z.string().min(1).default(DEFAULT_HOST),
  port: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT),
  token: z.string().optional(),
  reviewer: ReviewerName.optional(),
});

const ListFlags = QueueFlags.extend({
  province: z.string().regex(/^\d{2}$/, 'a province code like 63').optional(),
  metric: Metric.optional(),
  site: z.string().optional(),
  limit: z.coerce.number().int().positive().optional(),
  json: z.boolean().optional(),
});

const ActionFlags = z.object({
  db: z.string().min(1).optional(),
  reviewer: ReviewerName.optional(),
  expectVersion: z.coerce.number().int().positive().optional(),
});

/** "12", "fact:12" or "category:3". */
const ItemArg = z
  .string()
  .regex(/^((fact|category):)?\d+$/, 'an item is a fact id ("12"), "fact:12" or "category:3"')
  .transform((s): ItemRef => {
    const [kind, id] = s.includes(':') ? s.split(':') : ['fact', s];
    return { kind: kind as ItemRef['kind'], id: Number(id) };
  });

function parseOrExit<T extends z.ZodType>(command: string, schema: T, raw: unknown): z.infer<T> | null {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const msg = issue.path.length ? flagMessage(issue, raw) : issue.message;
  process.stderr.write(`cakupan review ${command}: ${msg}\n`);
  process.exitCode = 2;
  return null;
}

async function withService<T>(command: string, path: string, options: Partial<ReviewService['options']>, fn: (svc: ReviewService, store: CoverageStore) => Promise<T> | T): Promise<T | undefined> {
  let store: CoverageStore | null = null;
  try {
    store = await openStore(path, { mustExist: true, readOnly: READING.has(command) });
    return await fn(await newService(store, options), store);
  } catch (err) {
    process.stderr.write(`cakupan review${command ? ' ' + command : ''}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
    return undefined;
  } finally {
    await store?.close();
  }
}

function describe(f: ReviewFact): string {
  const what = f.kind === 'fact' ? `${f.metric} ${formatValue(f.value, f.metric)}` : `category ${f.category}`;
  return `${f.kind} ${f.id} ${f.region.name} (${f.region.code}) ${what}${f.asOf ? ` as of ${f.asOf}` : ''}: ${f.status}, version ${f.version}`;
}

/** Prints the outcome of a write; exit code 1 for a refusal, 3 for a version conflict (a script may retry). */
function report(command: string, r: WriteResult): void {
  if (r.ok) {
    process.stdout.write(`${describe(r.fact)} (review #${r.reviewId})\n`);
    return;
  }
  if (r.kind === 'conflict') {
    const by = r.by ? ` by ${r.by.reviewer} (${r.by.action} at ${r.by.at})` : '';
    process.stderr.write(`cakupan review ${command}: conflict: the item was changed${by}; now ${describe(r.current)}\n`);
    process.exitCode = 3;
    return;
  }
  const msg =
    r.kind === 'not_found' ? 'no such item' : r.kind === 'nothing_to_undo' ? 'nothing to undo' : Object.entries(r.errors).map(([k, v]) => `${k}: ${v}`).join('; ');
  process.stderr.write(`cakupan review ${command}: ${msg}\n`);
  process.exitCode = 1;
}

/** The version to write against: `--expect-version`, else the item's current one (no conflict check across the read). */
async function versionOf(svc: ReviewService, ref: ItemRef, expect: number | undefined): Promise<number | null> {
  if (expect !== undefined) return expect;
  return (await svc.item(ref))?.version ?? null;
}

/** Registers `cakupan review` and its subcommands. */
export function register(program: Command): void {
  const review = program
    .command('review')
    .description('review low-confidence facts in a local web page (most doubtful first), or script the same actions')
    .option('--db <path>', 'database (default: $CAKUPAN_DB, else the one `cakupan --help` names)')
    .option('--host <addr>', `address to listen on; anything but loopback needs --token`, DEFAULT_HOST)
    .option('--port <n>', 'port (0: any free port)', String(DEFAULT_PORT))
    .option('--token <token>', 'access token (at least 16 characters); required off loopback')
    .option('--reviewer <name>', `reviewer name until the page sets one (default: $${REVIEWER_ENV} or the OS user)`)
    .option('--threshold <x>', 'facts below this confidence are queued', String(REVIEW_THRESHOLD))
    .option('--sample-rate <r>', 'share of confident facts queued to measure precision', String(SAMPLE_RATE))
    .action(async (raw: unknown) => {
      const flags = parseOrExit('', ServeFlags, raw);
      if (!flags) return;
      let store: CoverageStore;
      try {
        store = await openStore(dbPath(flags.db), { mustExist: true });
      } catch (err) {
        process.stderr.write(`cakupan review: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = 1;
        return;
      }
      const svc = await newService(store, { threshold: flags.threshold, sampleRate: flags.sampleRate });
      try {
        const { startReviewServer } = await import('./server.ts');
        const srv = await startReviewServer(svc, { host: flags.host, port: flags.port, token: flags.token, reviewer: flags.reviewer ?? defaultReviewer() });
        const queued = (await svc.queueSize()).total;
        process.stdout.write(`cakupan review: ${queued} items in the queue of ${store.location}\nopen ${srv.openUrl}\n(Ctrl-C stops)\n`);
        const stop = () => {
          void srv.close().then(() => store.close());
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        const where = `${flags.host}:${flags.port}`;
        const msg =
          code === 'EADDRINUSE'
            ? `${where} is already in use (another \`cakupan review\`?); stop that program, or give another --port (--port 0 takes any free one)`
            : code === 'EACCES'
              ? `${where}: not allowed to listen there (ports below 1024 need privileges); give another --port`
              : code === 'EADDRNOTAVAIL'
                ? `${where}: ${flags.host} is not an address of this machine; give another --host`
                : err instanceof Error
                  ? err.message
                  : String(err);
        process.stderr.write(`cakupan review: ${msg}\n`);
        process.exitCode = 1;
        await store.close();
      }
    });

  review
    .command('list')
    .description('print the queue, most doubtful first (the sample of confident facts marked "sample")')
    .option('--province <code>', 'only this province (code, e.g. 63)')
    .option('--metric <metric>', `only this metric (${Metric.options.join(', ')})`)
    .option('--site <host>', 'only articles from this site')
    .option('--limit <n>', 'at most n rows')
    .option('--json', 'one JSON object per line')
    .option('--threshold <x>', 'facts below this confidence are queued', String(REVIEW_THRESHOLD))
    .option('--sample-rate <r>', 'share of confident facts queued', String(SAMPLE_RATE))
    .option('--db <path>', 'database file')
    .action(async (_raw: unknown, cmd: Command) => {
      const flags = parseOrExit('list', ListFlags, cmd.optsWithGlobals());
      if (!flags) return;
      await withService('list', dbPath(flags.db), { threshold: flags.threshold, sampleRate: flags.sampleRate }, async (svc) => {
        const entries = await svc.queueSlice({ province: flags.province, metric: flags.metric, site: flags.site }, 0, flags.limit ?? Number.MAX_SAFE_INTEGER);
        for (const [i, e] of entries.entries()) {
          const f = e.fact;
          if (flags.json) {
            process.stdout.write(
              JSON.stringify({
                pos: i + 1,
                item: `${f.kind}:${f.id}`,
                version: f.version,
                confidence: f.confidence,
                sampled: e.sampled,
                region: f.region,
                metric: f.metric,
                value: f.value,
                category: f.category,
                raw: f.raw,
                asOf: f.asOf,
                reasons: f.reasons,
                flags: f.flags,
                evidence: f.evidence.text,
                site: e.site,
              }) + '\n',
            );
          } else {
            const what = f.kind === 'fact' ? `${f.metric} ${formatValue(f.value, f.metric)}` : `category ${f.category}`;
            process.stdout.write(
              `${String(i + 1).padStart(4)}  ${`${f.kind}:${f.id}`.padEnd(13)} ${f.confidence.toFixed(2)}  ${f.region.name} (${f.region.code})  ${what}${f.asOf ? ` @${f.asOf}` : ''}  "${f.raw ?? f.evidence.text}"${e.sampled ? '  [sample]' : ''}${f.flags.length ? `  flags: ${f.flags.join(',')}` : ''}\n`,
            );
          }
        }
        if (!flags.json) process.stderr.write(`${entries.length} item${entries.length === 1 ? '' : 's'}\n`);
      });
    });

  review
    .command('accept')
    .description('accept a fact as extracted')
    .argument('<item>', 'fact id, "fact:12" or "category:3"')
    .option('--reviewer <name>', 'who (default: $CAKUPAN_REVIEWER or the OS user)')
    .option('--expect-version <n>', 'refuse (exit 3) if the item changed since this version')
    .option('--db <path>', 'database file')
    .action(async (item: string, _raw: unknown, cmd: Command) => {
      const ref = parseOrExit('accept', ItemArg, item);
      const flags = parseOrExit('accept', ActionFlags, cmd.optsWithGlobals());
      if (!ref || !flags) return;
      await withService('accept', dbPath(flags.db), {}, async (svc) => {
        const v = await versionOf(svc, ref, flags.expectVersion);
        report('accept', v === null ? { ok: false, kind: 'not_found' } : await svc.accept(ref, v, flags.reviewer ?? defaultReviewer()));
      });
    });

  review
    .command('reject')
    .description('reject a fact, with a reason')
    .argument('<item>', 'fact id, "fact:12" or "category:3"')
    .requiredOption('--reason <text>', 'why ("target, not a measurement")')
    .option('--reviewer <name>', 'who (default: $CAKUPAN_REVIEWER or the OS user)')
    .option('--expect-version <n>', 'refuse (exit 3) if the item changed since this version')
    .option('--db <path>', 'database file')
    .action(async (item: string, _raw: unknown, cmd: Command) => {
      const ref = parseOrExit('reject', ItemArg, item);
      const flags = parseOrExit('reject', ActionFlags.extend({ reason: RejectReason }), cmd.optsWithGlobals());
      if (!ref || !flags) return;
      await withService('reject', dbPath(flags.db), {}, async (svc) => {
        const v = await versionOf(svc, ref, flags.expectVersion);
        report('reject', v === null ? { ok: false, kind: 'not_found' } : await svc.reject(ref, v, flags.reviewer ?? defaultReviewer(), flags.reason));
      });
    });

  review
    .command('correct')
    .description('correct a fact: value, region, metric, as-of (or a category and its year); unnamed fields stay')
    .argument('<item>', 'fact id, "fact:12" or "category:3"')
    .option('--value <n>', 'the figure: 98.77, 98,77 or 1607143')
    .option('--region <name|code>', 'region name, alias or code ("Kabupaten Banjar", "63.03")')
    .option('--metric <metric>', Metric.options.join(', '))
    .option('--as-of <date>', 'YYYY, YYYY-MM or YYYY-MM-DD; "" for undated')
    .option('--category <tier>', 'Pratama, Madya, Utama or Paripurna (categories)')
    .option('--reviewer <name>', 'who (default: $CAKUPAN_REVIEWER or the OS user)')
    .option('--expect-version <n>', 'refuse (exit 3) if the item changed since this version')
    .option('--db <path>', 'database file')
    .action(async (item: string, _raw: unknown, cmd: Command) => {
      const ref = parseOrExit('correct', ItemArg, item);
      const all = cmd.optsWithGlobals() as Record<string, string | undefined>;
      const flags = parseOrExit('correct', ActionFlags, all);
      if (!ref || !flags) return;
      await withService('correct', dbPath(flags.db), {}, async (svc) => {
        const cur = await svc.item(ref);
        if (!cur) return report('correct', { ok: false, kind: 'not_found' });
        // Unnamed fields keep the item's current values, then the whole edit is validated like the page's form.
        const values = {
          value: all.value ?? (cur.value === null ? '' : String(cur.value)),
          region: all.region ?? cur.region.code,
          metric: all.metric ?? cur.metric ?? '',
          asOf: all.asOf ?? cur.asOf ?? '',
          category: all.category ?? cur.category ?? '',
        };
        const parsed = ref.kind === 'fact' ? FactEditForm.safeParse(values) : CategoryEditForm.safeParse(values);
        if (!parsed.success) return report('correct', { ok: false, kind: 'invalid', errors: fieldErrors(parsed.error) });
        report('correct', await svc.correct(ref, flags.expectVersion ?? cur.version, flags.reviewer ?? defaultReviewer(), parsed.data));
      });
    });

  review
    .command('undo')
    .description("undo the reviewer's last action (repeat to go further back)")
    .option('--reviewer <name>', 'who (default: $CAKUPAN_REVIEWER or the OS user)')
    .option('--db <path>', 'database file')
    .action(async (_raw: unknown, cmd: Command) => {
      const flags = parseOrExit('undo', ActionFlags, cmd.optsWithGlobals());
      if (!flags) return;
      await withService('undo', dbPath(flags.db), {}, async (svc) => report('undo', await svc.undo(flags.reviewer ?? defaultReviewer())));
    });

  review
    .command('export-gold')
    .description('write fully reviewed articles as gold files in the corpus format (corpus/dev/README.md)')
    .option('--out <dir>', 'folder to write <id>.json into', 'corpus/reviewed')
    .option('--partial', 'also articles with items not yet reviewed (their gold is incomplete)')
    .option('--db <path>', 'database file')
    .action(async (_raw: unknown, cmd: Command) => {
      const flags = parseOrExit('export-gold', z.object({ db: z.string().optional(), out: z.string().min(1), partial: z.boolean().optional() }), cmd.optsWithGlobals());
      if (!flags) return;
      const path = dbPath(flags.db);
      await withService('export-gold', path, {}, async (svc) => {
        const { writeGold } = await import('./export.ts');
        const r = await writeGold(svc.reads, flags.out, { partial: flags.partial });
        process.stdout.write(`${r.files.length} gold articles (${r.facts} facts, ${r.categories} categories) written to ${flags.out}\n`);
      });
    });
}
