/**
 * Test databases for the review stage, written through the store's own API (`openStore` or any `CoverageStore`,
 * `startRun`, `saveDocument`) with hand-made facts: the tests do not depend on what the extractor
 * finds today. `seedExtraction` is also the stub extractor a test refresh runs with.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGazetteer, toRef } from '../../src/normalize/regions.ts';
import { openStore, type ArticleExtraction, type CoverageStore, type SqliteStore } from '../../src/store/index.ts';
import type { Category, CategoryFact, Fact, Metric } from '../../src/types.ts';

/** A hand-made fact: the span is found in the text (its `nth` occurrence). */
export interface SeedFact {
  code: string;
  metric: Metric;
  value: number;
  asOf?: string | null;
  confidence: number;
  span: string;
  nth?: number;
  raw?: string;
  reasons?: string[];
}

export interface SeedCategory {
  code: string;
  category: Category;
  year: number | null;
  confidence: number;
  span: string;
}

export interface SeedArticle {
  url: string;
  title: string | null;
  published: string | null;
  text: string;
  facts: SeedFact[];
  categories?: SeedCategory[];
}

function at(text: string, span: string, nth = 0): { start: number; end: number; text: string } {
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(span, start + 1);
    if (start < 0) throw new Error(`seed: span ${JSON.stringify(span)} (occurrence ${nth}) not in the text`);
  }
  return { start, end: start + span.length, text: span };
}

/** The extraction the store would get for a seed article (also used as a refresh's stub extractor). */
export function seedExtraction(a: SeedArticle, override: (f: SeedFact) => SeedFact = (f) => f): ArticleExtraction {
  const gaz = loadGazetteer();
  const region = (code: string) => {
    const r = gaz.byCode.get(code);
    if (!r) throw new Error(`seed: unknown region code ${code}`);
    return toRef(r);
  };
  const facts: Fact[] = a.facts.map(override).map((f) => ({
    region: region(f.code),
    metric: f.metric,
    value: f.value,
    asOf: f.asOf ?? null,
    confidence: f.confidence,
    reasons: f.reasons ?? ['cue:cakupan', 'region:sentence'],
    evidence: at(a.text, f.span, f.nth),
    raw: f.raw ?? f.span,
  }));
  const categories: CategoryFact[] = (a.categories ?? []).map((c) => ({
    region: region(c.code),
    category: c.category,
    year: c.year,
    confidence: c.confidence,
    reasons: ['cue:kategori'],
    evidence: at(a.text, c.span),
  }));
  return { text: a.text, title: a.title, published: a.published, method: 'text', canonicalUrl: null, siteName: null, facts, categories };
}

/** Writes the articles into a fresh SQLite store at `path` through `saveDocument`, one run. */
export async function seedStore(path: string, articles: SeedArticle[]): Promise<SqliteStore> {
  return seedInto(openStore(path), articles);
}

/** Writes the articles into an open store of either backend through `saveDocument`, one run. */
export async function seedInto<S extends CoverageStore>(store: S, articles: SeedArticle[]): Promise<S> {
  const runId = await store.startRun('ingest', { seed: true });
  for (const a of articles) {
    await store.saveDocument(
      {
        url: a.url,
        bytes: Buffer.from(a.text, 'utf8'),
        kind: 'text',
        contentType: 'text/plain; charset=utf-8',
        status: 200,
        headers: {},
        fetchedAt: new Date().toISOString(),
        titleHint: a.title,
        publishedHint: a.published,
      },
      seedExtraction(a),
      runId,
    );
  }
  await store.finishRun(runId, 'ok');
  await store.recomputeConflicts();
  return store;
}

/** A temp folder removed by the returned function. */
export function tempDir(prefix = 'cakupan-review-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

// ---- The articles -------------------------------------------------------------------------------

/** Kabupaten Banjar: doubtful figures (the queue's head) and a category. */
export const BANJAR: SeedArticle = {
  url: 'https://kalsel.example.id/2026/01/uhc-banjar',
  title: 'Kepesertaan JKN Kabupaten Banjar capai 98,77 persen',
  published: '2026-01-12',
  text:
    'Martapura – Pemerintah Kabupaten Banjar menerima UHC Award 2026 kategori Madya di Jakarta.\n' +
    'Cakupan kepesertaan JKN di Kabupaten Banjar mencapai 98,77 persen per Desember 2025. Dari jumlah tersebut, tingkat keaktifan peserta berada pada angka 80,05 persen. ' +
    'Target nasional 98 persen belum tercapai.\n' +
    'Jumlah penduduk Kabupaten Banjar tercatat 590.393 jiwa, dengan peserta terdaftar 583.100 jiwa.',
  facts: [
    { code: '63.03', metric: 'coverage_pct', value: 98.77, asOf: '2025-12', confidence: 0.55, span: '98,77 persen', nth: 0 },
    { code: '63.03', metric: 'active_pct', value: 80.05, asOf: '2025-12', confidence: 0.42, span: '80,05 persen' },
    { code: '63.03', metric: 'population', value: 590393, confidence: 0.93, span: '590.393 jiwa', raw: '590.393' },
    { code: '63.03', metric: 'enrolled_count', value: 583100, confidence: 0.91, span: '583.100 jiwa', raw: '583.100' },
  ],
  categories: [{ code: '63.03', category: 'Madya', year: 2026, confidence: 0.6, span: 'UHC Award 2026 kategori Madya' }],
};

/** An article whose text and title try to inject markup. */
export const HOSTILE: SeedArticle = {
  url: 'https://evil.example.net/berita/uhc',
  title: 'UHC <img src=x onerror="window.__xssTitle=1"> Banjarbaru',
  published: '2026-02-01',
  text:
    'Banjarbaru – <script>window.__xss = 1;</script> Cakupan JKN Kota Banjarbaru 97,1 persen. ' +
    '<img src=x onerror="window.__xssImg = 1"> dan <b onmouseover="window.__xss=3">tebal</b>.',
  facts: [{ code: '63.72', metric: 'coverage_pct', value: 97.1, confidence: 0.15, span: '97,1 persen. <img src=x onerror="window.__xssImg = 1">' }],
};

/** Provinsi Kalimantan Selatan over three years (confident): the dashboard's timeline. */
export const KALSEL_TIMELINE: SeedArticle[] = [
  ['2023', 95.12, 78.4],
  ['2024', 97.3, 79.9],
  ['2025-06', 98.21, 81.2],
].map(([asOf, pct, active], i) => ({
  url: `https://banjarmasin.example.id/kalsel-${i}`,
  title: `Cakupan JKN Kalsel ${asOf}`,
  published: `${String(asOf).slice(0, 4)}-12-20`,
  text: `Banjarmasin – Cakupan kepesertaan JKN Provinsi Kalimantan Selatan tahun ${asOf} mencapai ${String(pct).replace('.', ',')} persen, keaktifan ${String(active).replace('.', ',')} persen.`,
  facts: [
    { code: '63', metric: 'coverage_pct', value: pct as number, asOf: asOf as string, confidence: 0.9, span: `${String(pct).replace('.', ',')} persen` },
    { code: '63', metric: 'active_pct', value: active as number, asOf: asOf as string, confidence: 0.95, span: `${String(active).replace('.', ',')} persen` },
  ],
}));

/** Kabupaten/kota of another province (filters), one doubtful. */
export const KALTENG: SeedArticle = {
  url: 'https://wartakalteng.example.id/uhc-2026',
  title: 'UHC Award 2026: Kalteng',
  published: '2026-01-28',
  text:
    'Palangka Raya – Berdasarkan data hingga 31 Desember 2025, cakupan kepesertaan JKN di Kalimantan Tengah tercatat mencapai 100,18 persen. ' +
    'Kota Palangka Raya 99,5 persen dan Kabupaten Kotawaringin Barat 96,2 persen.',
  facts: [
    { code: '62', metric: 'coverage_pct', value: 100.18, asOf: '2025-12-31', confidence: 0.94, span: '100,18 persen' },
    { code: '62.71', metric: 'coverage_pct', value: 99.5, asOf: '2025-12-31', confidence: 0.6, span: '99,5 persen' },
    { code: '62.01', metric: 'coverage_pct', value: 96.2, asOf: '2025-12-31', confidence: 0.7, span: '96,2 persen' },
  ],
};

/** Everything, in one list. */
export const ALL_ARTICLES: SeedArticle[] = [BANJAR, HOSTILE, ...KALSEL_TIMELINE, KALTENG];
