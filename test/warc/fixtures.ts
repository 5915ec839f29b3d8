/**
 * WARC files for the tests, written with warcio's own writer (WARCRecord + WARCSerializer): pages of
 * corpus/html and the articles of corpus/dev as responses, with the request, metadata and off-host records a
 * real crawl holds, and the broken records archives do contain.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';

const CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));

export interface DevArticle {
  id: string;
  url: string | null;
  title: string | null;
  published: string | null;
  text: string;
  facts: unknown[];
}

export function devArticles(prefix: RegExp = /^[hc]\d+\.json$/): DevArticle[] {
  return readdirSync(CORPUS + 'dev')
    .filter((f) => prefix.test(f))
    .sort()
    .map((f) => JSON.parse(readFileSync(CORPUS + 'dev/' + f, 'utf8')) as DevArticle);
}

/** An article page: the corpus text as paragraphs, in an ordinary news template. */
export function articlePage(a: { title: string | null; text: string; published?: string | null }): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paras = a.text.split('\n').filter((l) => l.trim()).map((l) => `<p>${esc(l)}</p>`).join('\n');
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${esc(a.title ?? 'Berita')}</title>
${a.published ? `<meta property="article:published_time" content="${a.published}T08:00:00+07:00">` : ''}
</head><body><nav><a href="/">Beranda</a> <a href="/daerah">Daerah</a></nav><article><h1>${esc(a.title ?? '')}</h1>
${paras}</article><footer>Redaksi</footer></body></html>`;
}

/** An Indonesian page that is not about JKN, and an English one. */
export const OTHER_NEWS_ID = articlePage({
  title: 'Pasar Malam Ramaikan Alun-alun',
  text: Array.from({ length: 6 }, (_, i) => `Pasar malam yang digelar di alun-alun kota pada pekan ke-${i + 1} ini dipadati warga dari berbagai kecamatan. Para pedagang mengaku omzet mereka naik dibanding tahun lalu, dan pemerintah kota akan menambah lampu penerangan di sekitar lokasi.`).join('\n'),
});
export const ENGLISH_PAGE = articlePage({
  title: 'Health insurance coverage in Jakarta',
  text: Array.from({ length: 6 }, () => 'The national health insurance programme (JKN) now covers most of the population of the capital, the agency said on Monday. Officials expect the remaining residents to be registered by the end of the year, and the BPJS office will open on weekends.').join('\n'),
});

export interface Rec {
  url: string;
  html?: string;
  /** @default response */
  type?: 'response' | 'request' | 'metadata' | 'warcinfo' | 'resource';
  date?: string;
  contentType?: string;
  status?: number;
  /** Payload given raw (no HTTP headers): a broken response. */
  rawPayload?: string;
}

const enc = new TextEncoder();

/** One record serialized by warcio (gzip: its own member). */
export async function serialize(r: Rec, gzip: boolean): Promise<Buffer> {
  const date = r.date ?? '2025-03-02T01:02:03Z';
  const type = r.type ?? 'response';
  let rec: WARCRecord;
  if (type === 'warcinfo') rec = WARCRecord.createWARCInfo({ filename: 'test.warc.gz', warcVersion: 'WARC/1.1' }, { software: 'cakupan tests' });
  else if (r.rawPayload !== undefined) {
    rec = WARCRecord.create({ url: r.url, date, type: 'resource', warcVersion: 'WARC/1.1', warcHeaders: { 'Content-Type': 'text/plain' } }, [enc.encode(r.rawPayload)]);
    // A response record whose block is not an HTTP message.
    rec.warcHeaders.headers.set('WARC-Type', 'response');
    rec.warcHeaders.headers.set('Content-Type', 'application/http; msgtype=response');
  } else if (type === 'request') {
    rec = WARCRecord.create({ url: r.url, date, type: 'request', warcVersion: 'WARC/1.1', statusline: `GET ${new URL(r.url).pathname} HTTP/1.1`, httpHeaders: { Host: new URL(r.url).host } }, [] as Uint8Array[]);
  } else if (type === 'metadata') {
    rec = WARCRecord.create({ url: r.url, date, type: 'metadata', warcVersion: 'WARC/1.1', warcHeaders: { 'Content-Type': 'application/warc-fields' } }, [enc.encode('fetchTimeMs: 120\r\n')]);
  } else {
    rec = WARCRecord.create(
      { url: r.url, date, type: 'response', warcVersion: 'WARC/1.1', statusline: `HTTP/1.1 ${r.status ?? 200} ${r.status && r.status !== 200 ? 'Not Found' : 'OK'}`, httpHeaders: { 'Content-Type': r.contentType ?? 'text/html; charset=utf-8' } },
      [enc.encode(r.html ?? '')],
    );
  }
  return Buffer.from(await WARCSerializer.serialize(rec, { gzip }));
}

/** Broken records, as a file holds them. */
export const broken = {
  /** A gzip member cut short (a download that stopped, a bad disk block). */
  async truncatedMember(r: Rec): Promise<Buffer> {
    const b = await serialize(r, true);
    return b.subarray(0, Math.floor(b.length / 2));
  },
  /** A record whose Content-Length says less than its block holds. */
  async wrongLength(r: Rec, gzip: boolean): Promise<Buffer> {
    const plain = (await serialize(r, false)).toString('latin1');
    const bad = Buffer.from(plain.replace(/\r\nContent-Length: (\d+)\r\n/i, (_m, n: string) => `\r\nContent-Length: ${Number(n) - 40}\r\n`), 'latin1');
    return gzip ? gzipSync(bad) : bad;
  },
};

/** Writes a WARC file from parts (serialized records or raw buffers); returns the record offsets. */
export async function writeWarc(path: string, parts: (Rec | Buffer)[], gzip: boolean): Promise<number[]> {
  const bufs: Buffer[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (const p of parts) {
    const b = Buffer.isBuffer(p) ? p : await serialize(p, gzip);
    offsets.push(at);
    bufs.push(b);
    at += b.length;
  }
  writeFileSync(path, Buffer.concat(bufs));
  return offsets;
}

/** corpus/html pages (rendered dev articles in real site templates), by id. */
export function htmlPage(id: string): string {
  return readFileSync(CORPUS + `html/${id}.html`, 'utf8');
}
