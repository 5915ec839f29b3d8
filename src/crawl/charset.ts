/**
 * Bytes -> string for the XML documents the crawler reads (sitemaps, feeds), whose charset may be declared
 * in the XML prolog. HTML (listing pages, articles) is decoded by the text stage's `decodeHtml`.
 *
 * Cascade: 1. BOM; 2. charset in Content-Type; 3. the XML declaration (or `<meta charset>`) in the first
 * 1024 bytes; 4. chardet detection when the bytes are not valid UTF-8; 5. UTF-8.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { stripControls } from '../text/input.ts';

export interface Decoded {
  text: string;
  charset: string;
  /** Which step of the cascade chose the charset. */
  source: 'bom' | 'header' | 'meta' | 'detected' | 'default';
}

/** Labels servers send that iconv knows under another name ("latin1" pages are really windows-1252). */
function normalizeLabel(label: string): string | null {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (!l) return null;
  if (l === 'latin1' || l === 'iso-8859-1' || l === 'us-ascii' || l === 'ascii') return 'windows-1252';
  if (l === 'utf8') return 'utf-8';
  return iconv.encodingExists(l) ? l : null;
}

function charsetFromContentType(ct: string | null | undefined): string | null {
  const m = ct ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(ct) : null;
  return m ? normalizeLabel(m[1]) : null;
}

function charsetFromPrescan(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return m ? normalizeLabel(m[1]) : null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Decodes an HTML or XML document; never throws. NUL and other control characters are stripped (src/text/input.ts). */
export function decodeDocument(bytes: Uint8Array, contentType?: string | null): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: stripControls(buf.subarray(3).toString('utf8')), charset: 'utf-8', source: 'bom' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: stripControls(iconv.decode(buf.subarray(2), 'utf-16le')), charset: 'utf-16le', source: 'bom' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: stripControls(iconv.decode(buf.subarray(2), 'utf-16be')), charset: 'utf-16be', source: 'bom' };
  let charset = charsetFromContentType(contentType);
  let source: Decoded['source'] = 'header';
  if (!charset) {
    charset = charsetFromPrescan(buf);
    source = 'meta';
  }
  // A page that declares UTF-8 but is not (a common CMS misconfiguration) is decoded by detection instead.
  if (charset === 'utf-8' && !isValidUtf8(buf)) charset = null;
  // A label whose decoding loses every "<" the bytes have ("charset=utf-16" on a UTF-8 feed) is wrong: sniff instead.
  if (charset && charset !== 'utf-8' && buf.subarray(0, 65536).includes(0x3c) && !iconv.decode(buf.subarray(0, 65536), charset).includes('<')) charset = null;
  if (!charset) {
    if (isValidUtf8(buf)) {
      charset = 'utf-8';
      source = 'default';
    } else {
      charset = normalizeLabel(chardet.detect(buf) ?? '') ?? 'windows-1252';
      source = 'detected';
    }
  }
  return { text: stripControls(iconv.decode(buf, charset)), charset, source };
}
