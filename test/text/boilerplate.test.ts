import { describe, expect, it } from 'vitest';
import { boilerplateRule, LINE_RULES } from '../../src/text/boilerplate.ts';
import { extractArticle } from '../../src/text/index.ts';
import type { Dropped } from '../../src/text/blocks.ts';

/** Each line rule's examples: [rule, line]. A new case is one line. */
const REMOVED: [string, string][] = [
  ['baca-juga', 'Baca juga: Tingkatkan Mutu Layanan, BPJS Kesehatan Hadirkan Antrean Online Via Mobile JKN'],
  ['baca-juga', 'BACA JUGA: UHC Kaltara Capai 99,22 Persen, Lampaui Target RPJMN'],
  ['baca-juga', 'Lihat Juga: Kota Ambon Capai Kepesertaan JKN 98,65 Persen'],
  ['baca-juga', 'Baca Selengkapnya di sini'],
  ['baca-juga', 'Baca Juga'],
  ['baca-juga-label', 'See also:'],
  ['related-list', 'Berita Terkait'],
  ['related-list', 'BERITA LAINNYA'],
  ['scroll', 'Scroll ke bawah untuk melanjutkan'],
  ['scroll', 'SCROLL TO CONTINUE WITH CONTENT'],
  ['advertisement', 'Advertisement'],
  ['advertisement', 'ADVERTISEMENT'],
  ['credit-line', 'Editor: Ade Marboen'],
  ['credit-line', 'Penulis: Tri Pandito Wibowo | Editor: Try Juliansyah'],
  ['credit-line', 'Redaktur : Agus Yulianto'],
  ['credit-line', 'Pewarta: Nur Imansyah'],
  ['credit-line', 'Fotografer: Grandyos Zafna'],
  ['credit-label', 'Penulis'],
  ['credit-value', ': Aditya Maulana'],
  ['view-count', '1.229 Views'],
  ['view-count', '12.345 kali dibaca'],
  ['date-line', 'Selasa, 16 Februari 2016'],
  ['date-line', 'Kamis, 5 November 2015 14:56 WIB'],
  ['date-line', 'Senin, 19 Mei 2025 10:30 WIB'],
  ['date-line', 'Wednesday, May 21, 2025'],
  ['date-line-meta', 'Vania Ika Aldida | Jum\'at, 17 Februari 2017 - 13:30 wib'],
  ['view-count', 'Kamis, 5 November 2015 14:56 WIB | 1.229 Views'],
  ['relative-time', '2 jam yang lalu'],
  ['share', 'Bagikan'],
  ['share', 'Facebook Twitter WhatsApp'],
  ['share', 'Copy Link'],
  ['tag-list', 'Tags: BPJS Kesehatan, JKN, UHC'],
  ['tag-list', 'Topik: jaminan kesehatan'],
  ['comment-form', 'Tinggalkan Balasan'],
  ['comment-form', 'Leave a Reply'],
  ['comment-form', '0 Response to "98,8% Warga HST Sudah Terlindungi JKN!"'],
  ['comment-count', '0 Komentar'],
  ['reactions', 'Bagaimana reaksi Anda?'],
  ['reactions', 'Terkejut'],
  ['next-page', 'Halaman 2'],
  ['next-page', 'Halaman Selanjutnya'],
  ['next-page', 'Tampilkan semua'],
  ['follow-us', 'Simak berita terbaru kami di Google News'],
  ['follow-us', 'Ikuti saluran WhatsApp Tribun untuk update berita terkini'],
  ['syndication', 'Berita ini telah tayang di Antaranews.com dengan judul: BPJS Kesehatan: Peserta JKN di Papua capai 1.607.'],
  ['copyright', '© Copyright 2026 Koran Banjar'],
  ['credit-line', '(Foto: Dok. Humas Pemkab)'],
  ['photo-credit', 'Foto/Istimewa'],
  ['photo-credit', 'Ilustrasi. (Shutterstock)'],
  ['credit-tail', '(Editor Agung Kurniawan)'],
  ['by-line', 'By John Milbank'],
  ['by-line', 'Oleh Redaksi Daerah'],
  ['tag-label', 'Tags'],
];

/** Article sentences that look like furniture at first sight and must stay. */
const KEPT: [string, string][] = [
  ['prose about an editor', 'Editor senior di harian itu mengatakan cakupan kepesertaan JKN di Kalimantan Barat baru mencapai 78,30 persen.'],
  ['a date inside a sentence', 'Selasa, 16 Februari 2016, Gubernur meresmikan rumah sakit daerah yang melayani peserta JKN di seluruh kabupaten.'],
  ['a sentence that starts with "Baca"', 'Bacaan Alquran menjadi pembuka acara penyerahan UHC Award di Balai Sudirman, Jakarta.'],
  ['views in prose', 'Menurut dia, pandangan masyarakat terhadap program JKN terus membaik dari tahun ke tahun.'],
  ['reporter initials', '(fyk/ash)'],
  ['a share of people', 'Sebanyak 98 persen penduduk Indonesia sudah jadi peserta JKN, kata Direktur Utama BPJS Kesehatan.'],
  ['a sentence about comments', 'Komentar Wakil Presiden itu disampaikan dalam sambutannya di Jakarta, Selasa (14/3/2023).'],
];

describe('boilerplate line rules', () => {
  it.each(REMOVED)('%s removes %j', (rule, line) => {
    expect(boilerplateRule(line)?.name).toBe(rule);
  });

  it.each(KEPT)('keeps %s', (_why, line) => {
    expect(boilerplateRule(line)).toBeNull();
  });

  it('every rule has at least one example here', () => {
    const covered = new Set(REMOVED.map(([r]) => r));
    expect(LINE_RULES.map((r) => r.name).filter((n) => !covered.has(n))).toEqual([]);
  });
});

describe('boilerplate inside an article container', () => {
  const body = [
    'Kabupaten Sambas merupakan kabupaten dengan kepesertaan terendah yaitu 67,48 persen atau baru sekitar 432 ribu peserta JKN yang terdaftar, kata kepala cabang.',
    'Baca juga: UHC Kaltara Capai 99,22 Persen, Lampaui Target RPJMN',
    'Kabupaten Ketapang sudah menjangkau 469 ribu peserta atau 81,50 persen, Kabupaten Kubu Raya mencapai 274.898 atau 77,70 persen.',
    'Scroll ke bawah untuk melanjutkan',
    'Kabupaten Bengkayang kepesertaan JKN sekitar 71,93 persen, Kabupaten Sanggau 69,03 persen, Kabupaten Sintang 89,19 persen.',
    'Kabupaten Bengkayang kepesertaan JKN sekitar 71,93 persen, Kabupaten Sanggau 69,03 persen, Kabupaten Sintang 89,19 persen.',
    'Editor: Try Juliansyah',
    'Tags: BPJS Kesehatan, JKN',
  ];
  const html = `<html lang="id"><head><title>Capaian JKN di Kalbar - Tribun Daerah</title></head><body>
<nav><a href="/">Home</a> <a href="/regional">Regional</a></nav>
<div class="article"><h1>Capaian JKN di Kalbar</h1><div class="meta">Rabu, 26 Oktober 2022 14:05 WIB | 1.229 Views</div>
<figure><img src="x.jpg"><figcaption>Petugas BPJS Kesehatan melayani peserta JKN-KIS di Pontianak. (Foto: Tribun/Dok)</figcaption></figure>
<div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
${body.map((l) => `<p>${l}</p>`).join('\n')}
<div class="related"><h3>Berita Terkait</h3><ul><li><a href="/a">Peserta JKN di Papua Barat Tembus 653.818 Jiwa</a></li><li><a href="/b">Kota Ambon Capai 98,65 Persen</a></li></ul></div>
<div id="comments"><h3>Tinggalkan Balasan</h3><form><textarea></textarea></form></div></div>
<footer>© 2026 Tribun Daerah</footer></body></html>`;
  const dropped: Dropped[] = [];
  const a = extractArticle(Buffer.from(html), { url: 'https://kalbar.contoh.id/berita/capaian-jkn', dropped });

  it('keeps the article paragraphs, once each', () => {
    expect(a.text.split('\n\n')).toEqual([body[0], body[2], body[4]]);
  });

  it('drops each line type, naming the rule', () => {
    const why = new Map(dropped.map((d) => [d.text, d.why]));
    expect(why.get(body[1])).toBe('baca-juga');
    expect(why.get(body[3])).toBe('scroll');
    expect(why.get(body[5])).toBe('repeated');
    expect(why.get(body[6])).toBe('credit-line');
    expect(why.get(body[7])).toBe('tag-list');
  });

  it('keeps the photo caption apart from the body', () => {
    expect(a.captions).toContain('Petugas BPJS Kesehatan melayani peserta JKN-KIS di Pontianak. (Foto: Tribun/Dok)');
    expect(a.text).not.toContain('Petugas BPJS');
  });

  it('leaves related headlines, view counts, share bars and comment forms out', () => {
    for (const s of ['653.818', '98,65', 'Views', 'WhatsApp', 'Tinggalkan', '©']) expect(a.text).not.toContain(s);
  });
});
