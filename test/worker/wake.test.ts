/**
 * An idle `cakupan worker` learns of new work when it is enqueued (the enqueue announces it, NOTIFY), not at its
 * next poll: here the poll interval is two minutes, so only the announcement can start the crawl within seconds.
 * Work enqueued while no worker listens is still found by the poll (the ops and crawl tests cover that path).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startNewsSite, type NewsSite } from '../crawl/fixtures/news.ts';
import { KEYWORDS, tempDir } from '../crawl/helpers.ts';
import { cli, FAST_CLOCKS, freshSchema, waitFor, type TestDb } from './helpers.ts';

let site: NewsSite;
let db: TestDb;
let tmp: ReturnType<typeof tempDir>;
const env = { ...FAST_CLOCKS, CAKUPAN_WORKER_POLL_MS: '120000' };

beforeAll(async () => {
  tmp = tempDir();
  db = await freshSchema('wwake');
  site = await startNewsSite('Satu', { crawlDelay: 0.2 });
}, 60_000);

afterAll(async () => {
  await site.server.close();
  await db.drop();
  tmp.cleanup();
});

describe('an idle worker', () => {
  it('starts on work enqueued after it went idle within seconds, although it polls only every two minutes', async () => {
    const w = cli(['worker', '--db', db.url, '--allow-private'], env);
    try {
      await waitFor('the worker to start', () => /worker (\S+): started/.test(w.stderr()), 60_000);
      // Its first look at the (empty) queues is over well before this; it now sleeps out its two-minute poll.
      await new Promise((r) => setTimeout(r, 1500));
      expect(site.server.hits).toEqual([]);
      const cfg = join(tmp.dir, 'sites.json');
      writeFileSync(cfg, JSON.stringify({ relevance: { keywords: KEYWORDS }, defaults: { delaySeconds: 0.05 }, sites: [{ name: 'Satu', url: site.server.origin + '/', sections: ['/kesehatan'] }] }));
      const enq = cli(['crawl', '--config', cfg, '--db', db.url, '--since', '2025-01-01'], env);
      expect((await enq.done).code).toBe(0);
      // Ten seconds: a twelfth of the poll interval, and a hundred times what the announcement takes on an idle machine.
      await waitFor('the first request to the site', () => site.server.hits.length > 0, 10_000);
      expect(site.server.hits[0]!.path).toBe('/robots.txt');
    } finally {
      w.child.kill('SIGTERM');
      expect((await w.done).code).toBe(0);
    }
  }, 120_000);
});
