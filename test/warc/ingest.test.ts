import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openStore, type SqliteStore } from '../../src/store/sqlite.ts';
import { ingestWarc, expandWarcInputs } from '../../src/warc/ingest.ts';
import { articlePage, broken, devArticles, ENGLISH_PAGE, htmlPage, OTHER_NEWS_ID, serialize, writeWarc, type Rec } from './fixtures.ts';

const KEYWORDS = ['JKN', 'BPJS Kesehatan', 'BPJS', 'UHC', 'kepesertaan', 'jaminan kesehatan'];
const arts = devArticles().slice(0, 12);
const urlOf = (i: number) => `https://berita${i % 3}.example.co.id/daerah/2025/03/${100 + i}/kabar-hari-ini`;

let dir: string;
let server: Server;
let origin: string;
/** The records of the main test file, and which are broken. */
let parts: (Rec | Buffer)[];
let badIndex: number[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cakupan-warc-'));
  parts = [await serialize({ url: 'x', type: 'warcinfo' }, true)];
  badIndex = [];
  arts.forEach((a, i) => {
    parts.push({ url: urlOf(i), type: 'request' }, { url: urlOf(i), html: articlePage(a) }, { url: urlOf(i), type: 'metadata' });
    if (i === 3) parts.push({ url: 'https://www.example.com/news/jkn', html: articlePage(arts[0]!) }); // another host
    if (i === 5) parts.push({ url: 'https://berita1.example.co.id/en/jkn', html: ENGLISH_PAGE }, { url: 'https://berita1.example.co.id/pasar', html: OTHER_NEWS_ID });
    if (i === 6) parts.push({ url: 'https://berita2.example.co.id/hilang', html: 'not found', status: 404 }, { url: 'https://berita2.example.co.id/foto.jpg', html: 'JFIF', contentType: 'image/jpeg' });
  });
  // Broken records between good ones: a truncated member, a wrong Content-Length, a response that is not HTTP.
  parts.splice(8, 0, await broken.truncatedMember({ url: 'https://berita0.example.co.id/putus', html: articlePage(arts[0]!) }));
  parts.splice(15, 0, await broken.wrongLength({ url: 'https://berita0.example.co.id/panjang', html: articlePage(arts[1]!) }, true));
  parts.splice(22, 0, await serialize({ url: 'https://berita0.example.co.id/bukan-http', rawPayload: 'bukan pesan HTTP sama sekali' }, true));
  badIndex = [8, 15, 22];
  server = createServer((req, res) => {
    const file = join(dir, (req.url ?? '/').slice(1));
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    const m = /^bytes=(\d+)-$/.exec(String(req.headers.range ?? ''));
    if (m) {
      const start = Number(m[1]);
      res.writeHead(206, { 'content-length': String(body.length - start), 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` });
      res.end(body.subarray(start));
    } else {
      res.writeHead(200, { 'content-length': String(body.length) });
      res.end(body);
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

function count(store: SqliteStore, sql: string, ...args: unknown[]): number {
  return store.db.prepare(sql).pluck().get(...args) as number;
}

describe('cakupan ingest of a .warc.gz', () => {
  it('keeps the Indonesian JKN pages of the allowed hosts, skips and names every bad record, records where it stopped', async () => {
    const file = join(dir, 'a.warc.gz');
    const offsets = await writeWarc(file, parts, true);
    const store = openStore(join(dir, 'a.db'));
    const bad: { offset: number; reason: string }[] = [];
    try {
      const r = await ingestWarc(store, [file], { hosts: ['.co.id'], keywords: KEYWORDS, workers: 1, progress: false, onBad: (_s, offset, reason) => bad.push({ offset, reason }) });
      const f = r.files[0]!;
      expect(f.error).toBeNull();
      expect(f.counts.kept).toBe(arts.length);
      expect(f.counts.hostRejected).toBe(1); // www.example.com
      expect(f.counts.notIndonesian).toBe(1); // the English page
      expect(f.counts.irrelevant).toBe(1); // the night market
      expect(f.counts.notHtml).toBe(2); // the 404 and the image
      expect(bad.map((b) => b.offset)).toEqual(badIndex.map((i) => offsets[i]));
      expect(bad[0]!.reason).toMatch(/gzip/);
      expect(bad[1]!.reason).toMatch(/Content-Length/);
      expect(bad[2]!.reason).toMatch(/not HTTP/);
      expect(count(store, 'SELECT count(*) FROM articles')).toBe(arts.length);
      expect(count(store, 'SELECT count(*) FROM warc_sources')).toBe(arts.length);
      const row = store.db.prepare('SELECT next_offset, done, bad, kept FROM warc_files').get() as { next_offset: number; done: number; bad: number; kept: number };
      expect(row).toEqual({ next_offset: statSync(file).size, done: 1, bad: 3, kept: arts.length });
      expect(r.run.outcome).toBe('ok');
      expect(r.run.facts_added).toBeGreaterThan(20);
      // No date on the page: the WARC-Date gives `published`.
      const undated = arts.findIndex((a) => !a.published && !/\b20\d\d\b/.test(a.text.slice(0, 200)));
      expect(undated).toBeGreaterThanOrEqual(0);
      expect(store.db.prepare('SELECT a.published FROM articles a JOIN pages p ON p.id = a.page_id WHERE p.url = ?').pluck().get(urlOf(undated))).toBe('2025-03-02');

      // The same file again continues at its end: nothing read, nothing stored twice.
      const again = await ingestWarc(store, [file], { hosts: ['.co.id'], keywords: KEYWORDS, workers: 1, progress: false });
      expect(again.files[0]!.bytesRead).toBe(0);
      expect(count(store, 'SELECT count(*) FROM articles')).toBe(arts.length);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('reads a plain .warc over HTTP and a paths list naming files relative to --warc-base, in worker threads', async () => {
    const plainParts = parts.filter((_, i) => !badIndex.includes(i) || i === 15);
    // The plain file: every record uncompressed, one with a wrong Content-Length.
    const plain: (Rec | Buffer)[] = [];
    for (const p of plainParts) plain.push(Buffer.isBuffer(p) ? p === parts[15] ? await broken.wrongLength({ url: 'https://berita0.example.co.id/panjang', html: articlePage(arts[1]!) }, false) : await serialize({ url: 'x', type: 'warcinfo' }, false) : p);
    await writeWarc(join(dir, 'b.warc'), plain, false);
    await writeWarc(join(dir, 'c.warc.gz'), [{ url: 'https://lain.example.co.id/2025/uhc', html: htmlPage('d001') }], true);
    writeFileSync(join(dir, 'warc.paths.gz'), gzipSync('b.warc\nc.warc.gz\n'));
    const list = `${origin}/warc.paths.gz`;
    expect(await expandWarcInputs([list], `${origin}/`, true)).toEqual([`${origin}/b.warc`, `${origin}/c.warc.gz`]);
    const store = openStore(join(dir, 'b.db'));
    const bad: number[] = [];
    try {
      const r = await ingestWarc(store, [list], { hosts: ['.example.co.id'], keywords: KEYWORDS, workers: 2, progress: false, warcBase: `${origin}/`, allowPrivate: true, onBad: (_s, o) => bad.push(o) });
      expect(r.files.map((f) => [f.error, f.done])).toEqual([[null, true], [null, true]]);
      expect(r.files[0]!.counts.kept).toBe(arts.length);
      expect(r.files[1]!.counts.kept).toBe(1);
      expect(bad.length).toBe(1);
      expect(count(store, 'SELECT count(*) FROM articles')).toBe(arts.length + 1);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('an article the crawler stored is stored once, with the crawl page and the archive record as its sources', async () => {
    const store = openStore(join(dir, 'c.db'));
    try {
      const a = arts[0]!;
      const url = 'https://berita0.example.co.id/daerah/2025/03/100/kabar';
      const html = articlePage(a);
      // What the crawler's storeIngest does for a fetched page.
      const { extractDocument } = await import('../../src/store/pipeline.ts');
      const doc = { url, bytes: Buffer.from(html), kind: 'html' as const, contentType: 'text/html', status: 200, headers: {}, fetchedAt: new Date().toISOString(), titleHint: null, publishedHint: null };
      await store.saveDocument(doc, extractDocument(doc), await store.startRun('crawl', {}));
      const file = join(dir, 'd.warc.gz');
      await writeWarc(file, [{ url, html }, { url: url.replace('/daerah/', '/amp/daerah/'), html }], true);
      const r = await ingestWarc(store, [file], { hosts: ['*'], keywords: KEYWORDS, workers: 0, progress: false });
      expect(r.files[0]!.counts.kept).toBe(2);
      expect(count(store, 'SELECT count(*) FROM articles')).toBe(1);
      expect(count(store, 'SELECT count(*) FROM pages')).toBe(2);
      expect(count(store, 'SELECT count(DISTINCT article_id) FROM warc_sources')).toBe(1);
      expect(r.run.pages_unchanged).toBe(1);
      expect(r.run.articles_linked).toBe(1);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('a file that cannot be read fails alone, naming itself', async () => {
    const store = openStore(join(dir, 'e.db'));
    try {
      await writeWarc(join(dir, 'ok.warc.gz'), [{ url: 'https://berita0.example.co.id/x/y', html: articlePage(arts[2]!) }], true);
      const r = await ingestWarc(store, [join(dir, 'missing.warc.gz'), `${origin}/missing.warc`, join(dir, 'ok.warc.gz')], { hosts: ['*'], keywords: KEYWORDS, workers: 1, progress: false, allowPrivate: true });
      expect(r.files[0]!.error).toMatch(/missing\.warc\.gz: no such file/);
      expect(r.files[1]!.error).toMatch(/missing\.warc: HTTP 404/);
      expect(r.files[2]!.counts.kept).toBe(1);
      // Without the private-address opening, a WARC URL on loopback is refused like any crawler fetch.
      const closed = await ingestWarc(store, [`${origin}/c.warc.gz`], { hosts: ['*'], keywords: KEYWORDS, workers: 0, progress: false, allowPrivate: false });
      expect(closed.files[0]!.error).toMatch(/c\.warc\.gz: .*127\.0\.0\.1/);
      expect(r.run.outcome).toBe('partial');
    } finally {
      await store.close();
    }
  }, 120_000);
});
