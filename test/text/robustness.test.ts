import { describe, expect, it } from 'vitest';
import { ArticleError, extractArticle } from '../../src/text/index.ts';
import { MAX_HTML_BYTES } from '../../src/text/config.ts';

const PARA = 'Cakupan kepesertaan JKN di Kota Singkawang mencapai 80,76 persen dengan kepesertaan sekitar 194 ribu penduduk, kata kepala dinas.';

describe('pages that are not well-formed articles: a result or a clear error, never a crash', () => {
  it('reads malformed HTML (unclosed tags, stray closers, broken attributes)', () => {
    const html = `<html><body><div class="content"><p>${PARA}<p>${PARA.replace('80,76', '81,50')}</div></span></td><p class=broken id=>bold <b>bold <i>${PARA.replace('Singkawang', 'Pontianak')}</b></html></body>trailing`;
    const a = extractArticle(Buffer.from(html));
    expect(a.text).toContain('80,76 persen');
    expect(a.text).toContain('Kota Pontianak');
  });

  it('reads a 20 MB page', () => {
    const filler = `<div class="sidebar"><ul>${'<li><a href="/x">Berita lain yang tidak terkait sama sekali</a></li>'.repeat(50)}</ul></div>`;
    const article = `<article><h1>Judul</h1>${`<p>${PARA}</p>`.repeat(3)}</article>`;
    let html = `<html><body>${article}`;
    while (html.length < MAX_HTML_BYTES - 10_000) html += filler;
    html += '</body></html>';
    const bytes = Buffer.from(html);
    expect(bytes.length).toBeGreaterThan(19 * 1024 * 1024);
    const a = extractArticle(bytes);
    expect(a.text).toContain('80,76 persen');
    expect(a.text).not.toContain('Berita lain');
  });

  it('refuses a page over the limit with an error that names the page', () => {
    const bytes = Buffer.alloc(MAX_HTML_BYTES + 1, 0x20);
    expect(() => extractArticle(bytes, { url: 'https://contoh.id/besar' })).toThrow(ArticleError);
    expect(() => extractArticle(bytes, { url: 'https://contoh.id/besar' })).toThrow(/contoh\.id\/besar.*limit/);
  });

  it('reads markup nested 100 000 levels deep', () => {
    const depth = 100_000;
    const html = `<html><body>${'<div>'.repeat(depth)}<p>${PARA}</p>${'</div>'.repeat(depth)}</body></html>`;
    const a = extractArticle(Buffer.from(html));
    expect(a.text).toContain('80,76 persen');
  });

  it('reads a page full of unclosed <script>, <style> and comment openers', () => {
    const html = `<html><body><p>${PARA}</p>${'<script>var a = 1; <style> x <!-- y '.repeat(20_000)}</body></html>`;
    const a = extractArticle(Buffer.from(html));
    expect(a.text).toContain('80,76 persen');
  });

  it('gives an empty text for an empty body, an empty page and binary junk', () => {
    for (const bytes of [Buffer.from('<html><head><title>Kosong</title></head><body></body></html>'), Buffer.alloc(0), Buffer.from([0, 1, 2, 255, 254, 0, 7])]) {
      const a = extractArticle(bytes);
      expect(a.text).toBe('');
      expect(a.method).toBe('body');
    }
    expect(extractArticle(Buffer.from('<html><head><title>Kosong</title></head><body></body></html>')).title).toBe('Kosong');
  });

  it('reports which stage won and what each attempt gave', () => {
    const a = extractArticle(Buffer.from(`<html><body><div class="entry-content">${`<p>${PARA}</p>`.repeat(4)}</div></body></html>`));
    expect(a.method).toBe('scorer');
    expect(a.attempts[0]).toMatchObject({ method: 'scorer' });
    const short = extractArticle(Buffer.from('<html><body><p>Singkat.</p></body></html>'));
    expect(short.attempts.map((x) => x.method)).toEqual(['scorer', 'scorer-relaxed', 'body']);
    expect(short.text).toBe('Singkat.');
  });
});
