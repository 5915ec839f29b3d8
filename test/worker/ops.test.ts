/**
 * The ops side of `cakupan worker`: SIGTERM hands the running host back and exits 0 (another worker finishes
 * it); `cakupan stats` shows the leased host and its owner, the queues, and a job that failed its retries in
 * the dead-letter queue with its error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startNewsSite, type NewsSite } from '../crawl/fixtures/news.ts';
import { KEYWORDS, tempDir } from '../crawl/helpers.ts';
import { CRAWL_QUEUE } from '../../src/worker/config.ts';
import { openBoss } from '../../src/store/queues.ts';
import { cli, FAST_CLOCKS, freshSchema, waitFor, type TestDb } from './helpers.ts';

let site: NewsSite;
let db: TestDb;
let tmp: ReturnType<typeof tempDir>;
const env = { ...FAST_CLOCKS, CAKUPAN_CRAWL_SLICE_MS: '30000', CAKUPAN_JOB_EXPIRE_S: '60', CAKUPAN_JOB_RETRIES: '1', CAKUPAN_JOB_RETRY_DELAY_S: '1' };

beforeAll(async () => {
  // The queues this process creates (openBoss below) take the same retry knobs as the workers.
  Object.assign(process.env, env);
  tmp = tempDir();
  db = await freshSchema('wops');
  site = await startNewsSite('Satu', { crawlDelay: 0.5 });
  const cfg = join(tmp.dir, 'sites.json');
  writeFileSync(cfg, JSON.stringify({ relevance: { keywords: KEYWORDS }, defaults: { delaySeconds: 0.05 }, sites: [{ name: 'Satu', url: site.server.origin + '/', sections: ['/kesehatan'] }] }));
  const enq = cli(['crawl', '--config', cfg, '--db', db.url, '--since', '2025-01-01'], env);
  expect((await enq.done).code).toBe(0);
}, 60_000);

afterAll(async () => {
  await site.server.close();
  await db.drop();
  tmp.cleanup();
});

describe('cakupan worker under an operator', () => {
  it('shows the leased host in stats; on SIGTERM hands it back and exits 0; another worker finishes it', async () => {
    const w = cli(['worker', '--db', db.url, '--allow-private'], env);
    const owner = await (async () => {
      await waitFor('the worker to start', () => /worker (\S+): started/.test(w.stderr()), 60_000);
      return /worker (\S+): started/.exec(w.stderr())![1];
    })();
    await waitFor('a few requests', () => site.server.hits.length >= 3, 60_000);

    const stats = cli(['stats', '--db', db.url], env);
    expect((await stats.done).code).toBe(0);
    expect(stats.stdout()).toMatch(/Hosts leased: 1/);
    expect(stats.stdout()).toContain(`${new URL(site.server.origin).host}  by ${owner}`);
    expect(stats.stdout()).toMatch(/cakupan-crawl-host\s+0\s+0\s+1\s/); // one running, none queued

    const hitsAtStop = site.server.hits.length;
    w.child.kill('SIGTERM');
    const exit = await w.done;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(w.stderr()).toMatch(/worker: stopping/);
    expect(w.stderr()).toMatch(/crawl 127\.0\.0\.1:\d+: \d+ requests, \d+ ingested, [\d.]+ s; stopped, host handed back/);
    // Stopped after at most the request in flight, the lease released, the host queued again.
    expect(site.server.hits.length).toBeLessThanOrEqual(hitsAtStop + 1);
    expect(await db.query(`SELECT host FROM crawl_hosts WHERE lease_owner IS NOT NULL`)).toEqual([]);
    const boss = await openBoss(db.url);
    try {
      expect(await boss.getQueueSize(CRAWL_QUEUE)).toBe(1);
    } finally {
      await boss.stop({ graceful: false, close: true, wait: true });
    }

    const w2 = cli(['worker', '--db', db.url, '--allow-private', '--until-idle'], env);
    expect(await w2.done).toEqual({ code: 0, signal: null });
    const pages = (await db.query<{ url: string }>(`SELECT url FROM pages ORDER BY url`)).map((r) => r.url);
    expect(pages).toEqual([...site.relevant].sort());
  }, 120_000);

  it('retries a failing job with backoff, then dead-letters it; stats shows it with its error', async () => {
    const boss = await openBoss(db.url);
    try {
      await boss.send(CRAWL_QUEUE, { host: 'broken.invalid' }, { singletonKey: 'broken.invalid' });
    } finally {
      await boss.stop({ graceful: false, close: true, wait: true });
    }
    const w = cli(['worker', '--db', db.url, '--allow-private', '--until-idle'], env);
    expect(await w.done).toEqual({ code: 0, signal: null });
    const failures = w.stderr().split('\n').filter((l) => /crawl FAILED/.test(l));
    expect(failures.length).toBe(2); // the first try and one retry (CAKUPAN_JOB_RETRIES=1)

    const stats = cli(['stats', '--db', db.url, '--json'], env);
    expect((await stats.done).code).toBe(0);
    const s = JSON.parse(stats.stdout());
    expect(s.work.deadLetters).toHaveLength(1);
    expect(s.work.deadLetters[0]).toMatchObject({ queue: CRAWL_QUEUE, host: 'broken.invalid' });
    expect(s.work.deadLetters[0].error).toMatch(/config|enqueuedBy/);
    expect(s.work.queues.find((q: { queue: string }) => q.queue === CRAWL_QUEUE).failed).toBe(1);
    expect(s.work.hostsLeased).toEqual([]);
  }, 120_000);
});
