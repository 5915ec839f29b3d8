/**
 * Issue 11, "the review page loses dates … and nothing on the queue page starts reviewing from the keyboard":
 * in real Chromium, j/k/Enter open a queue row; the "other figures" table shows as-of and published; a reviewer
 * selects the words of a figure the extractor missed, presses n, finds value, metric and as-of prefilled, adds
 * it (audited as action "add", through the store), a refresh keeps it, and `cakupan export` carries it; the
 * page fits a phone's width.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReviewServer, type ReviewServer } from '../../src/review/server.ts';
import { ReviewService } from '../../src/review/service.ts';
import { refresh, type SqliteStore } from '../../src/store/index.ts';
import { launchChromium } from './browser.ts';
import { seedExtraction, seedStore, tempDir, type SeedArticle } from './seed.ts';

const run = promisify(execFile);
const tmp = tempDir();
let store: SqliteStore;
let srv: ReviewServer;
let browser: BrowserContext & { dispose(): Promise<void> };
let page: Page;
let dbPath: string;

/** The extractor found the population and the enrolled count, and missed the coverage figure. */
const TAPIN: SeedArticle = {
  url: 'https://kalsel.example.id/berita/2025/04/02/uhc-tapin',
  title: 'Kepesertaan JKN Kabupaten Tapin',
  published: '2025-04-02',
  text:
    'Rantau – Cakupan kepesertaan JKN di Kabupaten Tapin mencapai 97,45 persen per Maret 2025, naik dari tahun lalu.\n' +
    'Jumlah penduduk Kabupaten Tapin tercatat 201.000 jiwa, dengan peserta terdaftar 195.875 jiwa. Kabupaten Tapin meraih UHC Award 2025 kategori Utama.',
  facts: [
    { code: '63.05', metric: 'population', value: 201000, confidence: 0.5, span: '201.000 jiwa', raw: '201.000' },
    { code: '63.05', metric: 'enrolled_count', value: 195875, confidence: 0.45, span: '195.875 jiwa', raw: '195.875' },
  ],
  categories: [{ code: '63.05', category: 'Utama', year: 2025, confidence: 0.99, span: 'UHC Award 2025 kategori Utama' }],
};

beforeAll(async () => {
  dbPath = `${tmp.dir}/missed.db`;
  store = await seedStore(dbPath, [TAPIN]);
  srv = await startReviewServer(new ReviewService(store, { sampleRate: 0 }), { port: 0, reviewer: 'ana' });
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.dispose();
  await srv?.close();
  await store?.close();
  tmp.cleanup();
});

/** Selects `words` inside the whole article's text, as a reviewer's mouse would. */
async function select(p: Page, words: string): Promise<void> {
  await p.evaluate((w) => {
    const root = document.getElementById('article-text')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n.textContent ?? '').indexOf(w);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + w.length);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(r);
      return;
    }
    throw new Error(`"${w}" is not in one text node of the article`);
  }, words);
}

describe('the review page', () => {
  it('j/k/Enter on the queue open a row; the other figures show as-of and published', async () => {
    await page.goto(`${srv.url}/queue`);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await page.getAttribute('#queue tbody tr:nth-child(1)', 'class')).toContain('current');
    await Promise.all([page.waitForURL(/\/review\?pos=0/), page.keyboard.press('Enter')]);
    const others = await page.textContent('#others');
    // The other figure (the other metric of the article) with its publication date, and the date used with its source.
    expect(others).toContain('2025-04-02');
    expect(others).toMatch(/2025-04-02\s*published/);
  });

  it('adds a missed fact from a selection with n (prefilled from the words), recorded as a review, kept by refresh, exported', async () => {
    await page.click('#whole-article > summary');
    await select(page, '97,45 persen per Maret 2025');
    await page.keyboard.press('n');
    expect(await page.getAttribute('#add-panel', 'open')).not.toBeNull();
    expect(await page.inputValue('#add-value')).toBe('97.45');
    expect(await page.inputValue('#add-metric')).toBe('coverage_pct');
    expect(await page.inputValue('#add-asOf')).toBe('2025-03');
    expect(await page.inputValue('#add-region')).toBe('Kabupaten Tapin (63.05)');
    await page.click('#add-form button[type=submit]');
    await page.waitForLoadState();
    expect(page.url(), (await page.textContent('main')) ?? '').toMatch(/\/fact\/\d+\?n=added/);
    expect(await page.textContent('#notice')).toContain('Added: Kabupaten Tapin coverage_pct 97.45');
    const id = Number(/\/fact\/(\d+)/.exec(page.url())![1]);
    const row = store.db.prepare('SELECT status, value, as_of, evidence_text, evidence_start, reasons FROM facts WHERE id = ?').get(id) as Record<string, unknown>;
    expect(row).toMatchObject({ status: 'corrected', value: 97.45, as_of: '2025-03', evidence_text: '97,45 persen per Maret 2025', reasons: '["review:added"]' });
    expect(TAPIN.text.slice(0, TAPIN.text.indexOf('97,45'))).toHaveLength(row.evidence_start as number);
    expect(store.db.prepare("SELECT action, who FROM reviews WHERE subject = 'fact' AND subject_id = ?").all(id)).toEqual([{ action: 'add', who: 'ana' }]);

    // A refresh (the extractor still misses it) keeps the reviewer's fact.
    const r = await refresh(store, { all: true, progress: false, extractor: () => seedExtraction(TAPIN) });
    expect(r.outcome).toBe('ok');
    expect((store.db.prepare('SELECT status FROM facts WHERE id = ?').get(id) as { status: string }).status).toBe('corrected');

    // `cakupan export` (another process, the same file) carries it, dated by its own as-of.
    const { stdout } = await run(process.execPath, ['src/bin.js', 'export', '--format', 'ndjson', '--db', dbPath]);
    const exported = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(exported.find((x) => x.fact_id === id)).toMatchObject({ region_code: '63.05', metric: 'coverage_pct', value: 97.45, status: 'corrected', effective_date: '2025-03', date_source: 'as_of' });
  }, 60_000);

  it('a selection that is no figure is refused in words, and nothing is stored', async () => {
    const before = store.db.prepare('SELECT count(*) FROM facts').pluck().get();
    await page.goto(`${srv.url}/review?pos=0`);
    await page.click('#whole-article > summary');
    await select(page, 'naik dari tahun lalu');
    await page.keyboard.press('n');
    expect(await page.inputValue('#add-value')).toBe('');
    const [resp] = await Promise.all([page.waitForNavigation(), page.click('#add-form button[type=submit]')]);
    expect(resp?.status()).toBe(422);
    expect(await page.textContent('main')).toMatch(/Fact not added.*value/s);
    expect(store.db.prepare('SELECT count(*) FROM facts').pluck().get()).toBe(before);
  });

  it('the dashboard has a UHC tier column', async () => {
    await page.goto(`${srv.url}/dashboard`);
    expect(await page.textContent('#kabkota thead')).toContain('UHC tier');
    expect(await page.textContent('#kabkota tbody')).toMatch(/Kabupaten Tapin[\s\S]*Utama 2025/);
  });

  it('fits a phone: no sideways scrolling of the page on the fact view, the queue and the dashboard', async () => {
    const phone = await launchChromium({ width: 390, height: 844 });
    try {
      const p = await phone.newPage();
      for (const path of ['/queue', '/review?pos=0', '/dashboard']) {
        await p.goto(`${srv.url}${path}`);
        const { scroll, width } = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
        expect(scroll, path).toBeLessThanOrEqual(width);
        if (path.startsWith('/review')) expect(await p.isVisible('#accept-form button')).toBe(true);
      }
    } finally {
      await phone.dispose();
    }
  }, 60_000);
});
