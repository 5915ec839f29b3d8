/**
 * The review stage over a real SQLite store (seeded through the store API): queue order, sample,
 * filters, each action with its audit row, optimistic versions, undo, input validation, the
 * evidence window, refresh keeping the reviewer's word, gold export and the scripted CLI.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.ts';
import { REVIEW_THRESHOLD } from '../../src/review/config.ts';
import { evidenceContext } from '../../src/review/context.ts';
import { html, safeHref } from '../../src/review/html.ts';
import { doubtfulPosition, samplePosition, slotAt } from '../../src/review/interleave.ts';
import { GoldArticle, goldArticles } from '../../src/review/export.ts';
import { CategoryEditForm, FactEditForm, fieldErrors, type ReviewFact } from '../../src/review/model.ts';
import { ReviewService, type ItemRef } from '../../src/review/service.ts';
import { openStore, refresh, type SqliteStore } from '../../src/store/index.ts';
import { ALL_ARTICLES, BANJAR, KALTENG, seedExtraction, seedStore, tempDir, type SeedArticle } from './seed.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

async function fresh(articles: SeedArticle[] = ALL_ARTICLES, opts: ConstructorParameters<typeof ReviewService>[1] = {}): Promise<{ store: SqliteStore; svc: ReviewService; path: string }> {
  const path = `${tmp.dir}/db${++n}.db`;
  const store = await seedStore(path, articles);
  return { store, svc: new ReviewService(store, opts), path };
}

/** The test's own SQL (setup and checks) on the SQLite file under the service. */
const rawDb = (svc: ReviewService) => (svc.store as SqliteStore).db;

function factBy(svc: ReviewService, metric: string, code: string): ReviewFact {
  const id = rawDb(svc).prepare('SELECT id FROM facts WHERE metric = ? AND region_code = ?').pluck().get(metric, code) as number;
  return svc.item({ kind: 'fact', id })!;
}

const reviews = (svc: ReviewService) =>
  rawDb(svc).prepare("SELECT subject, subject_id, action, who, before, after, note, undoes FROM reviews WHERE who != 'cakupan refresh' ORDER BY id").all() as {
    subject: string;
    subject_id: number;
    action: string;
    who: string;
    before: string;
    after: string;
    note: string | null;
    undoes: number | null;
  }[];

describe('the queue', () => {
  let ctx: Awaited<ReturnType<typeof fresh>>;
  beforeAll(async () => {
    ctx = await fresh(ALL_ARTICLES, { sampleRate: 0 });
  });
  afterAll(() => ctx.store.close());

  it('holds the facts and categories below the threshold, most doubtful first', () => {
    const q = ctx.svc.queue();
    const conf = q.map((e) => e.fact.confidence);
    expect(conf).toEqual([...conf].sort((a, b) => a - b));
    expect(conf.every((c) => c < REVIEW_THRESHOLD)).toBe(true);
    expect(q[0]!.fact.region.name).toBe('Kota Banjarbaru');
    expect(q.map((e) => `${e.fact.kind}:${e.fact.region.code}:${e.fact.metric ?? e.fact.category}`)).toEqual([
      'fact:63.72:coverage_pct',
      'fact:63.03:active_pct',
      'fact:63.03:coverage_pct',
      'fact:62.71:coverage_pct',
      'category:63.03:Madya',
      'fact:62.01:coverage_pct',
    ]);
  });

  it('filters by province, metric and site', () => {
    expect(ctx.svc.queue({ province: '62' }).map((e) => e.fact.region.code)).toEqual(['62.71', '62.01']);
    expect(ctx.svc.queue({ metric: 'active_pct' }).map((e) => e.fact.id)).toEqual([factBy(ctx.svc, 'active_pct', '63.03').id]);
    expect(ctx.svc.queue({ site: 'wartakalteng.example.id' })).toHaveLength(2);
    expect(ctx.svc.queue({ site: 'nowhere.example' })).toHaveLength(0);
    const opts = ctx.svc.filterOptions();
    expect(opts.provinces.map((p) => p.code)).toEqual(['63', '62']); // by name: Kalimantan Selatan, Kalimantan Tengah
    expect(opts.sites).toContain('evil.example.net');
  });

  it('leaves reviewed facts out', () => {
    const f = ctx.svc.queue()[0]!.fact;
    expect(ctx.svc.accept(f, f.version, 'ana').ok).toBe(true);
    expect(ctx.svc.queue().map((e) => e.fact.id)).not.toContain(f.id);
  });
});

describe('the precision sample', () => {
  it('adds the configured share of confident facts, spread through the queue, the same on every load', async () => {
    const { store, svc } = await fresh(ALL_ARTICLES, { sampleRate: 1 });
    const q = svc.queue();
    const confident = store.db.prepare("SELECT COUNT(*) FROM facts WHERE confidence >= ? AND status = 'auto'").pluck().get(REVIEW_THRESHOLD) as number;
    expect(q.filter((e) => e.sampled)).toHaveLength(confident);
    expect(q.filter((e) => e.sampled).every((e) => e.fact.confidence >= REVIEW_THRESHOLD)).toBe(true);
    // Spread, not appended: a sampled item comes before the last doubtful one.
    expect(q.findIndex((e) => e.sampled)).toBeLessThan(q.map((e) => e.sampled).lastIndexOf(false));
    expect(new ReviewService(store, { sampleRate: 1 }).queue().map((e) => e.fact.id)).toEqual(q.map((e) => e.fact.id));
    await store.close();
  });

  it('pages the interleaved queue in SQL exactly as the whole queue reads, and finds any item in it', async () => {
    const { store, svc } = await fresh(ALL_ARTICLES, { sampleRate: 1 });
    const all = svc.queue();
    const ids = (es: { fact: ReviewFact }[]) => es.map((e) => `${e.fact.kind}:${e.fact.id}`);
    for (const [offset, limit] of [[0, 3], [2, 5], [7, 50], [all.length - 1, 4]] as const) expect(ids(svc.queueSlice({}, offset, limit))).toEqual(ids(all.slice(offset, offset + limit)));
    all.forEach((e, i) => expect(svc.queuePosition({}, e.fact)).toBe(i));
    expect(svc.queueAt({}, all.length)).toBeNull();
    const f = all[3]!.fact;
    svc.accept(f, f.version, 'ana');
    expect(svc.queuePosition({}, f)).toBe(-1);
    expect(svc.queuePosition({ province: '62' }, all.find((e) => e.fact.region.code === '63.03')!.fact)).toBe(-1);
    await store.close();
  });

  it('spreads S samples through D doubtful items: every position used once, and positions invert', () => {
    for (let d = 0; d <= 30; d++)
      for (let s = 0; s <= 12; s++) {
        const seen = new Set<string>();
        for (let p = 0; p < d + s; p++) {
          const slot = slotAt(p, d, s)!;
          seen.add(`${slot.kind}${slot.index}`);
          expect(slot.kind === 'sample' ? samplePosition(slot.index, d, s) : doubtfulPosition(slot.index, d, s)).toBe(p);
        }
        expect(seen.size).toBe(d + s);
        expect(slotAt(d + s, d, s)).toBeNull();
        if (d > 0 && s > 0) expect(slotAt(0, d, s)!.kind).toBe('doubtful');
      }
  });

  it('samples about 5 % of ids at the default rate, deterministically', async () => {
    const { store, svc } = await fresh([BANJAR]);
    let hits = 0;
    for (let id = 1; id <= 20_000; id++) if (svc.isSampled({ id, confidence: 0.99 } as ReviewFact)) hits++;
    expect(hits / 20_000).toBeGreaterThan(0.045);
    expect(hits / 20_000).toBeLessThan(0.055);
    expect(svc.isSampled({ id: 1, confidence: 0.1 } as ReviewFact)).toBe(false);
    await store.close();
  });
});

describe('actions', () => {
  let ctx: Awaited<ReturnType<typeof fresh>>;
  beforeAll(async () => {
    ctx = await fresh();
  });
  afterAll(() => ctx.store.close());

  it('accept writes the status, bumps the version and appends who/when/before/after at once', () => {
    const f = factBy(ctx.svc, 'coverage_pct', '63.03');
    const r = ctx.svc.accept(f, f.version, 'ana');
    expect(r.ok).toBe(true);
    const now = factBy(ctx.svc, 'coverage_pct', '63.03');
    expect(now.status).toBe('accepted');
    expect(now.version).toBe(f.version + 1);
    const last = reviews(ctx.svc).at(-1)!;
    expect(last).toMatchObject({ subject: 'fact', subject_id: f.id, action: 'accept', who: 'ana' });
    expect(JSON.parse(last.before)).toMatchObject({ status: 'auto', value: 98.77, version: f.version });
    expect(JSON.parse(last.after)).toMatchObject({ status: 'accepted', value: 98.77, version: f.version + 1 });
  });

  it('a second reviewer working from the old version gets a conflict, not an overwrite', () => {
    const f = factBy(ctx.svc, 'active_pct', '63.03');
    expect(ctx.svc.accept(f, f.version, 'ana').ok).toBe(true);
    const r = ctx.svc.reject(f, f.version, 'budi', 'wrong metric');
    expect(r.ok).toBe(false);
    if (r.ok || r.kind !== 'conflict') throw new Error('expected a conflict');
    expect(r.current.status).toBe('accepted');
    expect(r.by?.reviewer).toBe('ana');
    expect(factBy(ctx.svc, 'active_pct', '63.03').status).toBe('accepted');
    expect(reviews(ctx.svc).filter((x) => x.who === 'budi')).toHaveLength(0);
  });

  it('reject keeps the reason as the note', () => {
    const f = factBy(ctx.svc, 'coverage_pct', '62.01');
    expect(ctx.svc.reject(f, f.version, 'budi', 'target, not a measurement').ok).toBe(true);
    const now = factBy(ctx.svc, 'coverage_pct', '62.01');
    expect(now.status).toBe('rejected');
    expect(now.note).toBe('target, not a measurement');
  });

  it('correct changes value, region, metric and as-of; an edit that changes nothing is an accept', () => {
    const f = factBy(ctx.svc, 'coverage_pct', '62.71');
    const edit = FactEditForm.parse({ value: '99,05', region: 'Kota Palangkaraya', metric: 'coverage_pct', asOf: '2025-12' });
    expect(ctx.svc.correct(f, f.version, 'ana', edit).ok).toBe(true);
    const now = ctx.svc.item(f)!;
    expect(now).toMatchObject({ status: 'corrected', value: 99.05, asOf: '2025-12', region: { code: '62.71' } });
    const g = factBy(ctx.svc, 'coverage_pct', '62');
    const same = FactEditForm.parse({ value: String(g.value), region: g.region.code, metric: g.metric!, asOf: g.asOf ?? '' });
    expect(ctx.svc.correct(g, g.version, 'ana', same).ok).toBe(true);
    expect(ctx.svc.item(g)!.status).toBe('accepted');
  });

  it('corrects a category and its year', () => {
    const c = ctx.svc.item({ kind: 'category', id: 1 })!;
    const edit = CategoryEditForm.parse({ region: '63.03', category: 'Utama', asOf: '2025' });
    expect(ctx.svc.correct(c, c.version, 'ana', edit).ok).toBe(true);
    expect(ctx.svc.item(c)).toMatchObject({ status: 'corrected', category: 'Utama', asOf: '2025' });
  });

  it('undo restores the state before my last action, walks back on repeat, and never edits the log', () => {
    const f = factBy(ctx.svc, 'coverage_pct', '63.72');
    const before = reviews(ctx.svc).length;
    expect(ctx.svc.accept(f, f.version, 'citra').ok).toBe(true);
    const g = factBy(ctx.svc, 'population', '63.03');
    expect(ctx.svc.correct(g, g.version, 'citra', FactEditForm.parse({ value: '590394', region: '63.03', metric: 'population', asOf: '' })).ok).toBe(true);
    const u1 = ctx.svc.undo('citra');
    expect(u1.ok && u1.fact.id).toBe(g.id);
    expect(ctx.svc.item(g)).toMatchObject({ status: 'auto', value: 590393 });
    const u2 = ctx.svc.undo('citra');
    expect(u2.ok && u2.fact.id).toBe(f.id);
    expect(ctx.svc.item(f)!.status).toBe('auto');
    expect(ctx.svc.undo('citra')).toEqual({ ok: false, kind: 'nothing_to_undo' });
    const log = reviews(ctx.svc).slice(before);
    expect(log.map((r) => r.action)).toEqual(['accept', 'correct', 'undo', 'undo']);
    expect(log[2]!.undoes).not.toBeNull();
    expect(() => rawDb(ctx.svc).prepare('UPDATE reviews SET who = ? WHERE id = 1').run('x')).toThrow(/append-only/);
  });

  it('undo is a conflict when someone changed the item since', () => {
    const f = factBy(ctx.svc, 'enrolled_count', '63.03');
    expect(ctx.svc.accept(f, f.version, 'dewi').ok).toBe(true);
    const cur = ctx.svc.item(f)!;
    expect(ctx.svc.reject(cur, cur.version, 'eko', 'duplicate').ok).toBe(true);
    const u = ctx.svc.undo('dewi');
    expect(!u.ok && u.kind).toBe('conflict');
    expect(ctx.svc.item(f)!.status).toBe('rejected');
  });

  it('refuses to review a retired fact and an unknown one', () => {
    const f = factBy(ctx.svc, 'coverage_pct', '63');
    rawDb(ctx.svc).prepare("UPDATE facts SET status = 'retired', retired_from = 'auto' WHERE id = ?").run(f.id);
    const r = ctx.svc.accept(f, ctx.svc.item(f)!.version, 'ana');
    expect(!r.ok && r.kind).toBe('invalid');
    expect(ctx.svc.accept({ kind: 'fact', id: 99_999 }, 1, 'ana')).toEqual({ ok: false, kind: 'not_found' });
  });
});

describe('edit validation (zod, field by field)', () => {
  const base = { value: '98,77', region: 'Kabupaten Banjar (63.03)', metric: 'coverage_pct', asOf: '2025-12' };
  const errors = (v: Record<string, string>) => {
    const r = FactEditForm.safeParse({ ...base, ...v });
    return r.success ? {} : fieldErrors(r.error);
  };

  it('reads 98,77 and 98.77, a code in parentheses, an alias, and an empty date', () => {
    expect(FactEditForm.parse(base)).toMatchObject({ value: 98.77, region: { code: '63.03' }, asOf: '2025-12' });
    expect(FactEditForm.parse({ ...base, value: '98.77', region: 'Kalsel', metric: 'coverage_pct', asOf: '' })).toMatchObject({ value: 98.77, region: { code: '63' }, asOf: null });
  });

  it('names the field and the input in each error', () => {
    expect(errors({ value: 'abc' }).value).toMatch(/"abc" is not a number/);
    expect(errors({ value: '1.607.143', metric: 'enrolled_count' }).value).toMatch(/not a number/);
    expect(errors({ value: '469.000', metric: 'enrolled_count' }).value).toMatch(/"469\.000" is ambiguous \(469000 or 469\?\)/);
    expect(errors({ value: '1607,5', metric: 'enrolled_count' }).value).toMatch(/whole number/);
    expect(errors({ value: '987' }).value).toMatch(/above 150/);
    expect(errors({ region: 'Banjar' }).region).toMatch(/ambiguous: .*Kabupaten Banjar \(63\.03\).*Kota Banjar/);
    expect(errors({ region: 'Atlantis' }).region).toMatch(/unknown region "Atlantis"/);
    expect(errors({ metric: 'coverage' }).metric).toBeDefined();
    expect(errors({ asOf: '2025-13' }).asOf).toMatch(/not a real date/);
    expect(errors({ asOf: '12/2025' }).asOf).toMatch(/YYYY, YYYY-MM or YYYY-MM-DD/);
  });
});

describe('html escaping', () => {
  it('escapes every interpolated value once, nested fragments not again', () => {
    const evil = `<img src=x onerror="a('b')">&\``;
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;&#96;">&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;&#96;</p>',
    );
    expect(html`<ul>${['<a>', html`<li>${'<b>'}</li>`, null, false, 3]}</ul>`.value).toBe('<ul>&lt;a&gt;<li>&lt;b&gt;</li>3</ul>');
  });
  it('lets only http(s) and site paths into href', () => {
    expect(safeHref('javascript:alert(1)')).toBe('#');
    expect(safeHref('//evil.example/x')).toBe('#');
    expect(safeHref('data:text/html,x')).toBe('#');
    expect(safeHref('/fact/1')).toBe('/fact/1');
    expect(safeHref('https://kalsel.antaranews.com/a?b=1')).toBe('https://kalsel.antaranews.com/a?b=1');
  });
});

describe('the evidence window', () => {
  const text = 'Satu. Dua dua. Tiga 98,77 persen tiga. Empat. Lima.\nEnam.';
  const start = text.indexOf('98,77 persen');
  it('cuts the sentence with the evidence plus neighbours, on sentence boundaries', () => {
    const c = evidenceContext(text, { start, end: start + 12, text: '98,77 persen' }, 1);
    expect(c).toMatchObject({ before: 'Dua dua. Tiga ', evidence: '98,77 persen', after: ' tiga. Empat.', clippedStart: true, clippedEnd: true, located: 'offsets' });
  });
  it('finds the evidence by its text when offsets are stale, and says when it is gone', () => {
    expect(evidenceContext(text, { start: 0, end: 12, text: '98,77 persen' }, 0).located).toBe('search');
    expect(evidenceContext(text, { start: 0, end: 5, text: 'tidak ada' }, 0).located).toBe('missing');
  });
  it('does not split inside Indonesian numbers', () => {
    const t = 'Peserta 1.607.143 orang. Lain.';
    const s = t.indexOf('1.607.143');
    expect(evidenceContext(t, { start: s, end: s + 9, text: '1.607.143' }, 0).after).toBe(' orang.');
  });
});

describe('after review', () => {
  it('a refresh keeps the correction and the export carries it', async () => {
    const { store, svc, path } = await fresh([BANJAR, KALTENG]);
    const active = factBy(svc, 'active_pct', '63.03');
    const edit = FactEditForm.parse({ value: '80,5', region: '63.03', metric: 'active_pct', asOf: '2025-12-31' });
    expect(svc.correct(active, active.version, 'ana', edit).ok).toBe(true);
    const pct = factBy(svc, 'coverage_pct', '63.03');
    expect(svc.accept(pct, pct.version, 'ana').ok).toBe(true);

    // Re-extraction of the same evidence (the machine now reads 98.7 for the accepted one).
    const byUrl = new Map([BANJAR, KALTENG].map((a) => [a.url, a]));
    const run = await refresh(store, {
      all: true,
      progress: false,
      extractor: (doc) => seedExtraction(byUrl.get(doc.url)!, (f) => (f.metric === 'coverage_pct' && f.code === '63.03' ? { ...f, value: 98.7 } : f)),
    });
    expect(run.outcome).toBe('ok');
    expect(run.articles_extracted).toBe(2);
    expect(svc.item(active)).toMatchObject({ status: 'corrected', value: 80.5, asOf: '2025-12-31' });
    const accepted = svc.item(pct)!;
    expect(accepted).toMatchObject({ status: 'accepted', value: 98.77 });
    expect(accepted.flags).toContain('extraction_differs');

    // `cakupan export` (the store's command, in process) carries the reviewer's word.
    await store.close();
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    try {
      await main(['node', 'cakupan', 'export', '--format', 'ndjson', '--db', path]);
    } finally {
      spy.mockRestore();
    }
    const rows = out.join('').trim().split('\n').map((l) => JSON.parse(l) as { fact_id: number; status: string; value: number; as_of: string | null });
    expect(rows.find((r) => r.fact_id === active.id)).toMatchObject({ status: 'corrected', value: 80.5, as_of: '2025-12-31' });
    expect(rows.find((r) => r.fact_id === pct.id)).toMatchObject({ status: 'accepted', value: 98.77 });
  });

  it('the real `cakupan ingest` and `cakupan refresh --all` (real extractor, separate processes) keep a correction and an acceptance', async () => {
    const run = promisify(execFile);
    const path = `${tmp.dir}/real${++n}.db`;
    // The only thing taken from the extractor: it finds some figure in these two dev articles.
    await run(process.execPath, ['src/bin.js', 'ingest', 'corpus/dev/d001.json', 'corpus/dev/s005.json', '--db', path]);
    let store = openStore(path);
    let svc = new ReviewService(store);
    const ids = store.db.prepare("SELECT id FROM facts WHERE metric LIKE '%_pct' ORDER BY id").pluck().all() as number[];
    expect(ids.length, 'the extractor found no percentage in d001/s005').toBeGreaterThanOrEqual(2);
    const [a, b] = ids.map((id) => svc.item({ kind: 'fact', id })!);
    const wrong = Math.round((a!.value! + 0.4) * 100) / 100;
    expect(svc.correct(a!, a!.version, 'ana', FactEditForm.parse({ value: String(wrong), region: a!.region.code, metric: a!.metric!, asOf: a!.asOf ?? '' })).ok).toBe(true);
    expect(svc.accept(b!, b!.version, 'ana').ok).toBe(true);
    await store.close();
    const refreshed = await run(process.execPath, ['src/bin.js', 'refresh', '--all', '--no-progress', '--db', path]);
    expect(refreshed.stdout + refreshed.stderr).toMatch(/refresh run \d+ ok: .*2 articles extracted/);
    store = openStore(path);
    svc = new ReviewService(store);
    expect(svc.item(a!)).toMatchObject({ status: 'corrected', value: wrong });
    expect(svc.item(b!)).toMatchObject({ status: 'accepted', value: b!.value });
    await store.close();
  });

  it('exports fully reviewed articles as gold in the corpus format', async () => {
    const { store, svc } = await fresh([BANJAR, KALTENG]);
    const ids = rawDb(svc).prepare("SELECT id FROM facts WHERE region_code = '63.03' ORDER BY id").pluck().all() as number[];
    for (const id of ids) {
      const f = svc.item({ kind: 'fact', id })!;
      if (f.metric === 'active_pct') svc.correct(f, f.version, 'ana', FactEditForm.parse({ value: '80,5', region: '63.03', metric: 'active_pct', asOf: '2025-12' }));
      else if (f.metric === 'enrolled_count') svc.reject(f, f.version, 'ana', 'segment count');
      else svc.accept(f, f.version, 'ana');
    }
    expect(goldArticles(svc.reads)).toHaveLength(0); // the category is still open
    const cat: ItemRef = { kind: 'category', id: 1 };
    svc.accept(cat, svc.item(cat)!.version, 'ana');
    const gold = goldArticles(svc.reads);
    expect(gold).toHaveLength(1);
    const g = GoldArticle.parse(gold[0]);
    expect(g.url).toBe(BANJAR.url);
    expect(g.facts).toEqual([
      { region: 'Kabupaten Banjar', level: 'kabupaten', metric: 'coverage_pct', value: 98.77, as_of: '2025-12', span: '98,77 persen' },
      { region: 'Kabupaten Banjar', level: 'kabupaten', metric: 'active_pct', value: 80.5, as_of: '2025-12', span: '80,05 persen' },
      { region: 'Kabupaten Banjar', level: 'kabupaten', metric: 'population', value: 590393, as_of: null, span: '590.393 jiwa' },
    ]);
    expect(g.categories).toEqual([{ region: 'Kabupaten Banjar', level: 'kabupaten', category: 'Madya', year: 2026, span: 'UHC Award 2026 kategori Madya' }]);
    for (const f of g.facts) expect(g.text).toContain(f.span);
    // Same shape as the hand-made dev set.
    GoldArticle.parse(JSON.parse(readFileSync('corpus/dev/d001.json', 'utf8')));
    // Kalteng: one of three reviewed is not gold yet, unless partial gold is asked for.
    const kt = factBy(svc, 'coverage_pct', '62');
    svc.accept(kt, kt.version, 'ana');
    expect(goldArticles(svc.reads).map((a) => a.url)).toEqual([BANJAR.url]);
    expect(goldArticles(svc.reads, { partial: true }).map((a) => a.url)).toEqual([BANJAR.url, KALTENG.url]);
    await store.close();
  });
});

describe('cakupan review (scripted)', () => {
  const out: string[] = [];
  const err: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    out.length = 0;
    err.length = 0;
    process.exitCode = 0;
  });
  async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
    vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => (out.push(String(c)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => (err.push(String(c)), true));
    process.exitCode = 0;
    await main(['node', 'cakupan', ...args]);
    const code = Number(process.exitCode ?? 0);
    vi.restoreAllMocks();
    return { stdout: out.splice(0).join(''), stderr: err.splice(0).join(''), code };
  }

  it('lists, accepts, rejects, corrects and undoes, with conflicts as exit code 3', async () => {
    const { store, path } = await fresh(ALL_ARTICLES, { sampleRate: 0 });
    await store.close();
    const list = await cli('review', 'list', '--db', path, '--json', '--sample-rate', '0');
    expect(list.code).toBe(0);
    const items = list.stdout.trim().split('\n').map((l) => JSON.parse(l) as { item: string; version: number; confidence: number });
    expect(items.map((i) => i.confidence)).toEqual([0.15, 0.42, 0.55, 0.6, 0.6, 0.7]);
    const first = items[0]!.item;

    const acc = await cli('review', 'accept', first, '--db', path, '--reviewer', 'script');
    expect(acc.code).toBe(0);
    expect(acc.stdout).toMatch(/Kota Banjarbaru .*accepted, version 2/);
    const stale = await cli('review', 'reject', first, '--reason', 'late', '--expect-version', '1', '--db', path, '--reviewer', 'other');
    expect(stale.code).toBe(3);
    expect(stale.stderr).toMatch(/conflict: the item was changed by script/);

    const bad = await cli('review', 'correct', items[1]!.item, '--value', 'delapan', '--db', path);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/value: "delapan" is not a number/);
    const good = await cli('review', 'correct', items[1]!.item, '--value', '80,5', '--as-of', '2025-12', '--db', path, '--reviewer', 'script');
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/active_pct 80\.5 as of 2025-12: corrected/);

    const noReason = await cli('review', 'reject', items[2]!.item, '--reason', ' ', '--db', path);
    expect(noReason.code).toBe(2);
    const undo = await cli('review', 'undo', '--db', path, '--reviewer', 'script');
    expect(undo.stdout).toMatch(/active_pct 80\.05 as of 2025-12: auto/);
    const cat = await cli('review', 'correct', 'category:1', '--category', 'Utama', '--db', path, '--reviewer', 'script');
    expect(cat.stdout).toMatch(/category Utama/);
    const table = await cli('review', 'list', '--db', path, '--province', '63', '--sample-rate', '0');
    expect(table.stdout).toMatch(/fact:\d+ +0\.42 +Kabupaten Banjar \(63\.03\) +active_pct 80\.05/);
    expect(table.stdout).not.toMatch(/Banjarbaru/);
  });
});
