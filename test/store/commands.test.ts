import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION } from '../../src/extract/index.ts';
import { EXPORT_COLUMNS, writeExport } from '../../src/store/format.ts';
import { ingest } from '../../src/store/ingest.ts';
import { openStore, type SqliteStore } from '../../src/store/sqlite.ts';
import { ExportRow } from '../../src/store/types.ts';
import { fakeExtractor, textDoc } from './fixtures/fake-extractor.ts';
import { cli, tempDir } from './helpers.ts';

const ROOT = new URL('../../', import.meta.url).pathname;


async function seeded(path: string): Promise<SqliteStore> {
  const store = openStore(path);
  const run = await store.startRun('ingest', {});
  const ex = fakeExtractor();
  const docs = [
    textDoc('https://a.example/1', 'Kata "kutipan", koma.\nFAKTA 63 coverage_pct 98.5 2025-06\nFAKTA 63.03 enrolled_count 578585 2025-06'),
    textDoc('https://a.example/2', 'FAKTA 63 coverage_pct 97.1 2024\nFAKTA 62 active_pct 85.24 2025-12-31'),
    textDoc('https://a.example/3', 'FAKTA 33.10 coverage_pct 99 2025'),
  ];
  for (const d of docs) await store.saveDocument(d, ex(d), run);
  await store.finishRun(run, 'ok');
  const rejected = store.db.prepare("SELECT id, version FROM facts WHERE region_code = '33.10'").get() as { id: number; version: number };
  await store.reviewFact({ factId: rejected.id, version: rejected.version, who: 'rina', action: 'reject' });
  return store;
}

function drain(stream: PassThrough): Promise<string> {
  // A slow reader with a tiny buffer: the writer must wait for 'drain' instead of piling rows up.
  return new Promise((resolve) => {
    let out = '';
    stream.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      stream.pause();
      setTimeout(() => stream.resume(), 1);
    });
    stream.on('end', () => resolve(out));
  });
}

describe('export', () => {
  it('streams CSV, JSON and NDJSON with provenance; rejected facts only when asked; --latest one row per region and metric', async () => {
    const store = await seeded(join(tempDir(), 'c.db'));
    const run = async (format: 'csv' | 'json' | 'ndjson', q = {}) => {
      const out = new PassThrough({ highWaterMark: 16 });
      const text = drain(out);
      const n = await writeExport(store.exportRows(q), format, out);
      out.end();
      return { n, text: await text };
    };
    const csv = await run('csv');
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(csv.n).toBe(4);
    expect(Object.keys(rows[0]!)).toEqual(EXPORT_COLUMNS);
    expect(rows.map((r) => [r.region_code, r.metric, r.value, r.status, r.source_url])).toEqual([
      ['63', 'coverage_pct', '98.5', 'auto', 'https://a.example/1'],
      ['63.03', 'enrolled_count', '578585', 'auto', 'https://a.example/1'],
      ['63', 'coverage_pct', '97.1', 'auto', 'https://a.example/2'],
      ['62', 'active_pct', '85.24', 'auto', 'https://a.example/2'],
    ]);
    expect(rows[0]).toMatchObject({ region_name: 'Provinsi Kalimantan Selatan', evidence_text: 'FAKTA 63 coverage_pct 98.5 2025-06', reasons: '["fake"]', site: 'a.example' });

    const json = await run('json', { statuses: ['auto', 'rejected'] });
    const parsed = JSON.parse(json.text) as unknown[];
    expect(parsed).toHaveLength(5);
    for (const r of parsed) ExportRow.parse(r);
    expect(parsed.filter((r) => (r as ExportRow).status === 'rejected')).toHaveLength(1);

    const nd = await run('ndjson', { latest: true });
    const lines = nd.text.trim().split('\n').map((l) => ExportRow.parse(JSON.parse(l)));
    expect(lines.map((r) => [r.region_code, r.metric, r.value])).toEqual([
      ['62', 'active_pct', 85.24],
      ['63', 'coverage_pct', 98.5],
      ['63.03', 'enrolled_count', 578585],
    ]);
    const empty = await run('json', { statuses: ['corrected'] });
    expect(JSON.parse(empty.text)).toEqual([]);
    await store.close();
  });
});

describe('commands', () => {
  it('refresh re-extracts what an older extractor stored, on worker threads when asked, and then has nothing to do', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.db');
    const old = openStore(db, { extractorVersion: EXTRACTOR_VERSION - 1 });
    await ingest(old, [join(ROOT, 'corpus/dev/d001.json'), join(ROOT, 'corpus/dev/d002.json')]);
    await old.close();
    const first = await cli(['refresh', '--db', db, '--workers', '1']);
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/^refresh run 2 ok: 0 pages .*, 2 articles extracted, .* 0 errors\n$/);
    const second = await cli(['refresh', '--db', db, '--no-progress']);
    expect(second.stderr).toMatch(/^refresh run 3 ok: .* 0 articles extracted/);
    const bad = await cli(['refresh', '--db', db, '--workers', 'many']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^cakupan refresh: --workers: /);
  });

  it('export --out, show (names, aliases, codes), stats, and clear errors for bad flags and missing databases', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.db');
    await (await seeded(db)).close();

    const exp = await cli(['export', '--format', 'ndjson', '--out', join(dir, 'out.ndjson'), '--db', db]);
    expect(exp.stderr).toBe(`4 rows written to ${join(dir, 'out.ndjson')}\n`);
    expect(readFileSync(join(dir, 'out.ndjson'), 'utf8').trim().split('\n')).toHaveLength(4);

    const show = await cli(['show', 'Kalsel'], { CAKUPAN_DB: db });
    expect(show.status).toBe(0);
    // Each figure's date says where it comes from (issue 11: as_of | published | dateline | url | none).
    expect(show.stdout).toMatch(/^Provinsi Kalimantan Selatan \(63, provinsi\)\ndate +from +metric +value/);
    expect(show.stdout).toMatch(/2024 +as_of +coverage_pct +97\.10%/);
    expect(show.stdout).toMatch(/2025-06 +as_of +coverage_pct +98\.50%/);
    expect(show.stdout).toContain('\nno UHC award tier stored for the region\n');
    expect(show.stdout).toMatch(/\nlatest figures in Provinsi Kalimantan Selatan:\nregion +code +coverage[^\n]*\n-+[^\n]*\nKabupaten Banjar +63\.03 +578,585 /);

    const stats = await cli(['stats', '--json', '--db', db]);
    const s = JSON.parse(stats.stdout);
    expect(s.totals).toMatchObject({ articles: 3, facts: 5, live_facts: 4, reviews: 1 });
    expect(s.byStatus).toEqual([{ status: 'auto', facts: 4 }, { status: 'rejected', facts: 1 }]);
    expect(s.confidence.find((b: { bin: string }) => b.bin === '0.9–1.0').facts).toBe(4);

    const text = await cli(['stats', '--db', db]);
    expect(text.stdout).toMatch(/^\d+ sites, 3 pages, 3 articles, 5 facts \(4 live\)/);

    const nowhere = await cli(['show', 'Atlantis', '--db', db]);
    expect(nowhere.status).toBe(1);
    expect(nowhere.stderr).toMatch(/no region matches "Atlantis"/);

    const bad = await cli(['export', '--format', 'xml', '--db', db]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^cakupan export: --format: /);

    const missing = join(dir, 'none.db');
    const nodb = await cli(['stats', '--db', missing]);
    expect(nodb.status).toBe(1);
    expect(nodb.stderr).toMatch(/none\.db: no database here; run `cakupan ingest` or `npm start` first/);
    expect(existsSync(missing)).toBe(false);

    // A PostgreSQL URL nobody answers on (a closed local port): one line naming the URL without its password.
    const pg = await cli(['stats', '--db', 'postgres://ana:secret@127.0.0.1:1/cakupan']);
    expect(pg.status).toBe(1);
    expect(pg.stderr).toMatch(/^cakupan stats: postgres:\/\/ana:\*\*\*@127\.0\.0\.1:1\/cakupan: cannot use the PostgreSQL database \(ECONNREFUSED: .*\); is the server running and the URL right\?\n$/);
    expect(pg.stderr).not.toContain('secret');
  });
});
