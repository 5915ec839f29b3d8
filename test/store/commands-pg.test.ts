/**
 * The CLI on PostgreSQL: `--db postgres://…?schema=…` (or CAKUPAN_DB) selects the PostgreSQL store, and the same
 * commands print the same thing as on a SQLite file built from the same input.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backend } from './backends.ts';
import { cli } from './helpers.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const INPUTS = ['d001.json', 'd002.json', 'd003.json'].map((f) => join(ROOT, 'corpus/dev', f));

/** Export rows without what differs between two databases by construction (write instants). */
const rowsOf = (ndjson: string) =>
  ndjson
    .trim()
    .split('\n')
    .map((l) => {
      const { updated_at: _u, ...r } = JSON.parse(l) as Record<string, unknown>;
      return r;
    });

describe('commands on PostgreSQL', () => {
  it('ingest, export, show and stats give what they give on SQLite; CAKUPAN_DB selects the backend too', async () => {
    const pg = await backend('postgres');
    const lite = await backend('sqlite');
    for (const b of [pg, lite]) {
      const r = await cli(['ingest', '--db', b.location, ...INPUTS]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/^ingest run 1 ok: 3 pages \(3 new, 0 linked, 0 unchanged\)/m);
    }
    const [ep, el] = [await cli(['export', '--format', 'ndjson', '--db', pg.location]), await cli(['export', '--format', 'ndjson', '--db', lite.location])];
    expect(ep.status).toBe(0);
    expect(rowsOf(ep.stdout).length).toBeGreaterThan(3);
    expect(rowsOf(ep.stdout)).toEqual(rowsOf(el.stdout));
    const [cp, cl] = [await cli(['export', '--format', 'csv', '--latest', '--db', pg.location]), await cli(['export', '--format', 'csv', '--latest', '--db', lite.location])];
    expect(cp.stdout.split('\n').length).toBe(cl.stdout.split('\n').length);
    const showPg = await cli(['show', 'Kalsel'], { CAKUPAN_DB: pg.location });
    expect(showPg.status).toBe(0);
    expect(showPg.stdout).toBe((await cli(['show', 'Kalsel', '--db', lite.location])).stdout);
    const [sp, sl] = [JSON.parse((await cli(['stats', '--json', '--db', pg.location])).stdout), JSON.parse((await cli(['stats', '--json', '--db', lite.location])).stdout)];
    expect(sp.totals).toEqual(sl.totals);
    expect(sp.byProvince).toEqual(sl.byProvince);
    expect(sp.confidence).toEqual(sl.confidence);
    // The review queue reads the same on both (CAKUPAN_DB selects PostgreSQL here too).
    const review = await cli(['review', 'list', '--json', '--threshold', '1'], { CAKUPAN_DB: pg.location });
    expect(review.status, review.stderr).toBe(0);
    expect(review.stdout.trim().split('\n').length).toBe(sp.totals.live_facts + sp.totals.categories);
    expect(review.stdout).toBe((await cli(['review', 'list', '--json', '--threshold', '1', '--db', lite.location])).stdout);
    const again = await cli(['ingest', '--db', pg.location, ...INPUTS]);
    expect(again.stderr).toMatch(/^ingest run 2 ok: 3 pages \(0 new, 0 linked, 3 unchanged\)/m);
  });

  it('a read command on a schema without a cakupan database says so and creates nothing', async () => {
    const pg = await backend('postgres');
    const r = await cli(['export', '--db', pg.location]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^cakupan export: postgres:\/\/postgres@127\.0\.0\.1:5432\/test\?schema=t_\w+: no cakupan database in schema "t_\w+"; run `cakupan ingest --db .*` first\n$/);
    expect(await pg.all("SELECT count(*) AS n FROM information_schema.schemata WHERE schema_name = current_schema()")).toEqual([{ n: 0 }]);
  });
});
