/**
 * One GET with undici. (Initial version: the crawler issue hardens it with timeouts, size caps,
 * redirects, conditional GET and address checks.)
 */
import { request } from 'undici';

export interface FetchedPage {
  url: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  contentType: string | null;
  bytes: Buffer;
}

export interface FetchOptions {
  userAgent?: string;
  /** @default 50 MiB */
  maxBytes?: number;
}

export async function fetchPage(url: string, opts: FetchOptions = {}): Promise<FetchedPage> {
  const maxBytes = opts.maxBytes ?? 50 * 1024 * 1024;
  const res = await request(url, {
    method: 'GET',
    headers: { 'user-agent': opts.userAgent ?? 'cakupan/0.1 (+https://github.com/cakupan/cakupan)' },
    maxRedirections: 5,
  } as Parameters<typeof request>[1]);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.length;
    if (size > maxBytes) {
      res.body.destroy();
      throw new Error(`${url}: body larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : String(v);
  return { url, finalUrl: url, status: res.statusCode, headers, contentType: headers['content-type'] ?? null, bytes: Buffer.concat(chunks) };
}
