/**
 * End to end in real Chromium (Debian's, via playwright-core): a reviewer works the queue with the
 * keyboard, the audit log records each action at once, a refresh keeps the correction and
 * `cakupan export` carries it; two reviewers collide; hostile articles render as text; the
 * dashboard sorts and charts.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReviewServer, type ReviewServer } from '../../src/review/server.ts';
import { ReviewService } from '../../src/review/service.ts';
import { refresh, type SqliteStore } from '../../src/store/index.ts';
import { launchChromium } from './browser.ts';
import { ALL_ARTICLES, seedExtraction, seedStore, tempDir } from './seed.ts';

const run = promisify(execFile);
const tmp = tempDir();
let store: SqliteStore;
let srv: ReviewServer;
let browser: BrowserContext & { dispose(): Promise<void> };
let page: Page;
let dbPath: string;

beforeAll(async () => {
  dbPath = `${tmp.dir}/e2e.db`;
  store = await seedStore(dbPath, ALL_ARTICLES);
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

const fact = (id: number) =>
  store.db.prepare('SELECT status, value, as_of, version FROM facts WHERE id = ?').get(id) as { status: string; value: number; as_of: string | null; version: number };
const factId = (metric: string, code: string) => store.db.prepare('SELECT id FROM facts WHERE metric = ? AND region_code = ?').pluck().get(metric, code) as number;
const audit = () =>
  store.db.prepare("SELECT subject_id, action, who, note FROM reviews WHERE who != 'cakupan refresh' ORDER BY id").all() as {
    subject_id: number;
    action: string;
    who: string;
    note: string | null;
  }[];

/** Presses a key and waits for the navigation it causes. */
async function press(p: Page, key: string, url: RegExp): Promise<void> {
  await Promise.all([p.waitForURL(url), p.keyboard.press(key)]);
}

describe('a reviewer with the keyboard', () => {
  it('accepts with one key, edits (bad then good input), undoes, rejects; the audit log has each action at once', async () => {
    const banjarbaru = factId('coverage_pct', '63.72');
    const active = factId('active_pct', '63.03');
    const coverage = factId('coverage_pct', '63.03');

    await page.goto(`${srv.url}/queue`);
    const rows = page.locator('#queue tbody tr');
    expect(await rows.count()).toBe(6);
    expect(await rows.first().textContent()).toContain('Kota Banjarbaru');
    await Promise.all([page.waitForURL(/\/review\?pos=0/), page.click('#start-link')]);
    expect(await page.textContent('h1')).toContain('Kota Banjarbaru');

    // One key clears the fact and moves to the next most doubtful one.
    await press(page, 'a', /n=accepted/);
    expect(await page.textContent('#notice')).toContain('Accepted: Kota Banjarbaru');
    expect(fact(banjarbaru).status).toBe('accepted');
    expect(audit().at(-1)).toMatchObject({ subject_id: banjarbaru, action: 'accept', who: 'ana' });
    expect(await page.textContent('h1')).toContain('Kabupaten Banjar · active %');
    expect(await page.textContent('#raw')).toBe('80,05 persen');
    expect(await page.textContent('#evidence mark')).toBe('80,05 persen');
    expect(await page.textContent('#evidence')).toContain('Cakupan kepesertaan JKN di Kabupaten Banjar mencapai 98,77 persen');

    // Edit: a bad value is refused in place, the typed text is kept, nothing is written.
    await page.keyboard.press('e');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('edit-value');
    await page.keyboard.type('delapan puluh');
    await Promise.all([page.waitForLoadState('load'), page.waitForSelector('#error-value'), page.keyboard.press('Enter')]);
    expect(await page.textContent('#error-value')).toContain('"delapan puluh" is not a number');
    expect(await page.inputValue('#edit-value')).toBe('delapan puluh');
    expect(await page.getAttribute('[data-field=value]', 'class')).toContain('invalid');
    expect(fact(active)).toMatchObject({ status: 'auto', value: 80.05, version: 1 });
    // A good value is saved.
    await page.fill('#edit-value', '80,5');
    await page.fill('#edit-asOf', '2025-12-31');
    await Promise.all([page.waitForURL(/n=corrected/), page.press('#edit-value', 'Enter')]);
    expect(fact(active)).toMatchObject({ status: 'corrected', value: 80.5, as_of: '2025-12-31' });
    expect(audit().at(-1)).toMatchObject({ subject_id: active, action: 'correct', who: 'ana' });

    // Undo puts it back, and back in front of the reviewer.
    await press(page, 'u', /n=undone/);
    expect(await page.textContent('#notice')).toContain('Undone: Kabupaten Banjar active_pct 80.05 is auto again');
    expect(fact(active)).toMatchObject({ status: 'auto', value: 80.05 });
    expect(await page.textContent('#value')).toBe('80.05');

    // Correct it again for good, then reject the next one with a reason.
    await page.keyboard.press('e');
    await page.fill('#edit-value', '80,5');
    await Promise.all([page.waitForURL(/n=corrected/), page.press('#edit-value', 'Enter')]);
    expect(await page.textContent('h1')).toContain('Kabupaten Banjar · coverage %');
    await page.keyboard.press('r');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reject-reason');
    expect(await page.locator('#reject-reasons option').count()).toBeGreaterThan(3);
    await page.keyboard.type('wrong value: the 98,77 is 2024');
    await Promise.all([page.waitForURL(/n=rejected/), page.keyboard.press('Enter')]);
    expect(fact(coverage).status).toBe('rejected');

    // Skip moves on without writing.
    const before = audit().length;
    const here = await page.textContent('h1');
    await press(page, 's', /pos=1/);
    expect(await page.textContent('h1')).not.toBe(here);
    expect(audit()).toHaveLength(before);

    // The audit page shows it all, newest first.
    await page.goto(`${srv.url}/audit`);
    const actions = await page.locator('#audit tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')));
    expect(actions).toEqual(['reject', 'correct', 'undo', 'correct', 'accept']);
    expect(await page.textContent('#audit tbody tr:first-child')).toContain('wrong value: the 98,77 is 2024');
    expect(audit().map((r) => [r.action, r.who])).toEqual([
      ['accept', 'ana'],
      ['correct', 'ana'],
      ['undo', 'ana'],
      ['correct', 'ana'],
      ['reject', 'ana'],
    ]);

    // A re-extraction keeps the reviewer's word…
    const byUrl = new Map(ALL_ARTICLES.map((a) => [a.url, a]));
    const r = await refresh(store, { all: true, progress: false, extractor: (doc) => seedExtraction(byUrl.get(doc.url)!) });
    expect(r.outcome).toBe('ok');
    expect(fact(active)).toMatchObject({ status: 'corrected', value: 80.5 });
    expect(fact(coverage).status).toBe('rejected');
    await page.goto(`${srv.url}/fact/${active}`);
    expect(await page.textContent('#value')).toBe('80.5');
    // …and `cakupan export` (a separate process on the same file) carries it.
    const { stdout } = await run(process.execPath, ['src/bin.js', 'export', '--format', 'ndjson', '--status', 'accepted,corrected,rejected', '--db', dbPath]);
    const rows2 = stdout.trim().split('\n').map((l) => JSON.parse(l) as { fact_id: number; status: string; value: number; as_of: string | null });
    expect(rows2.find((x) => x.fact_id === active)).toMatchObject({ status: 'corrected', value: 80.5, as_of: '2025-12' }); // the 2025-12-31 was undone
    expect(rows2.find((x) => x.fact_id === banjarbaru)).toMatchObject({ status: 'accepted', value: 97.1 });
    expect(rows2.find((x) => x.fact_id === coverage)).toMatchObject({ status: 'rejected' });
  });
});

describe('two reviewers on one fact', () => {
  it('the second gets a clear conflict, not a silent overwrite', async () => {
    const id = factId('coverage_pct', '62.01');
    const other = await launchChromium();
    try {
      const budi = await other.newPage();
      await budi.goto(`${srv.url}/dashboard`);
      await budi.fill('#reviewer-name', 'budi');
      await Promise.all([budi.waitForURL(/\/queue/), budi.press('#reviewer-name', 'Enter')]);
      await budi.goto(`${srv.url}/fact/${id}`);
      await page.goto(`${srv.url}/fact/${id}`);
      await press(page, 'a', /n=accepted/);
      await budi.keyboard.press('r');
      await budi.fill('#reject-reason', 'not a measurement');
      const [res] = await Promise.all([budi.waitForResponse((r) => r.url().endsWith(`/fact/${id}/reject`)), budi.press('#reject-reason', 'Enter')]);
      expect(res.status()).toBe(409);
      await budi.waitForSelector('#notice');
      expect(await budi.textContent('#notice')).toMatch(/Not saved: this item was changed by ana \(accept at .*\) after you opened it/);
      expect(await budi.textContent('h1')).toContain('accepted');
      expect(fact(id).status).toBe('accepted');
      expect(audit().filter((r) => r.who === 'budi')).toHaveLength(0);
      // Having seen the current state, budi can decide again (the page carries the new version).
      await Promise.all([budi.waitForURL(/n=accepted/), budi.keyboard.press('a')]);
      expect(audit().at(-1)).toMatchObject({ subject_id: id, action: 'accept', who: 'budi' });
    } finally {
      await other.dispose();
    }
  });
});

describe('hostile articles', () => {
  it('render <script> and <img onerror> as text and run nothing', async () => {
    const id = factId('coverage_pct', '63.72');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${srv.url}/fact/${id}`);
    const flags = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return [w.__xss, w.__xssImg, w.__xssTitle];
    });
    expect(flags).toEqual([undefined, undefined, undefined]);
    expect(await page.locator('main img, main script, main b').count()).toBe(0);
    await page.click('details:has(#article-text) > summary');
    expect(await page.textContent('#article-text')).toContain('<script>window.__xss = 1;</script>');
    expect(await page.textContent('#evidence mark')).toBe('97,1 persen. <img src=x onerror="window.__xssImg = 1">');
    expect(await page.textContent('main')).toContain('UHC <img src=x onerror="window.__xssTitle=1"> Banjarbaru');
    expect(errors).toEqual([]);
  });
});

describe('the dashboard', () => {
  it('shows progress, sortable coverage tables and a region timeline', async () => {
    await page.goto(`${srv.url}/dashboard`);
    expect(await page.textContent('#progress')).toMatch(/\d+ \/ \d+\s*items reviewed/);
    expect(await page.textContent('#timeline h2')).toContain('Provinsi Kalimantan Selatan');
    expect(await page.locator('#timeline svg.chart circle').count()).toBe(6);
    const names = () => page.locator('#kabkota tbody tr td:first-child a').allTextContents();
    // Kabupaten Banjar's coverage was rejected: no latest coverage, so it sorts last both ways.
    await Promise.all([page.waitForURL(/sort=coverage_pct&dir=asc/), page.click('#kabkota th a:text("coverage %")')]);
    expect(await names()).toEqual(['Kabupaten Kotawaringin Barat', 'Kota Banjarbaru', 'Kota Palangkaraya', 'Kabupaten Banjar']);
    await Promise.all([page.waitForURL(/sort=coverage_pct&dir=desc/), page.click('#kabkota th a:text("coverage %")')]);
    expect(await names()).toEqual(['Kota Palangkaraya', 'Kota Banjarbaru', 'Kabupaten Kotawaringin Barat', 'Kabupaten Banjar']);
    await Promise.all([page.waitForURL(/region=63\.03/), page.click('#kabkota a:text("Kabupaten Banjar")')]);
    expect(await page.textContent('#timeline h2')).toContain('Kabupaten Banjar');
  });
});
