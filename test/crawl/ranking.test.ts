import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { crawl } from '../../src/crawl/crawler.ts';
import { closeAgents } from '../../src/crawl/fetch.ts';
import { linkRanker, sectionSegments, type LinkTier } from '../../src/crawl/relevance.ts';
import { loadGazetteer } from '../../src/normalize/regions.ts';
import { startNewsSite } from './fixtures/news.ts';
import { config, openDb, tempDir } from './helpers.ts';

const gaz = loadGazetteer();
const ranker = linkRanker({
  keywords: ['JKN', 'BPJS Kesehatan', 'BPJS', 'UHC', 'kepesertaan', 'jaminan kesehatan'],
  regionNames: [...gaz.regions.map((r) => r.bare), ...gaz.aliases.filter((a) => !a.ambiguous).map((a) => a.alias)],
  healthWords: ['kesehatan', 'dinkes', 'puskesmas'],
  offTopicSections: ['olahraga', 'otomotif', 'hiburan', 'lifestyle'],
});

/** [url, title or anchor, expected tier, why] — one line per case, as Duckling's corpora. */
const EXAMPLES: [string, string | null, LinkTier, string][] = [
  ['https://a.id/berita/1/cakupan-jkn-klaten-98-persen', null, 'keyword', 'keyword in the slug'],
  ['https://a.id/read/81000', 'Pemkab Raih UHC Award', 'keyword', 'keyword in the anchor, slug-less URL'],
  ['https://a.id/2025/03/02/dua-desa-dapat-penghargaan', 'Dua Desa di Lombok Timur Mendapat Penghargaan', 'region-or-health', 'a kabupaten named (two words)'],
  ['https://a.id/read/81001', 'Sekdaprov Lampung Pimpin Rapat Forum Kemitraan', 'region-or-health', 'a province named'],
  ['https://a.id/kesehatan/2025/03/02/warga-antre-di-rumah-sakit', null, 'region-or-health', 'a health section'],
  ['https://a.id/read/81002', 'Pasar Malam Ramaikan Alun-alun', 'other', 'nothing telling: still fetched, after the others'],
  ['https://a.id/olahraga/2025/03/02/juara-liga-desa', 'Juara Liga Desa', 'off-topic', 'a sport section'],
  ['https://a.id/otomotif/read/83001', null, 'off-topic', 'an automotive section, slug-less'],
  ['https://a.id/lifestyle/2025/03/02/bpjs-kesehatan-tanggung-operasi', null, 'keyword', 'a keyword overrides the section'],
  ['https://a.id/2025/03/02/olahraga', 'Olahraga Pagi Bersama Warga', 'other', 'the slug is not a section'],
];

describe('link ranking', () => {
  for (const [url, title, tier, why] of EXAMPLES) {
    it(`${tier}: ${why}`, () => expect(ranker.rank(url, title)).toBe(tier));
  }
  it('sections are the path segments before the slug, folded', () => {
    expect(sectionSegments('https://a.id/Sport/Liga-1/2025/juara')).toEqual(['sport', 'liga-1', '2025']);
    expect(sectionSegments('https://a.id/juara')).toEqual([]);
    expect(sectionSegments('https://a.id/%E0%A4%A/x')).toHaveLength(1);
  });
});

describe('--max-pages-per-host', () => {
  it('stops a host at its budget, keyword links first, and leaves the low-ranked ones queued', async () => {
    const t = tempDir();
    const site = await startNewsSite('Lima');
    const db = openDb(join(t.dir, 'b.db'));
    try {
      const runId = Number(db.prepare(`INSERT INTO runs (command, started_at, extractor_version, pid) VALUES ('crawl', ?, 1, ?)`).run(new Date().toISOString(), process.pid).lastInsertRowid);
      const s = await crawl({ db, config: config([{ url: site.server.origin + '/', sections: ['/kesehatan'] }]), runId, since: '2025-01-01', maxPagesPerHost: 5, allowPrivate: true, ingest: async () => ({ facts: 0 }) });
      expect(s.hosts[0]!.requests).toBe(5);
      expect(s.hosts[0]!.budgetReached).toBe(true);
      const paths = site.server.hits.map((h) => h.path);
      expect(paths).not.toContain(new URL(site.irrelevant[0]!).pathname); // ranked low: waits for the next run
      const row = db.prepare(`SELECT state, priority FROM crawl_frontier WHERE url = ?`).get(site.irrelevant[0]) as { state: string; priority: number };
      expect(row).toEqual({ state: 'queued', priority: 4 });
      expect(paths.filter((p) => p.startsWith('/berita/')).length).toBeGreaterThan(0); // the budget went to keyword articles
    } finally {
      await site.server.close();
      await closeAgents();
      db.close();
      t.cleanup();
    }
  });
});

describe('a link seen again with a better rank', () => {
  it('moves up while queued: a sitemap entry without a keyword, then the same story in a listing with one', async () => {
    const { startSite, send, articleHtml } = await import('./fixtures/server.ts');
    const t = tempDir();
    const site = await startSite();
    const o = site.origin;
    const story = `${o}/berita/2025/03/02/12345/kabar-hari-ini-dari-daerah`;
    const plain = `${o}/berita/2025/03/02/12346/pasar-malam-ramai-sekali`;
    site.route('/robots.txt', send(`User-agent: *\nSitemap: ${o}/sitemap.xml\n`, 'text/plain'));
    site.route('/sitemap.xml', send(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${story}</loc></url><url><loc>${plain}</loc></url></urlset>`, 'application/xml'));
    site.route('/', send(`<html><body><a href="${story}">Capaian UHC Klaten 98 persen</a></body></html>`));
    for (const u of [story, plain]) site.route(new URL(u).pathname, send(articleHtml({ title: 'Kabar', body: 'Cakupan kepesertaan JKN di Kabupaten Klaten mencapai 98 persen.', date: '2025-03-02' })));
    const db = openDb(join(t.dir, 'p.db'));
    try {
      const runId = Number(db.prepare(`INSERT INTO runs (command, started_at, extractor_version, pid) VALUES ('crawl', ?, 1, ?)`).run(new Date().toISOString(), process.pid).lastInsertRowid);
      await crawl({ db, config: config([{ url: o + '/' }]), runId, allowPrivate: true, ingest: async () => ({ facts: 0 }) });
      const prio = (u: string) => db.prepare('SELECT priority FROM crawl_frontier WHERE url = ?').pluck().get(u);
      expect([prio(story), prio(plain)]).toEqual([1, 4]);
      const paths = site.hits.map((h) => h.path);
      expect(paths.indexOf(new URL(story).pathname)).toBeLessThan(paths.indexOf(new URL(plain).pathname));
    } finally {
      await site.close();
      await closeAgents();
      db.close();
      t.cleanup();
    }
  });
});
