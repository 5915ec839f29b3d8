import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { closeAgents, fetchPage, FetchError, isPrivateAddress } from '../../src/crawl/fetch.ts';
import { gzipBomb, send, startSite, type SiteServer } from './fixtures/server.ts';

let site: SiteServer;
const P = { allowPrivate: true };

beforeAll(async () => {
  site = await startSite({
    '/ok': 'halo',
    '/gzip': (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
      r.end(gzipSync('teks terkompresi'));
    },
    '/br': (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'br' });
      r.end(brotliCompressSync('teks brotli'));
    },
    '/bomb': (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      r.end(gzipBomb());
    },
    '/big': (_q, r) => {
      // 50 MB streamed without Content-Length: only counting stops it.
      r.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(1024 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 50 && r.write(chunk)) sent++;
        if (sent >= 50) r.end();
        else r.once('drain', () => { sent++; pump(); });
      };
      pump();
    },
    '/big-declared': (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
      r.write('a');
    },
    '/drip': (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/html' });
      const t = setInterval(() => (r.destroyed ? clearInterval(t) : r.write('x')), 50);
      r.on('close', () => clearInterval(t));
    },
    '/hang': () => undefined,
    '/reset': (q) => void q.socket.destroy(),
    '/loop-a': send('', 'text/plain', 302, { location: '/loop-b' }),
    '/loop-b': send('', 'text/plain', 301, { location: '/loop-a' }),
    '/r1': send('', 'text/plain', 302, { location: '/r2' }),
    '/r2': send('', 'text/plain', 307, { location: '/ok' }),
    '/chain0': send('', 'text/plain', 302, { location: '/chain1' }),
    '/chain1': send('', 'text/plain', 302, { location: '/chain2' }),
    '/chain2': send('', 'text/plain', 302, { location: '/chain3' }),
    '/chain3': send('', 'text/plain', 302, { location: '/chain4' }),
    '/chain4': send('', 'text/plain', 302, { location: '/chain5' }),
    '/chain5': send('', 'text/plain', 302, { location: '/chain6' }),
    '/chain6': 'end of chain',
    '/cond': (q, r) => {
      if (q.headers['if-none-match'] === '"v1"' || q.headers['if-modified-since'] === 'Mon, 01 Jan 2024 00:00:00 GMT') {
        r.writeHead(304, { etag: '"v1"' });
        return void r.end();
      }
      r.writeHead(200, { 'content-type': 'text/html', etag: '"v1"', 'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT' });
      r.end('versi 1');
    },
  });
});
afterAll(async () => {
  await site.close();
  await closeAgents();
});

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error('expected a FetchError');
}

describe('fetchPage', () => {
  it('fetches a page and keeps the shape document.ts relies on', async () => {
    const p = await fetchPage(site.origin + '/ok', P);
    expect(p).toMatchObject({ url: site.origin + '/ok', finalUrl: site.origin + '/ok', status: 200, contentType: 'text/html; charset=utf-8' });
    expect(p.bytes.toString()).toBe('halo');
    expect(site.hits.at(-1)?.headers['user-agent']).toMatch(/cakupan.*\+https?:\/\//);
  });

  it('decodes gzip and brotli', async () => {
    expect((await fetchPage(site.origin + '/gzip', P)).bytes.toString()).toBe('teks terkompresi');
    expect((await fetchPage(site.origin + '/br', P)).bytes.toString()).toBe('teks brotli');
  });

  it('stops a gzip bomb at the decoded-size cap', async () => {
    const e = await failure(fetchPage(site.origin + '/bomb', { ...P, maxDecodedBytes: 5 * 1024 * 1024 }));
    expect(e.code).toBe('decoded-too-large');
    expect(e.message).toContain('/bomb');
  });

  it('refuses a 50 MB page, streamed or declared', async () => {
    expect((await failure(fetchPage(site.origin + '/big', { ...P, maxBytes: 2 * 1024 * 1024 }))).code).toBe('too-large');
    expect((await failure(fetchPage(site.origin + '/big-declared', P))).code).toBe('too-large');
  });

  it('times out a slow drip (total deadline) and a hang (header timeout)', async () => {
    expect((await failure(fetchPage(site.origin + '/drip', { ...P, totalTimeoutMs: 400 }))).code).toBe('timeout');
    expect((await failure(fetchPage(site.origin + '/hang', { ...P, headersTimeoutMs: 300 }))).code).toBe('timeout');
  });

  it('reports a connection reset as a network error', async () => {
    expect((await failure(fetchPage(site.origin + '/reset', P))).code).toBe('network');
  });

  it('follows redirects, detects loops and stops after five hops', async () => {
    const p = await fetchPage(site.origin + '/r1', P);
    expect(p.finalUrl).toBe(site.origin + '/ok');
    expect(p.redirects).toEqual([site.origin + '/r2', site.origin + '/ok']);
    expect((await failure(fetchPage(site.origin + '/loop-a', P))).code).toBe('redirect-loop');
    expect((await failure(fetchPage(site.origin + '/chain0', P))).code).toBe('too-many-redirects');
  });

  it('sends validators and reports 304 as notModified', async () => {
    const first = await fetchPage(site.origin + '/cond', P);
    expect(first.headers.etag).toBe('"v1"');
    const again = await fetchPage(site.origin + '/cond', { ...P, etag: first.headers.etag });
    expect(again).toMatchObject({ status: 304, notModified: true });
    expect(again.bytes.length).toBe(0);
    const byDate = await fetchPage(site.origin + '/cond', { ...P, lastModified: first.headers['last-modified'] });
    expect(byDate.status).toBe(304);
  });

  it('refuses loopback, private and link-local addresses unless allowed', async () => {
    expect((await failure(fetchPage(site.origin + '/ok', { allowPrivate: false }))).code).toBe('private-address');
    const port = new URL(site.origin).port;
    // "localhost" goes through DNS: the lookup itself refuses it.
    expect((await failure(fetchPage(`http://localhost:${port}/ok`, { allowPrivate: false }))).code).toBe('private-address');
    for (const a of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '100.64.0.1'])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '103.10.20.30', '2001:4860:4860::8888']) expect(isPrivateAddress(a), a).toBe(false);
  });

  it('refuses non-http schemes', async () => {
    expect((await failure(fetchPage('file:///etc/passwd', P))).code).toBe('bad-url');
  });
});
