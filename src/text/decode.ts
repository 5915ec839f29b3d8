/**
 * Bytes -> HTML string. The charset comes from, in order: a byte-order mark, the HTTP Content-Type header,
 * a `<meta charset>` / `<meta http-equiv>` prescan of the first bytes, and last a statistical guess (chardet).
 * A declared single-byte Latin charset is overruled when the bytes are well-formed multi-byte UTF-8:
 * pages that say `iso-8859-1` and are UTF-8 exist ("KapanLagi" in the shared set), while Latin-1 text that
 * happens to be valid UTF-8 with multi-byte sequences is vanishingly rare.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { META_PRESCAN_BYTES, DETECT_SAMPLE_BYTES } from './config.ts';
import { stripControls } from './input.ts';

/** What `decodeHtml` found. */
export interface DecodedHtml {
  html: string;
  /** The charset actually used, lower case ("utf-8", "windows-1252", "gbk"...). */
  charset: string;
  /** Where it came from: "bom", "header", "meta", "utf8-check", "detected" or "default". */
  source: 'bom' | 'header' | 'meta' | 'utf8-check' | 'detected' | 'default';
}

/** Labels that browsers treat as windows-1252 (the WHATWG encoding standard maps them so). */
const LATIN1_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii', 'windows-1252', 'cp1252', 'iso_8859-1', 'cp819', 'ibm819']);

/** Normalises a charset label; null for labels iconv-lite does not know. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!l) return null;
  if (LATIN1_LABELS.has(l)) return 'windows-1252';
  if (l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  if (l === 'x-gbk' || l === 'gb2312') return 'gbk';
  return iconv.encodingExists(l) ? l : null;
}

/** The charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | undefined | null): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType);
  return m ? normalizeCharset(m[1]) : null;
}

/** The charset a `<meta>` tag in the first bytes declares (HTML prescan, simplified). */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, META_PRESCAN_BYTES)).toString('latin1');
  const re = /<meta\b[^>]*>/gi;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct) {
      const cs = normalizeCharset(direct[1]);
      if (cs) return cs;
    }
  }
  return null;
}

function bomCharset(bytes: Uint8Array): { charset: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  return null;
}

/** Result of checking bytes as UTF-8: valid or not, and whether any multi-byte sequence occurs. */
export function utf8Shape(bytes: Uint8Array): { valid: boolean; multibyte: boolean } {
  let multibyte = false;
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return { valid: false, multibyte };
    for (let k = 1; k <= need; k++) {
      // A sequence cut by the end of the input (a truncated download) still counts as UTF-8.
      if (i + k >= n) return { valid: true, multibyte: true };
      if ((bytes[i + k] & 0xc0) !== 0x80) return { valid: false, multibyte };
    }
    multibyte = true;
    i += need + 1;
  }
  return { valid: true, multibyte };
}

function decodeWith(bytes: Uint8Array, charset: string, skip = 0): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset + skip, bytes.length - skip);
  if (charset === 'utf-8') return buf.toString('utf8');
  return iconv.decode(buf, charset);
}

/**
 * Decodes HTML bytes. Never throws: an unknown or wrong label falls through to the next source. NUL and the
 * other control characters are stripped from the result (src/text/input.ts: SQLite and CSV readers stop at them).
 * @param contentType the HTTP Content-Type header, when the bytes came over HTTP.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): DecodedHtml {
  const d = decodeHtmlRaw(bytes, contentType);
  return { ...d, html: stripControls(d.html) };
}

/** Decoding with a label lost all the markup the bytes have ("charset=utf-16" on a UTF-8 page reads as CJK): the label is wrong. */
function labelLostMarkup(html: string, bytes: Uint8Array): boolean {
  const sample = bytes.length > DETECT_SAMPLE_BYTES ? bytes.subarray(0, DETECT_SAMPLE_BYTES) : bytes;
  if (!sample.includes(0x3c)) return false;
  return !html.slice(0, DETECT_SAMPLE_BYTES).includes('<');
}

function decodeHtmlRaw(bytes: Uint8Array, contentType?: string | null): DecodedHtml {
  const bom = bomCharset(bytes);
  if (bom) return { html: decodeWith(bytes, bom.charset, bom.skip), charset: bom.charset, source: 'bom' };
  const declared: { charset: string; source: 'header' | 'meta' } | null = (() => {
    const h = charsetFromContentType(contentType);
    if (h) return { charset: h, source: 'header' as const };
    const m = charsetFromMeta(bytes);
    return m ? { charset: m, source: 'meta' as const } : null;
  })();
  const shape = utf8Shape(bytes.length > DETECT_SAMPLE_BYTES * 8 ? bytes.subarray(0, DETECT_SAMPLE_BYTES * 8) : bytes);
  if (declared) {
    if (declared.charset === 'windows-1252' && shape.valid && shape.multibyte) {
      return { html: decodeWith(bytes, 'utf-8'), charset: 'utf-8', source: 'utf8-check' };
    }
    // "charset=utf-8" on bytes that are not UTF-8 at all: believe the bytes.
    if (declared.charset !== 'utf-8' || shape.valid) {
      const html = decodeWith(bytes, declared.charset);
      if (!labelLostMarkup(html, bytes)) return { html, charset: declared.charset, source: declared.source };
      // A wrong label: sniff as if none were given (below).
    }
  }
  if (shape.valid) {
    return { html: decodeWith(bytes, 'utf-8'), charset: 'utf-8', source: shape.multibyte ? 'utf8-check' : 'default' };
  }
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, DETECT_SAMPLE_BYTES));
  const guess = normalizeCharset(chardet.detect(sample) ?? undefined) ?? 'windows-1252';
  return { html: decodeWith(bytes, guess), charset: guess, source: 'detected' };
}
