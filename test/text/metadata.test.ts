import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/text/index.ts';
import { dateFromUrl, parseMachineDate, parseWrittenDate, stripSiteName } from '../../src/text/metadata.ts';

const PROSE = '<p>Kepesertaan JKN di Kabupaten Gorontalo mencapai 101,03 persen dari jumlah penduduk, kata Bupati dalam sambutannya di Jakarta.</p><p>Capaian itu membuat kabupaten tersebut meraih penghargaan UHC kategori Utama bersama 75 daerah lain dari 514 kabupaten dan kota.</p>';
const meta = (head: string, body: string, url?: string) => extractArticle(Buffer.from(`<html lang="id"><head>${head}</head><body>${body}</body></html>`), { url });

describe('publication date', () => {
  it('takes JSON-LD NewsArticle first', () => {
    const a = meta(
      '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},{"@type":"NewsArticle","headline":"H","datePublished":"2025-05-19T10:30:00+07:00","author":{"@type":"Person","name":"Nur Imansyah"},"publisher":{"name":"Antara"}}]}</script><meta property="article:published_time" content="2020-01-01T00:00:00+07:00">',
      PROSE,
    );
    expect(a).toMatchObject({ published: '2025-05-19', publishedAt: '2025-05-19T10:30:00+07:00', dateSource: 'json-ld', author: 'Nur Imansyah' });
  });

  it('then article:published_time, then <time datetime>', () => {
    expect(meta('<meta property="article:published_time" content="2016-02-16T13:01:52+0700">', PROSE)).toMatchObject({ published: '2016-02-16', publishedAt: '2016-02-16T13:01:52+07:00', dateSource: 'meta' });
    expect(meta('', `<time datetime="2015-11-05T14:56:43+07:00">Kamis</time>${PROSE}`)).toMatchObject({ published: '2015-11-05', dateSource: 'time' });
  });

  it('dates a UTC instant in WIB on Indonesian pages', () => {
    expect(parseMachineDate('2016-02-23 T20:30:00Z', 7)).toEqual({ date: '2016-02-24', at: '2016-02-23T20:30:00Z' });
    expect(parseMachineDate('2016-02-23', 7)).toEqual({ date: '2016-02-23', at: null });
  });

  it('reads Indonesian datelines next to the headline', () => {
    const a = meta('<title>Kabupaten Gorontalo Raih UHC Awards - Mediasulutgo</title>', `<div class="top">Rabu, 1 Januari 2025</div><div class="post"><h1>Kabupaten Gorontalo Raih UHC Awards</h1><div class="info">Senin, 19 Mei 2025 10:30 WIB</div>${PROSE}</div>`);
    expect(a).toMatchObject({ published: '2025-05-19', publishedAt: '2025-05-19T10:30:00+07:00', dateSource: 'dateline' });
    expect(parseWrittenDate("Jum'at, 17 Februari 2017 - 13:30 wib")).toEqual({ date: '2017-02-17', at: '2017-02-17T13:30:00+07:00' });
    expect(parseWrittenDate('Kompas.com - 20/03/2023, 11:58 WITA')).toEqual({ date: '2023-03-20', at: '2023-03-20T11:58:00+08:00' });
  });

  it('takes a dateline that opens the first paragraph, but not an event date inside prose', () => {
    const lead = meta('', `<h1>Peserta JKN di Papua Barat Tembus 653.818 Jiwa</h1><p>Manokwari, 24 April 2025 - Badan Penyelenggara Jaminan Sosial (BPJS) Kesehatan melaporkan capaian signifikan dalam kepesertaan program JKN di Papua Barat.</p>`);
    expect(lead).toMatchObject({ published: '2025-04-24', dateSource: 'dateline' });
    const event = meta('', `<h1>UHC Award 2026 Diraih Kalteng</h1><p>Jakarta – Pemerintah Provinsi Kalimantan Tengah menerima penghargaan UHC Award 2026 kategori Madya dalam kegiatan di JIEXPO Kemayoran, Selasa (27/1/2026), kata pejabat setempat kepada wartawan.</p>`);
    expect(event.published).toBeNull();
  });

  it('falls back to the date in the URL path', () => {
    expect(meta('', PROSE, 'https://pontianak.tribunnews.com/2022/10/26/capaian-kepesertaan-jkn')).toMatchObject({ published: '2022-10-26', dateSource: 'url' });
    expect(dateFromUrl('https://cenderawasihpos.jawapos.com/lintas-papua/pegunungan/12/08/2024/papua-tengah/')).toEqual({ date: '2024-08-12', at: null });
    expect(dateFromUrl('https://www.malutinews.com/2026/01/bupati.html')).toBeNull();
  });

  it('says null when the page states no date', () => {
    expect(meta('<title>t</title>', PROSE)).toMatchObject({ published: null, publishedAt: null, dateSource: null });
  });
});

describe('title, site, author, canonical, language, next page', () => {
  it('strips the site name from <title> and og:title', () => {
    expect(stripSiteName('Samsul Arif Tak Beban Lawan Arema - Kompas.com', null, 'bola.kompas.com')).toBe('Samsul Arif Tak Beban Lawan Arema');
    expect(stripSiteName('Sering Depresi Berat, Hati-Hati Diabetes! - Health :: Okezone Lifestyle', 'Okezone', null)).toBe('Sering Depresi Berat, Hati-Hati Diabetes!');
    expect(stripSiteName('Jamaah Haji Ikuti Pemeriksaan Kesehatan Haji | ihram.co.id', null, null)).toBe('Jamaah Haji Ikuti Pemeriksaan Kesehatan Haji');
  });

  it('prefers the h1 that the title repeats over a logo h1', () => {
    const a = meta('<title>Polres Lhokseumawe Serahkan Anggota Di Minimi ke Kejaksaan - Kompas.com Regional</title>', `<h1>Regional</h1><h2>Polres Lhokseumawe Serahkan Anggota Di Minimi ke Kejaksaan</h2>${PROSE}`);
    expect(a.title).toBe('Polres Lhokseumawe Serahkan Anggota Di Minimi ke Kejaksaan');
  });

  it('reads site name, author, canonical URL and language', () => {
    const a = meta(
      '<meta property="og:site_name" content="ANTARA News"><meta name="author" content="Penulis: Budi Santoso"><link rel="canonical" href="/berita/527615/29-penerbangan">',
      PROSE,
      'https://www.antaranews.com/berita/527615/29-penerbangan?utm_source=x',
    );
    expect(a).toMatchObject({ siteName: 'ANTARA News', author: 'Budi Santoso', canonicalUrl: 'https://www.antaranews.com/berita/527615/29-penerbangan', lang: 'id' });
  });

  it('points to the rest of a split article, preferring "Tampilkan semua"', () => {
    const url = 'https://kaltim.tribunnews.com/2025/05/19/uhc-kaltim';
    const paging = '<div class="paging"><a href="?page=2">Halaman 2</a> <a href="?page=2">Selanjutnya</a> <a href="?page=all">Tampilkan semua</a></div>';
    expect(meta('', PROSE + paging, url).nextPage).toBe(`${url}?page=all`);
    expect(meta('', `${PROSE}<a href="/2025/05/19/uhc-kaltim/2">Halaman Selanjutnya</a>`, url).nextPage).toBe('https://kaltim.tribunnews.com/2025/05/19/uhc-kaltim/2');
    expect(meta('', PROSE, url).nextPage).toBeNull();
  });
});
