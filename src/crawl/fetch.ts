/**
 * One GET, hardened against how real servers misbehave:
 *
 *  1. the URL must be http(s); every connection (each redirect hop) resolves the host and dials only an
 *     address the policy of src/crawl/address-policy.ts allows: public ones, loopback and the listed private
 *     ones with `allowPrivate`, never link-local or metadata addresses — so neither a public name nor a
 *     redirect can point us inside;
 *  2. connect, header, idle-body and whole-response timeouts (a slow drip trips the last one);
 *  3. the wire body is capped (`Content-Length` checked first, then counted), then gzip/deflate/brotli are
 *     decoded with an output cap, so a bomb stops at `maxDecodedBytes`;
 *  4. redirects are followed by hand: at most `maxRedirects`, a URL seen twice is a loop;
 *  5. conditional GET: `etag`/`lastModified` are sent as If-None-Match / If-Modified-Since; 304 is `notModified`.
 *
 * `fetchPage(url, { maxBytes })` keeps the shape `src/extract/document.ts` relies on.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { Agent, buildConnector, request } from 'undici';
import { checkAddress, isNonPublic, parseAddress, parsePolicy, type AddressPolicy } from './address-policy.ts';
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
  /** The body was cut at `truncateAt` bytes (the rest not read). */
  truncated?: boolean;
}

export interface FetchOptions {
  /** @default USER_AGENT */
  userAgent?: string;
  /** Largest body on the wire. @default MAX_BODY_BYTES */
  maxBytes?: number;
  /** Largest body after content decoding. @default max(maxBytes, MAX_DECODED_BYTES) */
  maxDecodedBytes?: number;
  /**
   * Opens loopback (true, "1") and, given a list ("10.1.2.3,fd00::/8"), those private addresses too; link-local
   * and metadata addresses stay closed (src/crawl/address-policy.ts). @default false, or env CAKUPAN_ALLOW_PRIVATE
   */
  allowPrivate?: boolean | string | AddressPolicy;
  /**
   * Dials an address the policy allowed (tests inject one that records the address instead of dialling it).
   * @default undici's connector
   */
  dial?: Dialer;
  /** Resolves a host name to its addresses (tests inject one). @default dns.lookup with all: true */
  resolve?: (hostname: string) => Promise<{ address: string; family: number }[]>;
  /** @default MAX_REDIRECTS */
  maxRedirects?: number;
  /**
   * Keep only the first this many bytes of the body and stop reading, instead of refusing a larger one
   * (robots.txt: RFC 9309 §2.5 says parse the first 500 KiB). @default none: a body over maxBytes is an error
   */
  truncateAt?: number;
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
    // A reason that names the URL already ("timed out after 30 s fetching <url>") is the whole message.
    super(reason.includes(url) ? reason : `${url}: ${reason}`);
    this.name = 'FetchError';
  }
}

/** True for every address that is not public (loopback, private, link-local, reserved…). */
export function isPrivateAddress(address: string): boolean {
  return isNonPublic(address);
}

/** What a connection needs: undici's connect options with `hostname` set to the address to dial. */
export type ConnectOptions = Parameters<ReturnType<typeof buildConnector>>[0];
/** Opens the socket to an allowed address; undici's connector signature. */
export type Dialer = (opts: ConnectOptions, callback: Parameters<ReturnType<typeof buildConnector>>[1]) => void;

const systemResolve = (hostname: string) => dnsLookup(hostname, { all: true, verbatim: true });

/** The error a refused address gives: classified as `private-address`. */
function privateError(message: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(message);
  e.code = 'EPRIVATE';
  return e;
}

/**
 * undici `connect` that resolves the host itself, keeps only the addresses the policy allows, and dials the
 * first (the TLS server name stays the host's). Runs for every new connection, so for every redirect hop.
 */
export function guardedConnector(policy: AddressPolicy, dial: Dialer, resolve = systemResolve): Dialer {
  return (opts, callback) => {
    const host = opts.hostname.replace(/^\[|\]$/g, '');
    const literal = parseAddress(host);
    const addresses: Promise<{ address: string; family: number }[]> = literal ? Promise.resolve([{ address: host, family: literal.family }]) : resolve(host);
    addresses.then(
      (list) => {
        const verdicts = list.map((a) => ({ a, v: checkAddress(a.address, policy) }));
        const ok = verdicts.find((x) => x.v.ok);
        if (!ok) {
          const why = verdicts.map((x) => (x.v.ok ? '' : x.v.reason)).filter(Boolean)[0] ?? `${host} resolves to no address`;
          return callback(literal ? privateError(why) : privateError(`${host} resolves only to addresses not fetched: ${why}`), null);
        }
        const address = ok.a.family === 6 ? `[${ok.a.address}]` : ok.a.address;
        dial({ ...opts, hostname: ok.a.address, host: opts.host ?? `${address}:${opts.port}`, servername: opts.servername ?? (literal ? undefined : host) } as ConnectOptions, callback);
      },
      (err: NodeJS.ErrnoException) => callback(err, null),
    );
  };
}

const agents = new Map<string, Agent>();
function agentFor(policy: AddressPolicy, connectTimeout: number, headersTimeout: number, bodyTimeout: number, dial?: Dialer, resolve?: FetchOptions['resolve']): Agent {
  // Injected dialers (tests) get their own agent: a pooled socket must never outlive the connector that made it.
  const key = dial || resolve ? null : `${JSON.stringify(policy)}|${connectTimeout}|${headersTimeout}|${bodyTimeout}`;
  let agent = key ? agents.get(key) : undefined;
  if (!agent) {
    agent = new Agent({
      connect: guardedConnector(policy, dial ?? buildConnector({ timeout: connectTimeout }), resolve) as never,
      headersTimeout,
      bodyTimeout,
      keepAliveTimeout: 10_000,
      // One socket per origin is all a polite crawler needs; more would only hold file descriptors.
      connections: 4,
    });
    agents.set(key ?? `injected ${agents.size} ${Math.random()}`, agent);
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

/** The timeouts of one fetch, for error messages in words. */
interface Timeouts {
  totalMs: number;
  connectMs: number;
  headersMs: number;
  bodyMs: number;
}

const secs = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

function classify(url: string, err: unknown, deadline: AbortSignal, t: Timeouts): FetchError {
  if (err instanceof FetchError) return err;
  const e = err as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = String(e?.code ?? e?.cause?.code ?? '');
  const msg = e?.message ?? String(err);
  // In words, never "timed out (23)" (23 is the DOMException code of an aborted signal).
  if (deadline.aborted || e?.name === 'TimeoutError') return new FetchError(url, 'timeout', `timed out after ${secs(t.totalMs)} fetching ${url} (whole-response deadline)`);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return new FetchError(url, 'timeout', `timed out after ${secs(t.connectMs)} connecting to ${url}`);
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return new FetchError(url, 'timeout', `timed out after ${secs(t.headersMs)} waiting for the response headers of ${url}`);
  if (code === 'UND_ERR_BODY_TIMEOUT') return new FetchError(url, 'timeout', `timed out: ${url} sent nothing for ${secs(t.bodyMs)} in the middle of its body`);
  if (/TIMEOUT/i.test(code)) return new FetchError(url, 'timeout', `timed out fetching ${url} (${code})`);
  if (code === 'EPRIVATE' || e?.cause?.code === 'EPRIVATE') return new FetchError(url, 'private-address', msg);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new FetchError(url, 'dns', `cannot resolve host (${code})`);
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') return new FetchError(url, 'too-large', 'body too large');
  return new FetchError(url, 'network', `${code ? code + ': ' : ''}${msg}`);
}

/** The address policy of a fetch: the option, else `CAKUPAN_ALLOW_PRIVATE` ("1" or a list of addresses/ranges). */
export function policyOf(allowPrivate: FetchOptions['allowPrivate']): AddressPolicy {
  if (typeof allowPrivate === 'object' && allowPrivate) return allowPrivate;
  if (allowPrivate !== undefined) return parsePolicy(allowPrivate);
  return parsePolicy(process.env.CAKUPAN_ALLOW_PRIVATE, 'CAKUPAN_ALLOW_PRIVATE');
}

/**
 * Fetches `url` with GET. Resolves for any HTTP status (the caller decides what a 404 means); rejects with
 * a FetchError for everything that gives no usable response.
 */
export async function fetchPage(url: string, opts: FetchOptions = {}): Promise<FetchedPage> {
  const maxBytes = opts.maxBytes ?? MAX_BODY_BYTES;
  const maxDecoded = opts.maxDecodedBytes ?? Math.max(maxBytes, MAX_DECODED_BYTES);
  const policy = policyOf(opts.allowPrivate);
  const maxRedirects = opts.maxRedirects ?? MAX_REDIRECTS;
  const dispatcher = agentFor(
    policy,
    opts.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    opts.headersTimeoutMs ?? HEADERS_TIMEOUT_MS,
    opts.bodyTimeoutMs ?? BODY_TIMEOUT_MS,
    opts.dial,
    opts.resolve,
  );
  const timeouts: Timeouts = {
    totalMs: opts.totalTimeoutMs ?? TOTAL_TIMEOUT_MS,
    connectMs: opts.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    headersMs: opts.headersTimeoutMs ?? HEADERS_TIMEOUT_MS,
    bodyMs: opts.bodyTimeoutMs ?? BODY_TIMEOUT_MS,
  };
  const deadline = AbortSignal.timeout(timeouts.totalMs);
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
    // A literal address is judged before any connection; names are judged on every connection (guardedConnector).
    if (parseAddress(host)) {
      const v = checkAddress(host, policy);
      if (!v.ok) throw new FetchError(current, 'private-address', v.reason);
    }

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
      throw classify(current, err, deadline, timeouts);
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
    // Truncation reads the start of a plain body and stops; a compressed one is read whole (up to maxBytes) and cut after decoding.
    const encoded = !!h['content-encoding'] && h['content-encoding'] !== 'identity';
    const truncateAt = opts.truncateAt !== undefined && !encoded ? opts.truncateAt : null;
    if (Number.isFinite(declared) && declared > maxBytes && truncateAt === null) {
      res.body.destroy();
      throw new FetchError(current, 'too-large', `Content-Length ${declared} exceeds ${maxBytes} bytes`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    try {
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        chunks.push(chunk as Buffer);
        if (truncateAt !== null && size >= truncateAt) {
          truncated = size > truncateAt || (Number.isFinite(declared) && declared > size);
          res.body.destroy();
          break;
        }
        if (size > maxBytes) {
          res.body.destroy();
          throw new FetchError(current, 'too-large', `body larger than ${maxBytes} bytes`);
        }
      }
    } catch (err) {
      res.body.destroy();
      throw classify(current, err, deadline, timeouts);
    }
    wireBytes += size;
    const notModified = res.statusCode === 304;
    let bytes = notModified ? Buffer.alloc(0) : decodeBody(current, Buffer.concat(chunks), h['content-encoding'], maxDecoded);
    if (opts.truncateAt !== undefined && bytes.length > opts.truncateAt) {
      bytes = bytes.subarray(0, opts.truncateAt);
      truncated = true;
    }
    return { url, finalUrl: current, status: res.statusCode, headers: h, contentType: h['content-type'] ?? null, bytes, redirects, notModified, wireBytes, truncated };
  }
}
