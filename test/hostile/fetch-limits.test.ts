/**
 * Issue 12, point 10 and the robots.txt cap, on the client alone (a real server on 127.0.0.1): a total
 * timeout reads in words (it read "timed out (23)"); a body can be read up to a cap instead of refused
 * (robots.txt over 500 KiB); Retry-After deferrals are capped (999999 s deferred a host 11.6 days).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAgents, fetchPage, FetchError } from '../../src/crawl/fetch.ts';
import { fetchRobots, rulesOf } from '../../src/crawl/robots.ts';
import { HostGate } from '../../src/crawl/politeness.ts';
import { MAX_RETRY_AFTER_MS, MAX_ROBOTS_BYTES } from '../../src/crawl/config.ts';
import { send, startSite, type SiteServer } from '../crawl/fixtures/server.ts';

let site: SiteServer;
beforeAll(async () => {
  site = await startSite({
    '/drip': (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/html' });
      const t = setInterval(() => (r.destroyed ? clearInterval(t) : r.write(' ')), 50);
      r.on('close', () => clearInterval(t));
    },
    '/hang': () => undefined,
    '/robots.txt': send(`User-agent: *\nDisallow: /rahasia/\n${'# komentar\n'.repeat(300_000)}Disallow: /\n`, 'text/plain'),
  });
});
afterAll(async () => {
  await site.close();
  await closeAgents();
});

const failure = async (p: Promise<unknown>): Promise<FetchError> => {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(FetchError);
  return e as FetchError;
};

describe('timeouts in words', () => {
  it('the whole-response deadline: "timed out after N s fetching <url>"', async () => {
    const url = `${site.origin}/drip`;
    const e = await failure(fetchPage(url, { allowPrivate: true, totalTimeoutMs: 400, bodyTimeoutMs: 5000 }));
    expect(e.code).toBe('timeout');
    expect(e.message).toBe(`timed out after 0.4 s fetching ${url} (whole-response deadline)`);
    expect(e.message).not.toMatch(/\(\d+\)/);
  });

  it('the header timeout names the wait too', async () => {
    const url = `${site.origin}/hang`;
    const e = await failure(fetchPage(url, { allowPrivate: true, headersTimeoutMs: 300, totalTimeoutMs: 5000 }));
    expect(e.code).toBe('timeout');
    expect(e.message).toBe(`timed out after 0.3 s waiting for the response headers of ${url}`);
  });
});

describe('robots.txt over 500 KiB', () => {
  it('the fetch reads the first 500 KiB and stops, instead of refusing the file', async () => {
    const url = `${site.origin}/robots.txt`;
    const p = await fetchPage(url, { allowPrivate: true, maxBytes: 1024 * 1024, truncateAt: MAX_ROBOTS_BYTES });
    expect(p.truncated).toBe(true);
    expect(p.bytes.length).toBe(MAX_ROBOTS_BYTES);
    // Without truncation the same file is too large for the cap.
    expect((await failure(fetchPage(url, { allowPrivate: true, maxBytes: 1024 * 1024 }))).code).toBe('too-large');
  });

  it('its rules are those of the first 500 KiB, cut at a whole line', async () => {
    const rec = await fetchRobots(site.origin, (u) => fetchPage(u, { allowPrivate: true, maxBytes: 1024 * 1024, truncateAt: MAX_ROBOTS_BYTES }));
    expect(rec.outcome).toBe('rules');
    expect(rec.body.endsWith('\n')).toBe(true);
    const rules = rulesOf(rec);
    expect(rules.isAllowed(`${site.origin}/berita/1`)).toBe(true);
    expect(rules.isAllowed(`${site.origin}/rahasia/1`)).toBe(false);
  });
});

describe('Retry-After is capped', () => {
  it('999999 s defers the host for MAX_RETRY_AFTER_MS, and the reason says it was capped', () => {
    const g = new HostGate('a.id', { floorMs: 10, maxDelayMs: 60_000 });
    const before = Date.now();
    g.onResponse(503, '999999');
    expect(g.backoffUntil).toBeLessThanOrEqual(Date.now() + MAX_RETRY_AFTER_MS);
    expect(g.backoffUntil).toBeGreaterThanOrEqual(before + MAX_RETRY_AFTER_MS);
    expect(g.deferred?.reason).toBe('Retry-After 999999 s, capped at 86400 s (MAX_RETRY_AFTER_MS)');
  });

  it('an HTTP-date a year away is capped the same way; a short one is honoured as asked', () => {
    const g = new HostGate('b.id', { floorMs: 10, maxDelayMs: 60_000 });
    g.onResponse(429, new Date(Date.now() + 365 * 86400_000).toUTCString());
    expect(g.backoffUntil - Date.now()).toBeLessThanOrEqual(MAX_RETRY_AFTER_MS);
    const h = new HostGate('c.id', { floorMs: 10, maxDelayMs: 60_000 });
    const t = Date.now();
    h.onResponse(503, '2');
    expect(h.backoffUntil).toBeGreaterThanOrEqual(t + 2000);
    expect(h.deferred).toBeNull();
  });

  it('a deferral stored by an earlier run beyond the cap is held to it', () => {
    const g = new HostGate('d.id', { floorMs: 10, state: { backoffUntil: Date.now() + 11.6 * 86400_000 } });
    expect(g.backoffUntil).toBeLessThanOrEqual(Date.now() + MAX_RETRY_AFTER_MS);
  });
});
