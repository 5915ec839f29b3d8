/**
 * Input hygiene in one place: every byte that enters the pipeline (a file, standard input, an HTTP body, a
 * corpus JSON text) passes here before the text stage or the fact engine sees it.
 *
 *  1. Size limits are enforced while reading: a stream or file is refused as soon as it passes the limit,
 *     so 500 MB of stdin costs one chunk over 20 MiB, never 500 MB of memory (HTTP bodies are counted the
 *     same way in src/crawl/fetch.ts).
 *  2. A byte-order mark is read first (UTF-8, UTF-16 LE/BE), before any binary check: UTF-16 text is half
 *     NUL bytes and is not binary.
 *  3. Binary: a NUL (or mostly control characters) in the first `BINARY_SNIFF_CHARS` of the decoded text.
 *  4. NUL and the other control characters (C0 except tab, newline and carriage return; DEL; C1) are
 *     stripped wherever they occur: SQLite's `length()`/`substr` stop at a NUL, and a raw NUL in a CSV export
 *     breaks the tools that read it. A form feed becomes a newline.
 *
 * Deliberately light (no iconv, no parser): `cakupan extract` loads it on every run.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { BINARY_SNIFF_CHARS, MAX_CONTROL_SHARE } from './config.ts';

/** A problem with one input; the message names the input. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    reason: string,
  ) {
    super(`${input}: ${reason}`);
    this.name = 'InputError';
  }
}

const tooLarge = (source: string, limit: number) => new InputError(source, `input is larger than the ${limit}-byte limit (${(limit / 1048576).toFixed(0)} MiB); split it or give the article alone`);

/** Reads a stream to its end, refusing it as soon as it passes `limit` bytes (the rest is never read). */
export async function readStreamBounded(stream: NodeJS.ReadableStream & { destroy?: () => void }, source: string, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    const chunk = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
    size += chunk.length;
    if (size > limit) {
      stream.destroy?.();
      throw tooLarge(source, limit);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a file, at most `limit` bytes: the size is checked before reading and counted while reading (a file
 * that grows, a FIFO, `/dev/stdin`). Throws InputError for a missing path or a directory.
 */
export function readFileBounded(path: string, source: string, limit: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new InputError(source, 'is a directory (give the files, or use `cakupan ingest` for folders)');
    if (code === 'EACCES') throw new InputError(source, 'cannot be read (permission denied)');
    throw new InputError(source, 'no such file');
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputError(source, 'is a directory (give the files, or use `cakupan ingest` for folders)');
    if (st.isFile() && st.size > limit) throw new InputError(source, `file is ${st.size} bytes, larger than the ${limit}-byte limit (${(limit / 1048576).toFixed(0)} MiB)`);
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - size));
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EISDIR') throw new InputError(source, 'is a directory (give the files, or use `cakupan ingest` for folders)');
        throw err;
      }
      if (n === 0) break;
      size += n;
      if (size > limit) throw tooLarge(source, limit);
      chunks.push(buf.subarray(0, n));
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

/** The byte-order mark at the start of `bytes`, if any. */
export function bomOf(bytes: Uint8Array): { charset: 'utf-8' | 'utf-16le' | 'utf-16be'; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  return null;
}

/** Decodes UTF-16 big-endian (TextDecoder has it, but not every Node build's small-ICU does: swap and read LE). */
function decodeUtf16be(bytes: Uint8Array): string {
  const even = bytes.length & ~1;
  const swapped = Buffer.allocUnsafe(even);
  for (let i = 0; i < even; i += 2) {
    swapped[i] = bytes[i + 1];
    swapped[i + 1] = bytes[i];
  }
  return swapped.toString('utf16le');
}

/** Decodes bytes that start with a BOM; null when there is none. */
export function decodeWithBom(bytes: Uint8Array): { text: string; charset: string } | null {
  const bom = bomOf(bytes);
  if (!bom) return null;
  const body = bytes.subarray(bom.skip);
  if (bom.charset === 'utf-16be') return { text: decodeUtf16be(body), charset: bom.charset };
  return { text: Buffer.from(body.buffer, body.byteOffset, body.length).toString(bom.charset === 'utf-8' ? 'utf8' : 'utf16le'), charset: bom.charset };
}

// C0 controls but tab, newline, carriage return (and form feed, turned into a newline); DEL; C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;
const CONTROL_TEST = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Removes NUL and the other control characters (see 4. above); a form feed becomes a newline. */
export function stripControls(s: string): string {
  if (!CONTROL_TEST.test(s)) return s;
  return s.replace(/\u000C/g, '\n').replace(CONTROL, '');
}

/** True when the start of a decoded text looks binary: a NUL, or more than `MAX_CONTROL_SHARE` control characters. */
export function looksBinary(text: string): boolean {
  const head = text.length > BINARY_SNIFF_CHARS ? text.slice(0, BINARY_SNIFF_CHARS) : text;
  if (head.includes('\u0000')) return true;
  const controls = head.match(CONTROL)?.length ?? 0;
  return head.length > 0 && controls / head.length > MAX_CONTROL_SHARE;
}

/** The start of the input as text, BOM-aware (for kind detection and the binary check). */
export function headText(bytes: Uint8Array, chars = BINARY_SNIFF_CHARS): string {
  const withBom = decodeWithBom(bytes.subarray(0, Math.min(bytes.length, chars * 2 + 3)));
  if (withBom) return withBom.text;
  // As UTF-8 (lenient): read as Latin-1, the bytes of "😷" (F0 9F 98 B7) would look like C1 control characters.
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, chars)).toString('utf8');
}

/** Checks the bytes of one input: size, emptiness, binary. Throws InputError naming the input. */
export function checkInputBytes(source: string, bytes: Uint8Array, limit: number): void {
  if (bytes.length > limit) throw tooLarge(source, limit);
  const head = headText(bytes);
  if (looksBinary(head)) throw new InputError(source, 'binary data, not text or HTML (a text file in UTF-16 needs its byte-order mark)');
  // Empty: nothing but whitespace (and a BOM). Only the head is decoded unless it is all blank.
  if (head.trim() === '' && (decodeText(bytes) ?? '').trim() === '') throw new InputError(source, 'empty input');
}

/** Plain text bytes -> string: BOM first (UTF-8, UTF-16 LE/BE), else strict UTF-8; controls stripped. Null when not valid UTF-8. */
export function decodeText(bytes: Uint8Array): string | null {
  const withBom = decodeWithBom(bytes);
  if (withBom) return stripControls(withBom.text);
  try {
    return stripControls(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
}
