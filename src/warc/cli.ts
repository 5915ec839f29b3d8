/**
 * The WARC side of `cakupan ingest`: flags, the sites file (keywords, default host filter), one call into
 * `ingestWarc`, the figures printed. src/store/cli.ts hands over when an input is a WARC file or a paths list.
 */
import { z } from 'zod';
import { openCoverageStore } from '../store/open.ts';
import { DB_ENV, DEFAULT_DB_PATH } from '../store/config.ts';
import { ConfigError, loadSites } from '../crawl/sites.ts';
import { DEFAULT_WARC_BASE, DEFAULT_WARC_WORKERS, ingestWarc, isWarcInput, type WarcIngestResult } from './ingest.ts';

/** Default sites file: its keywords judge relevance, its hosts are the default host filter. */
export const DEFAULT_SITES_PATH = 'data/sites.json';

const Flags = z.object({
  db: z.string().min(1).optional(),
  hosts: z.string().min(1, '--hosts needs a comma-separated list of hosts, .suffixes or *').optional(),
  workers: z.coerce.number({ message: '--workers must be a number' }).int('--workers must be a whole number').min(0, '--workers must be 0 or more').max(256).default(DEFAULT_WARC_WORKERS),
  progress: z.boolean().default(true),
  warcBase: z.url({ protocol: /^https?$/, message: '--warc-base must be an http(s) URL' }).default(DEFAULT_WARC_BASE),
  config: z.string().default(DEFAULT_SITES_PATH),
});

function usage(message: string): never {
  process.stderr.write(`cakupan ingest: ${message}\n`);
  process.exitCode = 2;
  throw Object.assign(new Error(message), { name: 'UsageError', reported: true });
}

export { isWarcInput };

/** Figures of a run as text: one line per file, then the totals. */
export function formatWarcResult(r: WarcIngestResult): string {
  const lines = r.files.map((f) => {
    const c = f.counts;
    const what = f.error ? `FAILED: ${f.error}` : `${(f.bytesRead / 1e6).toFixed(1)} MB from offset ${f.startOffset}, ${c.records} records, ${c.responses} responses, ${c.hostRejected} other hosts, ${c.notHtml} not HTML, ${c.notIndonesian} not Indonesian, ${c.irrelevant} irrelevant, ${c.kept} pages kept (${c.facts} facts), ${c.bad} bad records${f.done ? '' : ', not finished'}`;
    return `  ${f.source}: ${what}`;
  });
  const bytes = r.files.reduce((a, f) => a + f.bytesRead, 0);
  const s = Math.max(r.elapsedMs / 1000, 0.001);
  return [
    `ingest run ${r.run.id} ${r.run.outcome}: ${r.files.length} WARC files, ${(bytes / 1e6).toFixed(1)} MB in ${s.toFixed(1)} s (${(bytes / 1e6 / s).toFixed(1)} MB/s); ${r.run.articles_new} new articles, ${r.run.articles_linked} linked, ${r.run.pages_unchanged} already stored; facts +${r.run.facts_added}`,
    ...lines,
  ].join('\n');
}

/** Runs `cakupan ingest` on WARC inputs. */
export async function ingestWarcCommand(inputs: string[], raw: unknown): Promise<void> {
  const other = inputs.filter((i) => !isWarcInput(i));
  if (other.length) usage(`${other[0]}: not a WARC file or paths list; give WARC inputs (.warc, .warc.gz, warc.paths.gz) and other inputs in separate runs`);
  const parsed = Flags.safeParse(raw);
  if (!parsed.success) usage(parsed.error.issues[0]!.message);
  const f = parsed.data;
  let sites;
  try {
    sites = loadSites(f.config);
  } catch (err) {
    if (err instanceof ConfigError) usage(err.message);
    throw err;
  }
  const hosts = f.hosts ? f.hosts.split(',').map((h) => h.trim()).filter(Boolean) : sites.sites.map((s) => new URL(s.url).hostname);
  if (!hosts.length) usage(`${f.config}: no site, so no default host filter; give --hosts (a list, a suffix such as .id, or *)`);
  const store = await openCoverageStore(f.db ?? process.env[DB_ENV] ?? DEFAULT_DB_PATH);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const r = await ingestWarc(store, inputs, {
      hosts,
      keywords: sites.relevance.keywords,
      workers: f.workers,
      warcBase: f.warcBase,
      progress: f.progress,
      signal: controller.signal,
      onBad: (source, offset, reason) => process.stderr.write(`cakupan ingest: ${source}: bad record at offset ${offset} skipped: ${reason}\n`),
      onFile: (source, what) => process.stderr.write(`cakupan ingest: ${source}: ${what}\n`),
    });
    process.stdout.write(formatWarcResult(r) + '\n');
    if (r.files.some((x) => x.error)) process.exitCode = 1;
  } catch (err) {
    process.stderr.write(`cakupan ingest: ${(err as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await store.close();
  }
}
