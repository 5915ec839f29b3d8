/**
 * The review web server (node:http, no framework: a dozen routes and three security checks).
 *
 * Every request passes, in order:
 *   1. Host check: on a loopback bind, the Host header must name loopback (a DNS-rebinding page
 *      from another site cannot talk to us through the reviewer's browser).
 *   2. Token check, when a token is set (required off loopback): `Authorization: Bearer T`, or the
 *      HttpOnly cookie that `/?token=T` sets once.
 *   3. For POST: a same-origin `Origin` (when the browser sends one) and the per-process CSRF token
 *      in the form (`csrf`) or the `X-CSRF-Token` header; a form larger than MAX_POST_BYTES is refused.
 * Pages go out with a strict Content-Security-Policy (no inline script at all), on top of escaping.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { html } from './html.ts';
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  MAX_POST_BYTES,
  MIN_TOKEN_CHARS,
  QUEUE_PAGE_SIZE,
  REVIEWER_COOKIE,
  TOKEN_COOKIE,
} from './config.ts';
import {
  CategoryEditForm,
  FactEditForm,
  QueueFilter,
  RejectReason,
  ReviewerName,
  fieldErrors,
  type ReviewFact,
  type WriteResult,
} from './model.ts';
import { FILTER_FIELD_PREFIX, auditPage, dashboardPage, factPage, filterQuery, layout, messagePage, queuePage, sortCoverage, type FactPageData, type PageContext } from './pages.ts';
import type { ItemRef, ReviewService } from './service.ts';

/** How to serve. */
export interface ServeOptions {
  /** @default "127.0.0.1" */
  host?: string;
  /** 0 picks a free port. @default 8737 */
  port?: number;
  /** Access token; required when `host` is not loopback. */
  token?: string | undefined;
  /** Reviewer name used until the page sets one. @default the OS user */
  reviewer: string;
}

/** A running server. */
export interface ReviewServer {
  server: Server;
  /** Base URL ("http://127.0.0.1:8737"). */
  url: string;
  /** The URL to open first: with `?token=` when a token is set. */
  openUrl: string;
  /** The CSRF token the pages embed (tests use it to build valid POSTs). */
  csrf: string;
  close(): Promise<void>;
}

/** True for 127.0.0.0/8, ::1 and "localhost". */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

const STATIC_DIR = new URL('./static/', import.meta.url);
const STATIC: Record<string, { type: string; body: Buffer }> = {
  '/static/review.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(new URL('review.js', STATIC_DIR)) },
  '/static/review.css': { type: 'text/css; charset=utf-8', body: readFileSync(new URL('review.css', STATIC_DIR)) },
};

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on our own form POSTs.
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    try {
      out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      // A cookie we did not set, badly encoded: ignore it.
    }
  }
  return out;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') throw new HttpError(415, `expected a form (application/x-www-form-urlencoded), got "${type || 'nothing'}"`);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_POST_BYTES) throw new HttpError(413, `form larger than ${MAX_POST_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_POST_BYTES) throw new HttpError(413, `form larger than ${MAX_POST_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/html; charset=utf-8', headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(303, { ...SECURITY_HEADERS, location, 'content-length': 0, ...headers });
  res.end();
}

/** Starts the review server; refuses a non-loopback bind without a token. */
export async function startReviewServer(service: ReviewService, opts: ServeOptions): Promise<ReviewServer> {
  const host = opts.host ?? DEFAULT_HOST;
  const token = opts.token;
  if (!isLoopback(host) && !token)
    throw new Error(`refusing to listen on ${host} without --token: the page changes the database, so off loopback it needs an access token`);
  if (token !== undefined && token.length < MIN_TOKEN_CHARS)
    throw new Error(`--token is too short (${token.length} characters): use at least ${MIN_TOKEN_CHARS}, e.g. $(openssl rand -hex 16)`);
  const csrf = randomBytes(24).toString('base64url');
  let port = opts.port ?? DEFAULT_PORT;
  const loopbackNames = () => new Set(['localhost', '127.0.0.1', '[::1]', host.toLowerCase()].map((h) => `${h}:${port}`));

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://review.invalid');
    const jar = cookies(req);
    // 1. Host check (DNS rebinding).
    if (isLoopback(host) && !loopbackNames().has((req.headers.host ?? '').toLowerCase()))
      throw new HttpError(421, `unexpected Host "${req.headers.host ?? ''}": this server answers to 127.0.0.1:${port} and localhost:${port} only`);
    // 2. Token.
    if (token) {
      const given = url.searchParams.get('token');
      if (given !== null && req.method === 'GET') {
        if (!sameSecret(given, token)) throw new HttpError(401, 'wrong access token');
        url.searchParams.delete('token');
        return redirect(res, url.pathname + url.search, {
          'set-cookie': `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
        });
      }
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const presented = bearer ?? jar[TOKEN_COOKIE];
      if (!presented || !sameSecret(presented, token))
        throw new HttpError(401, 'this review server needs its access token: open the URL it printed at start (…/?token=…)');
    }
    const reviewerCookie = ReviewerName.safeParse(jar[REVIEWER_COOKIE] ?? '');
    const reviewer = reviewerCookie.success ? reviewerCookie.data : opts.reviewer;
    const ctx: PageContext = { csrf, reviewer };
    const filter = QueueFilter.parse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== '')));
    ctx.filter = filter;

    if (req.method === 'GET' || req.method === 'HEAD') {
      const st = STATIC[url.pathname];
      if (st) return send(res, 200, st.body, st.type);
      ctx.notice = await noticeFrom(url.searchParams, service);
      return get(url, ctx, filter, res);
    }
    if (req.method !== 'POST') throw new HttpError(405, `${req.method} is not supported`);
    // 3. Origin + CSRF.
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== 'null' && origin !== `http://${req.headers.host}`)
      throw new HttpError(403, `cross-origin POST from ${origin} refused`);
    if (origin === 'null') throw new HttpError(403, 'POST from an opaque origin refused');
    const form = await readForm(req);
    const presented = form.get('csrf') ?? (req.headers['x-csrf-token'] as string | undefined) ?? '';
    if (!sameSecret(presented, csrf)) throw new HttpError(403, 'missing or wrong CSRF token: reload the page and try again');
    const postFilter = QueueFilter.parse(Object.fromEntries(['province', 'metric', 'site'].map((k) => [k, form.get(FILTER_FIELD_PREFIX + k) || undefined])));
    ctx.filter = postFilter;
    return post(url, form, ctx, postFilter, res);
  };

  async function get(url: URL, ctx: PageContext, filter: QueueFilter, res: ServerResponse): Promise<void> {
    const path = url.pathname;
    if (path === '/' || path === '') return redirect(res, '/queue');
    if (path === '/favicon.ico') return send(res, 204, '');
    if (path === '/queue') {
      const offset = Math.max(0, Math.floor(Number(url.searchParams.get('offset')) || 0));
      const size = await service.queueSize(filter);
      const [entries, choices] = await Promise.all([service.queueSlice(filter, offset, QUEUE_PAGE_SIZE, size), service.filterOptions()]);
      const opts = { ...choices, threshold: service.options.threshold, sampleRate: service.options.sampleRate };
      return send(res, 200, queuePage(ctx, filter, entries, size, opts, { offset, size: QUEUE_PAGE_SIZE }));
    }
    if (path === '/review') {
      const pos = Math.max(0, Math.floor(Number(url.searchParams.get('pos')) || 0));
      const size = await service.queueSize(filter);
      const total = size.total;
      const entry = await service.queueAt(filter, pos, size);
      if (!entry) {
        const body = total
          ? html`You reached the end of this queue view (${total} items left, some skipped). <a href="/review${filterQuery(filter, { pos: 0 })}" id="restart-link">Start again from the most doubtful</a> or <a href="/queue${filterQuery(filter)}" id="queue-link">see the queue</a>.`
          : html`Nothing left to review in this view. <a href="/dashboard">See the dashboard</a>.`;
        return send(res, 200, messagePage(ctx, total ? 'End of the queue' : 'Queue empty', body));
      }
      return send(res, 200, await renderFact(ctx, entry.fact, { pos, queueLength: total, filter, sampled: entry.sampled }));
    }
    const item = /^\/(fact|category)\/(\d+)$/.exec(path);
    if (item) {
      const ref: ItemRef = { kind: item[1] as ItemRef['kind'], id: Number(item[2]) };
      const f = await service.item(ref);
      if (!f) throw new HttpError(404, `no ${ref.kind} ${ref.id}`);
      return send(res, 200, await renderFact(ctx, f, { pos: null, queueLength: 0, filter, sampled: await service.isSampled(f) }));
    }
    if (path === '/audit') {
      const { entries, total } = await service.audit();
      return send(res, 200, auditPage(ctx, entries, total));
    }
    if (path === '/dashboard') {
      const key = url.searchParams.get('sort') ?? 'name';
      const dir = url.searchParams.get('dir') === 'desc' ? 'desc' : 'asc';
      const regionParam = url.searchParams.get('region');
      // One pass over the store's coverage_latest view for both tables (it ranks every live fact).
      const coverage = await service.coverage(['nasional', 'provinsi', 'kabupaten', 'kota']);
      // Default timeline: the region with figures from the most articles.
      const busiest = coverage.reduce<(typeof coverage)[number] | null>((best, r) => (!best || r.sources > best.sources ? r : best), null);
      const code = regionParam && /^\d{2}(\.\d{2})?$/.test(regionParam) ? regionParam : (busiest?.code ?? null);
      const [progress, timeline] = await Promise.all([service.progress(), code ? service.timeline(code) : null]);
      return send(
        res,
        200,
        dashboardPage(ctx, {
          progress,
          provinces: sortCoverage(coverage.filter((r) => r.level === 'provinsi' || r.level === 'nasional'), key, dir),
          kabkota: sortCoverage(coverage.filter((r) => r.level === 'kabupaten' || r.level === 'kota'), key, dir),
          sort: { key, dir },
          timeline,
          regions: coverage.map((r) => ({ code: r.code, name: r.name })).sort((a, b) => a.code.localeCompare(b.code)),
          threshold: service.options.threshold,
        }),
      );
    }
    throw new HttpError(404, `no page at ${path}`);
  }

  async function renderFact(ctx: PageContext, f: ReviewFact, nav: Pick<FactPageData, 'pos' | 'queueLength' | 'filter' | 'sampled'> & Partial<FactPageData>): Promise<string> {
    const [article, others, history] = await Promise.all([service.article(f.articleId), service.others(f), service.history(f)]);
    if (!article) throw new HttpError(500, `${f.kind} ${f.id} names article ${f.articleId}, which is not in the store`);
    return factPage(ctx, { fact: f, article, others, history, ...nav });
  }

  /** Where to go after an action: the same queue position (the item left the queue), or the item's page. */
  function after(form: URLSearchParams, filter: QueueFilter, ref: ItemRef, notice: string): string {
    const pos = form.get('pos');
    const n = { n: notice, item: `${ref.kind}:${ref.id}` };
    if (pos !== null && /^\d+$/.test(pos)) return `/review${filterQuery(filter, { pos: Number(pos), ...n })}`;
    return `/${ref.kind}/${ref.id}${filterQuery({}, n)}`;
  }

  async function post(url: URL, form: URLSearchParams, ctx: PageContext, filter: QueueFilter, res: ServerResponse): Promise<void> {
    const path = url.pathname;
    if (path === '/reviewer') {
      const name = ReviewerName.safeParse(form.get('name') ?? '');
      if (!name.success) throw new HttpError(422, `reviewer name: ${name.error.issues[0]!.message}`);
      return redirect(res, '/queue', { 'set-cookie': `${REVIEWER_COOKIE}=${encodeURIComponent(name.data)}; SameSite=Strict; Path=/; Max-Age=31536000` });
    }
    if (path === '/undo') {
      const r = await service.undo(ctx.reviewer);
      if (r.ok) {
        const ref = r.ref!;
        const pos = await service.queuePosition(filter, ref);
        const n = { n: 'undone', item: `${ref.kind}:${ref.id}` };
        return redirect(res, pos >= 0 ? `/review${filterQuery(filter, { pos, ...n })}` : `/${ref.kind}/${ref.id}${filterQuery({}, n)}`);
      }
      if (r.kind === 'nothing_to_undo') return send(res, 409, messagePage(ctx, 'Nothing to undo', `${ctx.reviewer} has no action left to undo.`, html`<a href="/queue" id="queue-link">back to the queue</a>`));
      if (r.kind === 'conflict') {
        ctx.notice = { kind: 'conflict', text: conflictText(r, 'Undo not applied') };
        return send(res, 409, await renderFact(ctx, r.current, { pos: null, queueLength: 0, filter, sampled: await service.isSampled(r.current) }));
      }
      throw new HttpError(404, 'the item of your last action is gone');
    }
    const add = /^\/article\/(\d+)\/add-fact$/.exec(path);
    if (add) {
      const values = Object.fromEntries(['value', 'region', 'metric', 'asOf', 'start', 'end'].map((k) => [k, form.get(k) ?? '']));
      const r = await service.addMissed(Number(add[1]), ctx.reviewer, values);
      if (r.ok) return redirect(res, `/fact/${r.fact.id}${filterQuery({}, { n: 'added', item: `fact:${r.fact.id}` })}`);
      if (r.kind === 'invalid')
        return send(
          res,
          422,
          messagePage(ctx, 'Fact not added', Object.entries(r.errors).map(([k, v]) => `${k === 'form' ? '' : k + ': '}${v}`).join('; '), html`Use the browser's back button to return to the article, or <a href="/queue" id="queue-link">go to the queue</a>.`),
        );
      throw new HttpError(404, `no article ${add[1]}`);
    }
    const m = /^\/(fact|category)\/(\d+)\/(accept|reject|correct)$/.exec(path);
    if (!m) throw new HttpError(404, `no action at ${path}`);
    const ref: ItemRef = { kind: m[1] as ItemRef['kind'], id: Number(m[2]) };
    const action = m[3] as 'accept' | 'reject' | 'correct';
    const version = Number(form.get('version'));
    if (!Number.isInteger(version) || version < 1) throw new HttpError(400, 'the form has no valid version: reload the page');
    const pos = form.get('pos');
    const nav = {
      pos: pos !== null && /^\d+$/.test(pos) ? Number(pos) : null,
      queueLength: 0,
      filter,
    };
    const current = async () => {
      const f = await service.item(ref);
      if (!f) throw new HttpError(404, `no ${ref.kind} ${ref.id}`);
      return f;
    };
    const queueLength = async () => (nav.pos === null ? 0 : (await service.queueSize(filter)).total);

    let result: WriteResult;
    if (action === 'accept') result = await service.accept(ref, version, ctx.reviewer);
    else if (action === 'reject') {
      const reason = RejectReason.safeParse(form.get('reason') ?? '');
      if (!reason.success) {
        const f = await current();
        ctx.notice = { kind: 'error', text: 'Not saved: a rejection needs a reason.' };
        return send(res, 422, await renderFact(ctx, f, { ...nav, queueLength: await queueLength(), sampled: await service.isSampled(f), rejectError: reason.error.issues[0]!.message }));
      }
      result = await service.reject(ref, version, ctx.reviewer, reason.data);
    } else {
      const values = Object.fromEntries(['value', 'region', 'metric', 'asOf', 'category'].map((k) => [k, form.get(k) ?? '']));
      const parsed = ref.kind === 'fact' ? FactEditForm.safeParse(values) : CategoryEditForm.safeParse(values);
      if (!parsed.success) {
        const f = await current();
        ctx.notice = { kind: 'error', text: 'Not saved: fix the fields marked in red.' };
        // Keep the typed values (with the version the reviewer started from) so nothing is lost.
        return send(res, 422, await renderFact(ctx, { ...f, version }, { ...nav, queueLength: await queueLength(), sampled: await service.isSampled(f), edit: { values, errors: fieldErrors(parsed.error) } }));
      }
      result = await service.correct(ref, version, ctx.reviewer, parsed.data);
    }
    if (result.ok) return redirect(res, after(form, filter, ref, { accept: 'accepted', reject: 'rejected', correct: 'corrected' }[action]));
    if (result.kind === 'conflict') {
      ctx.notice = { kind: 'conflict', text: conflictText(result, 'Not saved') };
      return send(res, 409, await renderFact(ctx, result.current, { ...nav, queueLength: await queueLength(), sampled: await service.isSampled(result.current) }));
    }
    if (result.kind === 'invalid') {
      const f = await current();
      ctx.notice = { kind: 'error', text: `Not saved: ${Object.values(result.errors).join('; ')}` };
      return send(res, 422, await renderFact(ctx, f, { ...nav, queueLength: await queueLength(), sampled: await service.isSampled(f) }));
    }
    throw new HttpError(404, `no ${ref.kind} ${ref.id}`);
  }

  const server = createServer((req, res) => {
    handler(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : (err as { code?: string }).code === 'SQLITE_BUSY' ? 503 : 500;
      const message = err instanceof Error ? err.message : String(err);
      if (status >= 500) process.stderr.write(`cakupan review: ${req.method} ${req.url}: ${message}\n`);
      if (res.headersSent) return res.destroy();
      const page = layout({ csrf: '', reviewer: '' }, '', `Error ${status}`, html`<h1>Error ${status}</h1><p class="notice error" id="error">${message}</p><p><a href="/queue">back to the queue</a></p>`);
      send(res, status, page);
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  if (addr && typeof addr === 'object') port = addr.port;
  const hostForUrl = isIP(host) === 6 ? `[${host}]` : host;
  const base = `http://${hostForUrl}:${port}`;
  return {
    server,
    url: base,
    openUrl: token ? `${base}/?token=${encodeURIComponent(token)}` : base,
    csrf,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The one-line notice after a redirect (`?n=accepted&item=fact:12`); built from the store, never from the query text. */
async function noticeFrom(params: URLSearchParams, service: ReviewService): Promise<PageContext['notice']> {
  const n = params.get('n');
  const item = /^(fact|category):(\d+)$/.exec(params.get('item') ?? '');
  const verbs: Record<string, string> = { accepted: 'Accepted', rejected: 'Rejected', corrected: 'Corrected', undone: 'Undone', added: 'Added' };
  if (!n || !verbs[n] || !item) return undefined;
  const f = await service.item({ kind: item[1] as ItemRef['kind'], id: Number(item[2]) });
  if (!f) return undefined;
  const what = f.kind === 'fact' ? `${f.metric} ${f.value}` : `category ${f.category}`;
  const text = n === 'undone' ? `Undone: ${f.region.name} ${what} is ${f.status} again.` : `${verbs[n]}: ${f.region.name} ${what}. Press u to undo.`;
  return { kind: 'ok', text };
}

function conflictText(r: Extract<WriteResult, { kind: 'conflict' }>, prefix: string): string {
  const by = r.by ? `${r.by.reviewer} (${r.by.action} at ${r.by.at.replace('T', ' ').slice(0, 19)} UTC)` : 'someone else';
  return `${prefix}: this item was changed by ${by} after you opened it. Its current state is shown below (now ${r.current.status}, version ${r.current.version}); review it again.`;
}
