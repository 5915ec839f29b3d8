/**
 * `--max-pages-per-host` is the crawl's budget for a host, not one slice's: a worker hands a host back to the
 * queue when its slice ends, and the next slice (on any worker) counts what the earlier ones fetched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startNewsSite, type NewsSite } from '../crawl/fixtures/news.ts';
import { KEYWORDS, tempDir } from '../crawl/helpers.ts';
import { cli, FAST_CLOCKS, freshSchema, type TestDb } from './helpers.ts';

let site: NewsSite;
let db: TestDb;
let tmp: ReturnType<typeof tempDir>;
// Slices of 0.6 s at a delay of 0.25 s: a budget of 6 requests needs more than one slice.
const env = { ...FAST_CLOCKS, CAKUPAN_CRAWL_SLICE_MS: '600' };
const BUDGET = 6;

beforeAll(async () => {
  tmp = tempDir();
  db = await freshSchema('wbudget');
  site = await startNewsSite('Satu', { crawlDelay: 0.25 });
  const cfg = join(tmp.dir, 'sites.json');
  writeFileSync(cfg, JSON.stringify({ relevance: { keywords: KEYWORDS }, defaults: { delaySeconds: 0.05 }, sites: [{ name: 'Satu', url: site.server.origin + '/', sections: ['/kesehatan'] }] }));
  const enq = cli(['crawl', '--config', cfg, '--db', db.url, '--since', '2025-01-01', '--max-pages-per-host', String(BUDGET)], env);
  expect((await enq.done).code).toBe(0);
}, 60_000);

afterAll(async () => {
  await site.server.close();
  await db.drop();
  tmp.cleanup();
});

describe('the per-host budget across slices', () => {
  it('stops the host at --max-pages-per-host requests in all, over several slices', async () => {
    const w = cli(['worker', '--db', db.url, '--allow-private', '--until-idle'], env);
    expect((await w.done).code).toBe(0);
    const sliced = (w.stderr().match(/slice over, host re-queued/g) ?? []).length;
    expect(sliced).toBeGreaterThan(0); // the budget did span slices
    const pages = site.server.hits.filter((h) => h.path !== '/robots.txt');
    expect(pages.length).toBe(BUDGET);
  }, 120_000);
});
