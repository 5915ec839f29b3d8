/**
 * The review server's security at the HTTP level (real server on 127.0.0.1, real SQLite):
 * CSRF and Origin on every POST, the Host check, the token off loopback, size and type limits,
 * escaping of hostile article text, and the headers every page carries.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.ts';
import { startReviewServer, type ReviewServer } from '../../src/review/server.ts';
import { ReviewService } from '../../src/review/service.ts';
import type { SqliteStore } from '../../src/store/index.ts';
import { ALL_ARTICLES, HOSTILE, seedStore, tempDir } from './seed.ts';

const tmp = tempDir();
let store: SqliteStore;
let svc: ReviewService;
let srv: ReviewServer;
let hostileId: number;
let dbPath: string;

beforeAll(async () => {
  dbPath = `${tmp.dir}/server.db`;
  store = await seedStore(dbPath, ALL_ARTICLES);
  svc = new ReviewService(store, { sampleRate: 0 });
  srv = await startReviewServer(svc, { port: 0, reviewer: 'ana' });
  hostileId = store.db.prepare("SELECT id FROM facts WHERE region_code = '63.72'").pluck().get() as number;
});
afterAll(async () => {
  await srv.close();
  await store.close();
  tmp.cleanup();
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(srv.url + path, { method: 'POST', body, redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
const status = (id: number) => store.db.prepare('SELECT status, version FROM facts WHERE id = ?').get(id) as { status: string; version: number };

/** A raw GET with a chosen Host header (fetch will not let us forge it). */
function getWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('CSRF', () => {
  it('refuses a POST without the token, with a wrong one, and from another origin; the fact is untouched', async () => {
    const before = status(hostileId);
    const none = await post(`/fact/${hostileId}/accept`, form({ version: String(before.version) }));
    expect(none.status).toBe(403);
    expect(await none.text()).toMatch(/missing or wrong CSRF token/);
    const wrong = await post(`/fact/${hostileId}/accept`, form({ version: String(before.version), csrf: 'x'.repeat(32) }));
    expect(wrong.status).toBe(403);
    const cross = await post(`/fact/${hostileId}/accept`, form({ version: String(before.version), csrf: srv.csrf }), { origin: 'https://evil.example.net' });
    expect(cross.status).toBe(403);
    expect(await cross.text()).toMatch(/cross-origin POST from https:\/\/evil\.example\.net refused/);
    const opaque = await post(`/fact/${hostileId}/accept`, form({ version: String(before.version), csrf: srv.csrf }), { origin: 'null' });
    expect(opaque.status).toBe(403);
    expect(status(hostileId)).toEqual(before);
    expect(store.db.prepare("SELECT COUNT(*) FROM reviews WHERE action = 'accept'").pluck().get()).toBe(0);
  });

  it('accepts the same POST with the page token, same origin, and redirects to the next item', async () => {
    const before = status(hostileId);
    const ok = await post(`/fact/${hostileId}/accept`, form({ version: String(before.version), csrf: srv.csrf, pos: '0' }), { origin: srv.url });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/review?pos=0&n=accepted&item=fact%3A${hostileId}`);
    expect(status(hostileId)).toEqual({ status: 'accepted', version: before.version + 1 });
    const page = await (await fetch(srv.url + '/queue')).text();
    expect(page).toContain(`<meta name="csrf-token" content="${srv.csrf}">`);
  });

  it('refuses other content types and oversized forms', async () => {
    const json = await fetch(srv.url + '/undo', { method: 'POST', body: JSON.stringify({ csrf: srv.csrf }), headers: { 'content-type': 'application/json' } });
    expect(json.status).toBe(415);
    const big = await post('/undo', form({ csrf: srv.csrf, pad: 'x'.repeat(70_000) }));
    expect(big.status).toBe(413);
  });
});

describe('escaping', () => {
  it('serves hostile article text, evidence and title as text', async () => {
    const res = await fetch(`${srv.url}/fact/${hostileId}`);
    const body = await res.text();
    expect(res.status).toBe(200);
    expect(body).not.toContain('<script>window.__xss');
    expect(body).not.toContain('<img src=x');
    expect(body).not.toContain('<b onmouseover');
    expect(body).toContain('&lt;script&gt;window.__xss = 1;&lt;/script&gt;');
    expect(body).toContain('&lt;img src=x onerror=&quot;window.__xssImg = 1&quot;&gt;');
    expect(body).toContain(HOSTILE.title!.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
    const q = await (await fetch(`${srv.url}/queue`)).text();
    expect(q).not.toContain('<img src=x');
  });

  it('sends a CSP without inline script and the usual hardening headers', async () => {
    const res = await fetch(`${srv.url}/dashboard`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('ignores query text in notices and rejects bad filters', async () => {
    const page = await (await fetch(`${srv.url}/review?pos=0&n=<script>&item=fact:1&metric=<b>`)).text();
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<b>');
  });
});

describe('binding and access', () => {
  it('answers only to loopback Host names (DNS rebinding)', async () => {
    const port = new URL(srv.url).port;
    expect(await getWithHost(`${srv.url}/queue`, `127.0.0.1:${port}`)).toBe(200);
    expect(await getWithHost(`${srv.url}/queue`, `localhost:${port}`)).toBe(200);
    expect(await getWithHost(`${srv.url}/queue`, `attacker.example:${port}`)).toBe(421);
  });

  it('refuses a non-loopback bind without a token, and a short token', async () => {
    await expect(startReviewServer(svc, { host: '0.0.0.0', port: 0, reviewer: 'ana' })).rejects.toThrow(/refusing to listen on 0\.0\.0\.0 without --token/);
    await expect(startReviewServer(svc, { host: '0.0.0.0', port: 0, reviewer: 'ana', token: 'short' })).rejects.toThrow(/too short/);
  });

  it('`cakupan review --host 0.0.0.0` without --token exits with an error and serves nothing', async () => {
    const err: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => (err.push(String(c)), true));
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await main(['node', 'cakupan', 'review', '--db', dbPath, '--host', '0.0.0.0', '--port', '0']);
    } finally {
      spy.mockRestore();
      out.mockRestore();
    }
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
    expect(err.join('')).toMatch(/refusing to listen on 0\.0\.0\.0 without --token/);
  });

  it('with a token, everything needs it: query once (then a cookie), or a Bearer header', async () => {
    const token = 'a3f9c2e18b7d4f60a1b2c3d4e5f60718';
    const open = await startReviewServer(svc, { host: '0.0.0.0', port: 0, reviewer: 'ana', token });
    try {
      const base = open.url.replace('0.0.0.0', '127.0.0.1');
      expect(open.openUrl).toBe(`${open.url}/?token=${token}`);
      expect((await fetch(`${base}/queue`)).status).toBe(401);
      expect((await fetch(`${base}/queue?token=wrong-token-wrong-token`)).status).toBe(401);
      const login = await fetch(`${base}/queue?token=${token}`, { redirect: 'manual' });
      expect(login.status).toBe(303);
      expect(login.headers.get('location')).toBe('/queue');
      const cookie = login.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
      expect((await fetch(`${base}/queue`, { headers: { cookie: cookie.split(';')[0]! } })).status).toBe(200);
      expect((await fetch(`${base}/queue`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      // The token does not replace CSRF.
      const p = await fetch(`${base}/undo`, { method: 'POST', body: '', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' } });
      expect(p.status).toBe(403);
    } finally {
      await open.close();
    }
  });

  it('answers unknown pages and items with 404, and other methods with 405', async () => {
    expect((await fetch(`${srv.url}/fact/99999`)).status).toBe(404);
    expect((await fetch(`${srv.url}/nope`)).status).toBe(404);
    expect((await fetch(`${srv.url}/queue`, { method: 'DELETE' })).status).toBe(405);
  });
});
