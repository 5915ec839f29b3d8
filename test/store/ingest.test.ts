import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';
import { ingest } from '../../src/store/ingest.ts';
import type { Extractor } from '../../src/store/types.ts';
import { BACKENDS, backend } from './backends.ts';
import { fakeExtractor } from './fixtures/fake-extractor.ts';
import { tempDir } from './helpers.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const fake = fakeExtractor();

const ARTICLE = 'Cakupan JKN Kabupaten Banjar.\nFAKTA 63.03 coverage_pct 98.5 2025-06\nFAKTA 63.03 enrolled_count 581000 2025-06\nKATEGORI 63.03 Madya 2026\n';
const HTML = (body: string, head = '') => `<!doctype html><html><head><title>Berita JKN</title>${head}</head><body><p>${body.replace(/\n/g, '</p>\n<p>')}</p></body></html>`;

describe.each(BACKENDS)('ingest on %s', (kind) => {
  it('stores .txt, .html and corpus .json files from a folder tree, with their facts, pages and run record', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'in', 'a.txt'), ARTICLE);
    writeFileSync(join(dir, 'in', 'sub', 'b.html'), HTML('Kota Banjarmasin.\nFAKTA 63.71 coverage_pct 99.1 2025'));
    writeFileSync(join(dir, 'in', 'sub', 'c.json'), JSON.stringify({ id: 'x1', url: 'https://berita.example/x1', title: 'Judul', published: '2025-07-01', text: 'FAKTA 63 active_pct 81.2 2025-06' }));
    writeFileSync(join(dir, 'in', '.hidden.txt'), 'FAKTA 63 active_pct 1 2025');
    writeFileSync(join(dir, 'in', 'notes.md'), 'not an input');
    const b = await backend(kind);
    const store = await b.open();
    const seen: string[] = [];
    const rec = await ingest(store, [join(dir, 'in')], { extractor: fake, onResult: (s, o) => seen.push(`${o.kind} ${s.slice(dir.length)}`) });
    expect(seen).toEqual(['new /in/a.txt', 'new /in/sub/b.html', 'new /in/sub/c.json']);
    expect(rec).toMatchObject({ command: 'ingest', outcome: 'ok', pages_seen: 3, articles_new: 3, facts_added: 4, errors: 0 });
    const pages = await b.all('SELECT url, kind, site_id, title_hint, published_hint, body, size, sha256 FROM pages ORDER BY id');
    expect(pages.map((p) => p.kind)).toEqual(['text', 'html', 'text']);
    expect(String(pages[0]!.url)).toMatch(/^file:\/\/.*\/in\/a\.txt$/);
    expect(gunzipSync(pages[0]!.body as Buffer).toString('utf8')).toBe(ARTICLE);
    expect(pages[2]).toMatchObject({ url: 'https://berita.example/x1', title_hint: 'Judul', published_hint: '2025-07-01' });
    expect((await b.all<{ host: string }>('SELECT host FROM sites ORDER BY id')).map((r) => r.host)).toEqual(['local', 'berita.example']);
    const [x1] = await b.all("SELECT a.title, a.published, f.published AS fact_published FROM articles a JOIN facts f ON f.article_id = a.id WHERE a.id = 3");
    expect(x1).toEqual({ title: 'Judul', published: '2025-07-01', fact_published: '2025-07-01' });
    expect(await b.all('SELECT region_code, category, year, status FROM categories')).toEqual([{ region_code: '63.03', category: 'Madya', year: 2026, status: 'auto' }]);
    const [fact] = (await b.all("SELECT * FROM facts WHERE metric = 'coverage_pct' AND region_code = '63.03'")) as [Record<string, unknown>];
    const [{ text }] = (await b.all<{ text: string }>('SELECT text FROM articles WHERE id = ?', [fact.article_id])) as [{ text: string }];
    expect(text.slice(fact.evidence_start as number, fact.evidence_end as number)).toBe(fact.evidence_text);
    expect(fact).toMatchObject({ value: 98.5, extracted_value: 98.5, as_of: '2025-06', status: 'auto', version: 1, flags: '[]' });
    await store.close();
  });

  it('stores the same content once: unchanged on a second ingest, linked when it comes from another file or its canonical URL', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
    writeFileSync(join(dir, 'copy.txt'), ARTICLE.replace('Kabupaten Banjar.', 'Kabupaten  Banjar!'));
    writeFileSync(join(dir, 'orig.html'), HTML('Asli.\nFAKTA 63 active_pct 80 2025', '<link rel="canonical" href="https://asli.example/berita/1">'));
    writeFileSync(join(dir, 'mirror.html'), HTML('Salinan dengan iklan lain.\nFAKTA 63 active_pct 80 2025', '<link rel="canonical" href="https://asli.example/berita/1">'));
    const b = await backend(kind);
    const store = await b.open();
    const kinds: string[] = [];
    const onResult = (_s: string, o: { kind: string }) => kinds.push(o.kind);
    await ingest(store, [join(dir, 'a.txt')], { extractor: fake, onResult });
    const again = await ingest(store, [join(dir, 'a.txt'), join(dir, 'copy.txt')], { extractor: fake, onResult });
    await ingest(store, [join(dir, 'orig.html'), join(dir, 'mirror.html')], { extractor: fake, onResult });
    expect(kinds).toEqual(['new', 'unchanged', 'linked', 'new', 'linked']);
    expect(again).toMatchObject({ pages_seen: 2, pages_unchanged: 1, articles_linked: 1, articles_new: 0, facts_added: 0 });
    expect(await b.all('SELECT (SELECT count(*) FROM pages) AS pages, (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM facts) AS facts')).toEqual([{ pages: 4, articles: 2, facts: 3 }]);
    expect(await b.all('SELECT article_id, count(*) AS pages, sum(is_primary) AS primaries FROM article_sources GROUP BY article_id ORDER BY article_id')).toEqual([
      { article_id: 1, pages: 2, primaries: 1 },
      { article_id: 2, pages: 2, primaries: 1 },
    ]);
    await store.close();
  });

  it('fetches a URL once, keeping status, headers and the exact bytes', async () => {
    const page = HTML('FAKTA 62 coverage_pct 97.25 2025-12-31');
    const server: Server = createServer((req, res) => {
      if (req.url === '/missing') return res.writeHead(404).end('no');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'x-test': 'yes' }).end(page);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const prev = process.env.CAKUPAN_ALLOW_PRIVATE;
    process.env.CAKUPAN_ALLOW_PRIVATE = '1';
    try {
      const b = await backend(kind);
      const store = await b.open();
      const errors: string[] = [];
      const rec = await ingest(store, [`${base}/berita/1`, `${base}/missing`], { extractor: fake, onError: (_s, e) => errors.push(e.message) });
      expect(errors).toEqual([`${base}/missing: HTTP 404`]);
      expect(rec).toMatchObject({ outcome: 'partial', articles_new: 1, errors: 1 });
      expect(rec.message).toMatch(/1 inputs failed; first: .*missing: HTTP 404/);
      const [p] = (await b.all('SELECT url, status, headers, content_type, body FROM pages')) as [Record<string, unknown>];
      expect(p).toMatchObject({ url: `${base}/berita/1`, status: 200, content_type: 'text/html; charset=utf-8' });
      expect(JSON.parse(String(p.headers))).toMatchObject({ 'x-test': 'yes' });
      expect(gunzipSync(p.body as Buffer).toString('utf8')).toBe(page);
      expect(await b.all('SELECT value FROM facts')).toEqual([{ value: 97.25 }]);
      await store.close();
    } finally {
      if (prev === undefined) delete process.env.CAKUPAN_ALLOW_PRIVATE;
      else process.env.CAKUPAN_ALLOW_PRIVATE = prev;
      await new Promise((r) => server.close(r));
    }
  });

  it('refuses an article whose row fails validation, naming page and field, and stores nothing of it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.txt'), 'FAKTA 99.99 coverage_pct 98 2025\n');
    writeFileSync(join(dir, 'neg.txt'), 'x');
    writeFileSync(join(dir, 'good.txt'), ARTICLE);
    const negative: Extractor = (doc) => ({ ...fake(doc), facts: [{ region: { name: 'Provinsi Jawa Tengah', level: 'provinsi', code: '33' }, metric: 'coverage_pct', value: -3, asOf: null, confidence: 0.5, reasons: [], evidence: { start: 0, end: 1, text: 'x' } }] });
    const b = await backend(kind);
    const store = await b.open();
    const errors: string[] = [];
    const rec = await ingest(store, [join(dir, 'bad.txt'), join(dir, 'good.txt')], { extractor: fake, onError: (_s, e) => errors.push(e.message) });
    await ingest(store, [join(dir, 'neg.txt')], { extractor: negative, onError: (_s, e) => errors.push(e.message) });
    expect(errors[0]).toMatch(/^file:\/\/.*\/bad\.txt: facts\[0\]\.region\.code: unknown region code "99\.99"/);
    expect(errors[1]).toMatch(/^file:\/\/.*\/neg\.txt: facts\[0\]\.value: Too small/);
    expect(rec).toMatchObject({ outcome: 'partial', errors: 1, articles_new: 1 });
    expect(await b.all('SELECT url FROM pages')).toEqual([{ url: expect.stringMatching(/good\.txt$/) }]);
    await store.close();
  });

  it('stores exactly the facts the extraction engine returns for the bundled corpus', async () => {
    const dir = join(ROOT, 'corpus/dev');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    const b = await backend(kind);
    const store = await b.open();
    const rec = await ingest(store, files.map((f) => join(dir, f)));
    expect(rec).toMatchObject({ outcome: 'ok', articles_new: files.length, errors: 0 });
    const stored = await b.all<{ id: number; text: string; title: string | null; published: string | null }>('SELECT a.id, a.text, a.title, a.published FROM articles a ORDER BY a.id');
    expect(stored).toHaveLength(files.length);
    const facts = (id: number) => b.all('SELECT region_code, metric, value, as_of, evidence_start, evidence_end, evidence_text, confidence FROM facts WHERE article_id = ? ORDER BY id', [id]);
    for (const a of stored) {
      const want = extractFacts(a.text, { published: a.published, title: a.title }).facts.map((f) => ({
        region_code: f.region.code,
        metric: f.metric,
        value: f.value,
        as_of: f.asOf,
        evidence_start: f.evidence.start,
        evidence_end: f.evidence.end,
        evidence_text: f.evidence.text,
        confidence: f.confidence,
      }));
      expect(await facts(a.id)).toEqual(want);
    }
    await store.close();
  });
});

describe('npm start', () => {
  it('`npm start` (cakupan main) builds the database from the bundled corpus and prints the coverage table; a second run changes nothing', () => {
    const db = join(tempDir(), 'main.db');
    // Every corpus article (the dev set grows as articles are added to it).
    const n = readdirSync(join(ROOT, 'corpus/dev')).filter((f) => f.endsWith('.json')).length;
    expect(n).toBeGreaterThanOrEqual(25);
    const run = () => spawnSync(process.execPath, ['src/bin.js', 'main'], { cwd: ROOT, env: { ...process.env, CAKUPAN_DB: db }, encoding: 'utf8' });
    const first = run();
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^region +code +coverage +active/);
    expect(first.stdout).toContain(`${db}: ${n} articles`);
    expect(first.stdout).toContain(`this run: ${n} new, 0 linked, 0 unchanged`);
    const second = run();
    expect(second.status).toBe(0);
    expect(second.stdout).toContain(`this run: 0 new, 0 linked, ${n} unchanged, 0 re-extracted`);
    expect(readFileSync(db).subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});
