/**
 * The store operations issue 11 added — dates in the views, `categoryRows`, `addFact` (a reviewer's missed fact) —
 * give the same results on SQLite and on PostgreSQL for the same writes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/store/index.ts';
import { backend, BACKENDS } from '../store/backends.ts';
import { tempDir } from '../store/helpers.ts';

function inputs(): string[] {
  const dir = tempDir();
  const f = (name: string, url: string | null, text: string) => {
    const p = join(dir, `${name}.json`);
    writeFileSync(p, JSON.stringify({ id: name, url, title: null, published: null, text, facts: [], categories: [] }));
    return p;
  };
  return [
    f('url', 'https://berita.example/kesehatan/2025/09/04/tapin-uhc', 'Cakupan kepesertaan JKN di Kabupaten Tapin mencapai 98,50 persen dari jumlah penduduk. Jumlah penduduk Kabupaten Tapin 201.000 jiwa.'),
    f('asof', null, 'Hingga Desember 2023, cakupan kepesertaan JKN Kabupaten Banjar mencapai 97,10 persen. Kabupaten Banjar meraih UHC Award 2023 kategori Madya.'),
  ];
}

async function scenario(kind: (typeof BACKENDS)[number]) {
  const b = await backend(kind);
  const store = await b.open();
  try {
    const rec = await ingest(store, inputs());
    expect(rec.errors).toBe(0);
    const tapin = (await b.all<{ id: number; text: string }>("SELECT a.id, a.text FROM articles a JOIN pages p ON p.id = a.page_id WHERE p.url LIKE '%tapin%'"))[0]!;
    const start = tapin.text.indexOf('201.000 jiwa');
    const added = await store.addFact({ articleId: tapin.id, who: 'ana', regionCode: '63.05', metric: 'population', value: 201000, asOf: null, evidenceStart: start, evidenceEnd: start + 12 });
    const facts: Record<string, unknown>[] = [];
    for await (const r of store.exportRows({ statuses: ['auto', 'accepted', 'corrected'] }))
      facts.push({ region: r.region_code, province: r.province_name, metric: r.metric, value: r.value, date: r.effective_date, source: r.date_source, status: r.status });
    const cats = (await store.categoryRows()).map((c) => ({ region: c.region_code, province: c.province_code, tier: c.tier, year: c.year }));
    const audit = await b.all<{ action: string; who: string }>('SELECT action, who FROM reviews WHERE subject_id = ? AND action = ?', [added.factId, 'add']);
    return { facts: facts.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))), cats, audit };
  } finally {
    await store.close();
  }
}

describe('issue 11 store operations on both backends', () => {
  it('the same dates, categories and added fact on SQLite and PostgreSQL', async () => {
    const [lite, pg] = [await scenario('sqlite'), await scenario('postgres')];
    expect(lite.facts).toContainEqual({ region: '63.05', province: 'Provinsi Kalimantan Selatan', metric: 'population', value: 201000, date: '2025-09-04', source: 'url', status: 'corrected' });
    expect(lite.facts).toContainEqual(expect.objectContaining({ region: '63.03', metric: 'coverage_pct', date: '2023-12', source: 'as_of' }));
    expect(lite.cats).toEqual([{ region: '63.03', province: '63', tier: 'Madya', year: 2023 }]);
    expect(lite.audit).toEqual([{ action: 'add', who: 'ana' }]);
    expect(pg).toEqual(lite);
  }, 60_000);
});
