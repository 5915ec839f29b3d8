/**
 * The filters a WARC record passes before the text and fact stages, cheapest first:
 *
 *  1. its WARC headers (read by hand, no parser): `WARC-Type: response`, a target URI whose host passes the host
 *     filter (`--hosts`: names, `.suffix`es, or the hosts of data/sites.json);
 *  2. warcio parses the record: the payload must be HTTP (else a bad record), status 200, an HTML content type;
 *  3. a cheap language check on the tag-stripped page: enough Indonesian function words;
 *  4. a relevance keyword somewhere in that text (the text stage's own check on the article text comes after).
 */
import { WARCParser } from 'warcio';
import { foldForMatch, relevanceFilter, type Relevance } from '../crawl/relevance.ts';

/** Share of the words of a page that must be Indonesian function words ("yang", "dan", "di" …): Indonesian news runs ~15–25 %, English ~0–2 %. @default 0.06 */
export const MIN_INDONESIAN_SHARE = 0.06;
/** Bytes of a page's HTML looked at by the language and keyword checks: the article starts in the first 400 KB of any news page. @default 400 KB */
export const SNIFF_BYTES = 400_000;
/** Fewer words than this and the language check cannot tell (an empty shell page is dropped). @default 30 */
export const MIN_WORDS = 30;

/** Indonesian function words: frequent in any Indonesian text, rare in any other language a news WARC holds. */
const INDONESIAN = new Set(
  'yang dan di ke dari ini itu dengan untuk pada dalam tidak akan adalah juga oleh atau karena sudah telah bahwa ada para kata tersebut dapat bisa saat secara kami kita mereka sebagai hingga serta namun masih lebih tahun warga pemerintah kabupaten kota'.split(' '),
);

/** The WARC headers a filter needs, read from a record's bytes without a parser. */
export interface WarcHead {
  type: string | null;
  targetUri: string | null;
  date: string | null;
  recordId: string | null;
  contentType: string | null;
}

export function readHead(record: Buffer): WarcHead {
  const end = record.indexOf('\r\n\r\n');
  const head = record.toString('latin1', 0, end < 0 ? Math.min(record.length, 8192) : end);
  const get = (name: string) => {
    const m = new RegExp(`\\r\\n${name}:[ \\t]*([^\\r\\n]*)`, 'i').exec(head);
    return m ? m[1]!.trim() : null;
  };
  let uri = get('WARC-Target-URI');
  if (uri && uri.startsWith('<') && uri.endsWith('>')) uri = uri.slice(1, -1);
  return { type: get('WARC-Type'), targetUri: uri, date: get('WARC-Date'), recordId: get('WARC-Record-ID'), contentType: get('Content-Type') };
}

/** A host filter: exact hosts (and their `www.`), `.suffix`es, or everything (`*`). */
export interface HostFilter {
  test(url: string): boolean;
  describe(): string;
}

/** Builds a host filter from a `--hosts` value: "a.id,b.co.id", ".id", "*". */
export function hostFilter(spec: readonly string[]): HostFilter {
  const exact = new Set<string>();
  const suffixes: string[] = [];
  let all = false;
  for (const raw of spec) {
    const h = raw.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    if (!h) continue;
    if (h === '*') all = true;
    else if (h.startsWith('.')) suffixes.push(h);
    else exact.add(h.replace(/^www\./, ''));
  }
  return {
    test(url) {
      if (all) return true;
      let host: string;
      try {
        host = new URL(url).hostname.toLowerCase();
      } catch {
        return false;
      }
      if (exact.has(host.replace(/^www\./, ''))) return true;
      return suffixes.some((s) => host.endsWith(s) || host === s.slice(1));
    },
    describe: () => (all ? 'every host' : [...exact, ...suffixes].join(', ')),
  };
}

/** The page of a response record, as warcio reads it. */
export interface WarcPage {
  url: string;
  status: number;
  headers: Record<string, string>;
  contentType: string | null;
  body: Buffer;
}

/** Parses a response record with warcio; null when it is not an HTML 200; throws when the payload is not HTTP. */
export async function readPage(record: Buffer): Promise<WarcPage | null> {
  const block = record.indexOf('\r\n\r\n');
  if (block < 0 || record.toString('latin1', block + 4, block + 9) !== 'HTTP/') throw new Error('response record whose payload is not HTTP');
  const parser = new WARCParser([record]);
  const rec = await parser.parse();
  if (!rec || !rec.httpHeaders) throw new Error('response record whose payload is not HTTP');
  const status = Number(rec.httpHeaders.statusCode);
  const headers: Record<string, string> = {};
  for (const [k, v] of rec.httpHeaders.headers as Headers) headers[k.toLowerCase()] = v;
  const contentType = headers['content-type'] ?? null;
  if (status !== 200 || !contentType || !/html/i.test(contentType)) return null;
  const body = Buffer.from(await rec.readFully(true));
  return { url: rec.warcTargetURI ?? '', status, headers, contentType, body };
}

/** Text of a page for the cheap checks: scripts, styles and tags dropped, entities left (they do not make words). */
export function sniffText(html: Buffer): string {
  return html
    .toString('utf8', 0, Math.min(html.length, SNIFF_BYTES))
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ');
}

/** Share of Indonesian function words among the words of `text`; null when there are too few words to tell. */
export function indonesianShare(text: string): number | null {
  const words = foldForMatch(text).trim().split(' ').filter((w) => w.length > 1 && !/^\d+$/.test(w));
  if (words.length < MIN_WORDS) return null;
  let hits = 0;
  for (const w of words) if (INDONESIAN.has(w)) hits++;
  return hits / words.length;
}

/** Why a page was dropped, or null when it passes the language and keyword checks. */
export function pageCheck(text: string, relevance: Relevance): 'not-indonesian' | 'irrelevant' | null {
  const share = indonesianShare(text);
  if (share === null || share < MIN_INDONESIAN_SHARE) return 'not-indonesian';
  return relevance.match(text) ? null : 'irrelevant';
}

export { relevanceFilter };
