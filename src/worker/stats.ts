/**
 * The ops half of `cakupan stats` on PostgreSQL: jobs per queue (queued, waiting to retry, running, done,
 * failed), the dead letters with their last error, and which hosts are leased by which worker until when.
 */
import { openPgCrawlStore } from '../store/crawl-pg.ts';
import type { HostLease } from '../store/crawl-store.ts';
import { CRAWL_QUEUE, REFRESH_QUEUE } from './config.ts';
import { bossSchemaFor, deadLetters, openBoss, queueStats, type QueueStats } from '../store/queues.ts';

export interface WorkStats {
  queues: QueueStats[];
  /** Jobs that used up their retries, newest first (at most 20). */
  deadLetters: { id: string; queue: string; host: string | null; error: string | null; at: string }[];
  hostsLeased: HostLease[];
}

export async function workStats(url: string): Promise<WorkStats> {
  const boss = await openBoss(url);
  const crawl = await openPgCrawlStore(url, { max: 1 });
  try {
    const schema = bossSchemaFor(url);
    const queues = await queueStats(boss, schema);
    const dead = await deadLetters(boss, schema);
    return {
      queues,
      deadLetters: dead.map((r) => ({
        id: r.id,
        queue: r.queue ?? (r.data?.host ? CRAWL_QUEUE : REFRESH_QUEUE),
        host: r.data?.host ?? (r.data?.planId !== undefined ? `plan ${r.data.planId} batch ${r.data.batchId}` : null),
        error: r.output?.message ?? null,
        at: new Date(r.at).toISOString(),
      })),
      hostsLeased: await crawl.leasedHosts(),
    };
  } finally {
    await crawl.close();
    await boss.stop({ graceful: false, close: true, wait: true });
  }
}

export function formatWorkStats(w: WorkStats): string {
  const lines = ['Work queues (pg-boss):', '  queue                   queued  retry  running  done  failed'];
  for (const s of w.queues) lines.push(`  ${s.queue.padEnd(22)}  ${String(s.queued).padStart(6)}  ${String(s.retry).padStart(5)}  ${String(s.active).padStart(7)}  ${String(s.completed).padStart(4)}  ${String(s.failed).padStart(6)}`);
  lines.push(`Dead letters: ${w.deadLetters.length}${w.deadLetters.length ? '' : ' (none)'}`);
  for (const d of w.deadLetters) lines.push(`  ${d.at}  ${d.queue}  ${d.host ?? '?'}: ${d.error ?? 'no error recorded'}`);
  lines.push(`Hosts leased: ${w.hostsLeased.length}`);
  for (const h of w.hostsLeased) lines.push(`  ${h.host}  by ${h.owner}  until ${new Date(h.until).toISOString()} (since ${new Date(h.since).toISOString()})`);
  return lines.join('\n');
}
