/**
 * One GET, hardened against how real servers misbehave:
 *
 *  1. the URL must be http(s); the host's addresses are resolved and private, loopback and link-local ones
 *     refused (unless `allowPrivate`), on every redirect hop, so a public name cannot point us inside;
 *  2. connect, header, idle-body and whole-response timeouts (a slow drip trips the last one);
 *  3. the wire body is capped (`Content-Length` checked first, then counted), then gzip/deflate/brotli are
 *     decoded with an output cap, so a bomb stops at `maxDecodedBytes`;
 *  4. redirects are followed by hand: at most `maxRedirects`, a URL seen twice is a loop;
 *  5. conditional GET: `etag`/`lastModified` are sent as If-None-Match / If-Modified-Since; 304 is `notModified`.
 *
 * `fetchPage(url, { maxBytes })` keeps the shape `src/extract/document.ts` relies on.
 */
import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { Agent, request } from 'undici';
import {
  BODY_TIMEOUT_MS,
  CONNECT_TIMEOUT_MS,
  HEADERS_TIMEOUT_MS,
  MAX_BODY_BYTES,
  MAX_DECODED_BYTES,
  MAX_REDIRECTS,
  TOTAL_TIMEOUT_MS,
  USER_AGENT,
} from './config.ts';

export interface FetchedPage {
  /** The URL asked for. */
  url: string;
  /** The URL that answered, after redirects. */
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  contentType: string | null;
  /** The decoded (decompressed) body; empty for 304. */
  bytes: Buffer;
  /** Each redirect hop, in order. */
  redirects: string[];
  /** The server answered 304 to a conditional GET. */
  notModified: boolean;
  /** Bytes received on the wire (compressed), all hops included. */
  wireBytes: number;
}

export interface FetchOptions {
  /** @default USER_AGENT */
  userAgent?: string;
  /** Largest body on the wire. @default MAX_BODY_BYTES */
  maxBytes?: number;
  /** Largest body after content decoding. @default max(maxBytes, MAX_DECODED_BYTES) */
  maxDecodedBytes?: number;
  /** Let private/loopback/link-local addresses through (tests, local mirrors). @default false, or env CAKUPAN_ALLOW_PRIVATE=1 */
  allowPrivate?: boolean;
  /** @default MAX_REDIRECTS */
  maxRedirects?: number;
  /**
   * false: return a 3xx as it is (the crawler queues the target itself, so every hop passes the politeness
   * gate and robots.txt). @default true
   */
  followRedirects?: boolean;
  /** @default CONNECT_TIMEOUT_MS */
  connectTimeoutMs?: number;
  /** @default HEADERS_TIMEOUT_MS */
  headersTimeoutMs?: number;
  /** @default BODY_TIMEOUT_MS */
  bodyTimeoutMs?: number;
  /** @default TOTAL_TIMEOUT_MS */
  totalTimeoutMs?: number;
  /** Validator from the previous fetch: sent as If-None-Match. */
  etag?: string | null;
  /** Validator from the previous fetch: sent as If-Modified-Since. */
  lastModified?: string | null;
  /** @default "text/html,application/xhtml+xml,application/xml;q=0.9,*\/*;q=0.8" */
  accept?: string;
  signal?: AbortSignal;
}

export type FetchErrorCode =
  | 'bad-url'
  | 'private-address'
  | 'dns'
  | 'timeout'
  | 'too-large'
  | 'decoded-too-large'
  | 'bad-encoding'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'network';

/** A fetch that produced no response to use; `code` says why, the message names the URL. */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly code: FetchErrorCode,
    reason: string,
  ) {
    super(`${url}: ${reason}`);
    this.name = 'FetchError';
  }
}

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) PRIVATE.addSubnet(net, prefix, 'ipv6');

/** True for loopback, private (RFC 1918, ULA), link-local, CGNAT, multicast and unspecified addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
    return PRIVATE.check(address, 'ipv6');
  }
  return false;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup that drops private addresses; fails when none is left. */
function publicLookup(hostname: string, options: { all?: boolean; family?: number } | number, callback: LookupCallback): void {
  const opts = typeof options === 'number' ? { family: options } : (options ?? {});
  dnsLookup(hostname, { ...opts, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const ok = (addresses as LookupAddress[]).filter((a) => !isPrivateAddress(a.address));
    if (ok.length === 0) {
      const e: NodeJS.ErrnoException = new Error(`${hostname} resolves only to private addresses`);
      e.code = 'EPRIVATE';
      return callback(e, []);
    }
    if (opts.all) return callback(null, ok);
    callback(null, ok[0].address, ok[0].family);
  });
}

const agents = new Map<string, Agent>();
function agentFor(allowPrivate: boolean, connectTimeout: number, headersTimeout: number, bodyTimeout: number): Agent {
  const key = `${allowPrivate}|${connectTimeout}|${headersTimeout}|${bodyTimeout}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({
      connect: { timeout: connectTimeout, ...(allowPrivate ? {} : { lookup: publicLookup }) } as object,
      headersTimeout,
      bodyTimeout,
      keepAliveTimeout: 10_000,
      // One socket per origin is all a polite crawler needs; more would only hold file descriptors.
      connections: 4,
    });
    agents.set(key, agent);
  }
  return agent;
}

/** Closes the shared connection pools (end of a crawl, end of a test). */
export async function closeAgents(): Promise<void> {
  const all = [...agents.values()];
  agents.clear();
  await Promise.all(all.map((a) => a.close().catch(() => undefined)));
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
  return out;
}

/** Decodes Content-Encoding layers (last applied first) with an output cap. */
export function decodeBody(url: string, wire: Buffer, contentEncoding: string | undefined, maxDecoded: number): Buffer {
  const layers = (contentEncoding ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s && s !== 'identity');
  let body = wire;
  for (const enc of layers.reverse()) {
    try {
      if (enc === 'gzip' || enc === 'x-gzip') body = gunzipSync(body, { maxOutputLength: maxDecoded });
      else if (enc === 'br') body = brotliDecompressSync(body, { maxOutputLength: maxDecoded });
      else if (enc === 'deflate') {
        try {
          body = inflateSync(body, { maxOutputLength: maxDecoded });
        } catch (err) {
          if (err instanceof RangeError) throw err;
          body = inflateRawSync(body, { maxOutputLength: maxDecoded }); // "deflate" sent raw, as IIS once did
        }
      } else throw new FetchError(url, 'bad-encoding', `unsupported Content-Encoding "${enc}"`);
    } catch (err) {
      if (err instanceof FetchError) throw err;
      if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        throw new FetchError(url, 'decoded-too-large', `body decodes to more than ${maxDecoded} bytes (${enc})`);
      throw new FetchError(url, 'bad-encoding', `cannot decode ${enc} body: ${(err as Error).message}`);
    }
  }
  return body;
}

function classify(url: string, err: unknown, deadline: AbortSignal): FetchError {
  if (err instanceof FetchError) return err;
  const e = err as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = e?.code ?? e?.cause?.code ?? '';
  const msg = e?.message ?? String(err);
  if (deadline.aborted || /TIMEOUT/i.test(code) || e?.name === 'TimeoutError') return new FetchError(url, 'timeout', `timed out (${code || msg})`);
  if (code === 'EPRIVATE' || e?.cause?.code === 'EPRIVATE') return new FetchError(url, 'private-address', msg);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new FetchError(url, 'dns', `cannot resolve host (${code})`);
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') return new FetchError(url, 'too-large', 'body too large');
  return new FetchError(url, 'network', `${code ? code + ': ' : ''}${msg}`);
}

/**
 * Fetches `url` with GET. Resolves for any HTTP status (the caller decides what a 404 means); rejects with
 * a FetchError for everything that gives no usable response.
 */
export async function fetchPage(url: string, opts: FetchOptions = {}): Promise<FetchedPage> {
  const maxBytes = opts.maxBytes ?? MAX_BODY_BYTES;
  const maxDecoded = opts.maxDecodedBytes ?? Math.max(maxBytes, MAX_DECODED_BYTES);
  const allowPrivate = opts.allowPrivate ?? process.env.CAKUPAN_ALLOW_PRIVATE === '1';
  const maxRedirects = opts.maxRedirects ?? MAX_REDIRECTS;
  const dispatcher = agentFor(
    allowPrivate,
    opts.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    opts.headersTimeoutMs ?? HEADERS_TIMEOUT_MS,
    opts.bodyTimeoutMs ?? BODY_TIMEOUT_MS,
  );
  const deadline = AbortSignal.timeout(opts.totalTimeoutMs ?? TOTAL_TIMEOUT_MS);
  const signal = opts.signal ? AbortSignal.any([deadline, opts.signal]) : deadline;

  const seen = new Set<string>();
  const redirects: string[] = [];
  let current = url;
  let wireBytes = 0;
  for (;;) {
    let parsed: URL;
    try {
      parsed = new URL(current);
    } catch {
      throw new FetchError(current, 'bad-url', 'not a valid URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FetchError(current, 'bad-url', `scheme ${parsed.protocol} is not fetched`);
    parsed.hash = '';
    current = parsed.href;
    if (seen.has(current)) throw new FetchError(url, 'redirect-loop', `redirect loop back to ${current}`);
    seen.add(current);
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    if (!allowPrivate && isIP(host) && isPrivateAddress(host)) throw new FetchError(current, 'private-address', `${host} is a private address`);

    const headers: Record<string, string> = {
      'user-agent': opts.userAgent ?? USER_AGENT,
      accept: opts.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-encoding': 'gzip, deflate, br',
      'accept-language': 'id,en;q=0.5',
    };
    // Validators belong to the URL they came from, not to wherever it redirects.
    if (redirects.length === 0 && opts.etag) headers['if-none-match'] = opts.etag;
    if (redirects.length === 0 && opts.lastModified) headers['if-modified-since'] = opts.lastModified;

    let res;
    try {
      res = await request(current, { method: 'GET', headers, dispatcher, signal });
    } catch (err) {
      throw classify(current, err, deadline);
    }
    const h = flattenHeaders(res.headers as Record<string, string | string[] | undefined>);
    if (REDIRECT.has(res.statusCode) && h.location && opts.followRedirects !== false) {
      await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
      if (redirects.length >= maxRedirects) throw new FetchError(url, 'too-many-redirects', `more than ${maxRedirects} redirects`);
      let next: string;
      try {
        next = new URL(h.location, current).href;
      } catch {
        throw new FetchError(current, 'bad-url', `bad Location header "${h.location}"`);
      }
      redirects.push(next);
      current = next;
      continue;
    }
    const declared = Number(h['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      res.body.destroy();
      throw new FetchError(current, 'too-large', `Content-Length ${declared} exceeds ${maxBytes} bytes`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) {
          res.body.destroy();
          throw new FetchError(current, 'too-large', `body larger than ${maxBytes} bytes`);
        }
        chunks.push(chunk as Buffer);
      }
    } catch (err) {
      res.body.destroy();
      throw classify(current, err, deadline);
    }
    wireBytes += size;
    const notModified = res.statusCode === 304;
    const bytes = notModified ? Buffer.alloc(0) : decodeBody(current, Buffer.concat(chunks), h['content-encoding'], maxDecoded);
    return { url, finalUrl: current, status: res.statusCode, headers: h, contentType: h['content-type'] ?? null, bytes, redirects, notModified, wireBytes };
  }
}
