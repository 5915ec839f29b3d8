/**
 * Three `cakupan worker` processes against one PostgreSQL schema crawl three fixture sites (robots.txt
 * Crawl-delay 1 s) that `cakupan crawl --db postgres://…` enqueued; one worker is SIGKILLed mid-crawl.
 * Checked from the outside: what the database stored, the fixture servers' own request logs, `crawl-report`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startNewsSite, type NewsSite } from '../crawl/fixtures/news.ts';
import { KEYWORDS, tempDir } from '../crawl/helpers.ts';
import { cli, FAST_CLOCKS, freshSchema, waitFor, type Proc, type TestDb } from './helpers.ts';

const DELAY_MS = 1000;
/**
 * The servers stamp a request when their handler runs, in this (test) process: a stamp made late by a busy
 * event loop shortens the gap after it as the server sees it. The crawler's own log (crawl-report, below) is
 * checked exactly; the servers' with this much allowance for late stamps.
 */
const STAMP_SLACK_MS = 60;

let sites: NewsSite[];
let db: TestDb;
let tmp: ReturnType<typeof tempDir>;
let workers: Proc[];
let exits: { code: number | null; signal: NodeJS.Signals | null }[];
let killedAt = 0;
/** Index of the SIGKILLed worker. */
let killed = -1;
/** Hosts the killed worker held when it died, with the lease expiry it left. */
let orphaned: { host: string; until: number }[] = [];
let enqueue: Proc;

beforeAll(async () => {
  tmp = tempDir();
  db = await freshSchema('wcrawl');
  sites = await Promise.all(['Satu', 'Dua', 'Tiga'].map((n) => startNewsSite(n, { crawlDelay: DELAY_MS / 1000 })));
  const cfgPath = join(tmp.dir, 'sites.json');
  writeFileSync(cfgPath, JSON.stringify({ relevance: { keywords: KEYWORDS }, defaults: { delaySeconds: 0.05 }, sites: sites.map((s, i) => ({ name: `Situs ${i}`, url: s.server.origin + '/', sections: ['/kesehatan'] })) }));

  enqueue = cli(['crawl', '--config', cfgPath, '--db', db.url, '--since', '2025-01-01'], FAST_CLOCKS);
  expect((await enqueue.done).code).toBe(0);

  workers = [0, 1, 2].map(() => cli(['worker', '--db', db.url, '--allow-private', '--until-idle'], FAST_CLOCKS));
  const ownerOf = (p: Proc) => /worker (\S+): started/.exec(p.stderr())?.[1];
  await waitFor('the workers to start', () => workers.every((w) => ownerOf(w)), 60_000);
  // Mid-crawl: the victim is whichever worker first holds a host and has made requests to it (which worker gets
  // the jobs depends on who polls first).
  let victim = '';
  await waitFor(
    'a worker to hold a host',
    async () => {
      const held = await db.query<{ owner: string }>(`SELECT lease_owner AS owner FROM crawl_hosts WHERE lease_owner IS NOT NULL AND last_start_at > 0 ORDER BY host LIMIT 1`);
      victim = held[0]?.owner ?? '';
      return victim !== '';
    },
    90_000,
  );
  killed = workers.findIndex((w) => ownerOf(w) === victim);
  await new Promise((r) => setTimeout(r, 1500));
  orphaned = (await db.query<{ host: string; until: string }>(`SELECT host, lease_until AS until FROM crawl_hosts WHERE lease_owner = $1`, [victim])).map((r) => ({ host: r.host, until: Number(r.until) }));
  workers[killed].child.kill('SIGKILL');
  killedAt = Date.now();
  exits = await Promise.all(workers.map((w) => w.done));
}, 180_000);

afterAll(async () => {
  await Promise.all(sites.map((s) => s.server.close()));
  await db.drop();
  tmp.cleanup();
});

describe('three workers crawl three sites from one PostgreSQL queue', () => {
  it('enqueues one job per host and says so', () => {
    expect(enqueue.stdout()).toMatch(/enqueued 3 hosts/);
  });

  it('the survivors exit 0 once all work is done, logging one line per job', () => {
    expect(exits[killed].signal).toBe('SIGKILL');
    const survivors = [0, 1, 2].filter((i) => i !== killed);
    for (const i of survivors) expect(exits[i], workers[i].stderr()).toEqual({ code: 0, signal: null });
    // Between them they did the work, one log line per job.
    expect(survivors.map((i) => workers[i].stderr()).join('\n')).toMatch(/job \S+ crawl 127\.0\.0\.1:\d+: \d+ requests, \d+ ingested/);
  });

  it('ingests every relevant article exactly once', async () => {
    const want = sites.flatMap((s) => s.relevant).sort();
    const pages = (await db.query<{ url: string }>(`SELECT url FROM pages ORDER BY url`)).map((r) => r.url);
    expect(pages).toEqual(want);
    const articles = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM articles`);
    expect(articles[0].n).toBe(want.length);
    const ingested = await db.query<{ url: string; n: number }>(`SELECT url, count(*)::int AS n FROM crawl_frontier WHERE outcome = 'ingested' GROUP BY url ORDER BY url`);
    expect(ingested.map((r) => r.url)).toEqual(want);
    // Nothing left behind: no URL queued or leased, no host leased.
    expect(await db.query(`SELECT url, state FROM crawl_frontier WHERE state IN ('queued', 'leased')`)).toEqual([]);
    expect(await db.query(`SELECT host FROM crawl_hosts WHERE lease_owner IS NOT NULL`)).toEqual([]);
  });

  it('never lets two requests to one host come closer than its Crawl-delay, across workers (servers\' logs)', () => {
    for (const s of sites) {
      const hits = [...s.server.hits].sort((a, b) => a.at - b.at);
      expect(hits.length).toBeGreaterThan(5);
      const gaps = hits.slice(1).map((h, i) => ({ ms: h.at - hits[i]!.at, from: hits[i]!.path, to: h.path, at: h.at - hits[0]!.at }));
      const shortest = gaps.reduce((m, g) => (g.ms < m.ms ? g : m));
      expect(shortest.ms, `shortest gap ${JSON.stringify(shortest)} (killed at ${killedAt - hits[0]!.at} ms)`).toBeGreaterThanOrEqual(DELAY_MS - STAMP_SLACK_MS);
    }
  });

  it('the dead worker\'s hosts are finished by the others, only after its lease ran out', () => {
    expect(orphaned.length).toBeGreaterThan(0);
    for (const o of orphaned) {
      const s = sites.find((x) => new URL(x.server.origin).host === o.host)!;
      const after = s.server.hits.filter((h) => h.at > killedAt + 50);
      expect(after.length).toBeGreaterThan(0); // finished by someone else
      expect(Math.min(...after.map((h) => h.at))).toBeGreaterThanOrEqual(o.until - STAMP_SLACK_MS);
    }
  });

  it('crawl-report over the shared fetch log finds no rule broken', async () => {
    const r = cli(['crawl-report', '--db', db.url]);
    expect((await r.done).code).toBe(0);
    expect(r.stdout()).toMatch(/0 requests to disallowed paths, 0 gaps shorter than the host delay — no rule broken/);
    const json = cli(['crawl-report', '--db', db.url, '--json']);
    await json.done;
    const rep = JSON.parse(json.stdout());
    expect(rep.totals.hosts).toBe(3);
    expect(rep.totals.shortGaps).toBe(0);
    expect(rep.totals.disallowedRequests).toBe(0);
    expect(rep.totals.ingested).toBe(sites.flatMap((s) => s.relevant).length);
  });
});
