/**
 * Issue 12, point 1: pages of many tiny elements. Before: 8 MB of 1M tiny elements took 1.7 GB and 14.5 s,
 * 16 MB of 2M took 2.7 GB. Now the text stage bounds what it parses; each page is measured in its own child
 * process so the peak RSS is that page's.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ArticleError, extractArticle } from '../../src/text/index.ts';
import { boundElements, countElements, limitAttributes } from '../../src/text/complexity.ts';
import { MAX_PAGE_TEXT_CHARS, MAX_TAG_ATTRIBUTES } from '../../src/text/config.ts';

const CHILD = fileURLToPath(new URL('./tiny-elements.ts', import.meta.url));

function measure(count: number, tag: string): { outcome: string; chars: number; peakRssMiB: number; ms: number } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, String(count), tag], { encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

describe('text stage memory on pages of millions of tiny elements', () => {
  it('2M tiny inline elements (16 MB): read, under 400 MB peak RSS', () => {
    const m = measure(2_000_000, 'b');
    expect(m.outcome).toBe('body');
    expect(m.chars).toBeGreaterThan(100);
    expect(m.peakRssMiB).toBeLessThan(400);
  }, 150_000);

  it('2M tiny block elements (16 MB): refused as too complex, under 400 MB peak RSS', () => {
    const m = measure(2_000_000, 'p');
    expect(m.outcome).toBe('too-complex');
    expect(m.peakRssMiB).toBeLessThan(400);
  }, 150_000);

  it('the refusal names the page and the limit', () => {
    const html = Buffer.from(`<html><body><p>JKN</p>${'<div>x</div>'.repeat(2000)}</body></html>`);
    let err: unknown;
    try {
      extractArticle(html, { url: 'https://contoh.id/rumit', maxElements: 1000 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ArticleError);
    expect((err as ArticleError).code).toBe('too-complex');
    expect((err as Error).message).toMatch(/^https:\/\/contoh\.id\/rumit: page too complex: 200\d elements .* 1000 .*MAX_HTML_ELEMENTS/);
  });

  it('over the limit, inline formatting and link-only list items go first; the article text survives', () => {
    const para = '<p>Cakupan kepesertaan <b>JKN</b> di Kabupaten Klaten mencapai <span class="angka">98,77 persen</span>, kata Kepala BPJS Kesehatan cabang Klaten.</p>';
    const nav = `<ul>${'<li><a href="/x">Berita lain</a></li>'.repeat(300)}</ul>`;
    const html = `<html><body><article>${para}</article>${nav}</body></html>`;
    const b = boundElements(html, 100);
    expect(b.elements).toBe(countElements(html));
    expect(b.reduced).toBe(true);
    expect(b.left).toBeLessThan(10);
    const a = extractArticle(Buffer.from(html), { maxElements: 100 });
    expect(a.text).toContain('Cakupan kepesertaan JKN di Kabupaten Klaten mencapai 98,77 persen');
    expect(a.text).not.toContain('Berita lain');
    // Under the limit nothing changes.
    expect(boundElements(html, 10_000)).toMatchObject({ html, reduced: false });
  });

  it('declarations and processing instructions count as nodes, and go first when over the limit', () => {
    const para = '<p>Cakupan kepesertaan JKN di Kabupaten Klaten mencapai 98,77 persen, kata Kepala BPJS Kesehatan cabang Klaten.</p>';
    const html = `<html><body><article>${para}</article>${'<!x><?y?>'.repeat(600)}</body></html>`;
    expect(countElements(html)).toBeGreaterThan(1200);
    const b = boundElements(html, 100);
    expect(b.left).toBeLessThan(10);
    expect(extractArticle(Buffer.from(html), { maxElements: 100 }).text).toContain('98,77 persen');
  });

  it('a tag keeps at most MAX_TAG_ATTRIBUTES attributes (one tag of 2M attributes took 15 s and 635 MB)', () => {
    let many = '<img';
    for (let i = 0; i < 1000; i++) many += ` data-a${i}="v${i}"`;
    const out = limitAttributes(`<p>${many} /></p>`);
    expect(out.match(/data-a\d+=/g)).toHaveLength(MAX_TAG_ATTRIBUTES);
    expect(out.endsWith('data-a255="v255"/></p>')).toBe(true);
    // A long tag of few attributes (a JSON data-* value) is untouched, and so is every short tag.
    const json = `<div data-props='${'{"a":1},'.repeat(1000)}' class="isi">x</div>`;
    expect(limitAttributes(json)).toBe(json);
    let attrs = '';
    for (let i = 0; i < 300_000; i++) attrs += ` a${i.toString(36)}`;
    const a = extractArticle(Buffer.from(`<html><body><article><p>Cakupan kepesertaan JKN di Kabupaten Klaten mencapai 98,77 persen, kata Kepala BPJS Kesehatan.</p></article><div${attrs}>x</div></body></html>`));
    expect(a.text).toContain('98,77 persen');
  });

  it('text past MAX_PAGE_TEXT_CHARS is not read (20 MB of prose took 900 MB and 8–11 s)', () => {
    const fact = 'Cakupan kepesertaan JKN di Kabupaten Klaten mencapai 98,77 persen, kata Kepala BPJS Kesehatan cabang Klaten.';
    const html = Buffer.from(`<html><body><article><p>${fact}</p><p>${'kata '.repeat(2_000_000)}</p></article></body></html>`);
    const a = extractArticle(html);
    expect(a.text.startsWith(fact)).toBe(true);
    expect(a.text.length).toBeLessThanOrEqual(MAX_PAGE_TEXT_CHARS + 10);
    expect(a.textCut).toBe(true);
    expect(extractArticle(Buffer.from(`<html><body><p>${fact}</p></body></html>`)).textCut).toBeUndefined();
  });

  it('20 MB of prose: under 400 MB peak RSS (child process)', () => {
    const m = measure(4_000_000, 'prose');
    expect(m.outcome).toMatch(/^scorer|^body/);
    expect(m.peakRssMiB).toBeLessThan(400);
  }, 150_000);
});
