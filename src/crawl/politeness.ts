/**
 * Per-host politeness. Each host has a p-queue (one request in flight by default) and a gate: a request may
 * start only when
 *
 *     now >= max(lastStart + delay, backoffUntil)        delay = max(Crawl-delay, configured floor)
 *
 * so two request starts on one host are never closer than its delay (the figure `crawl-report` checks).
 * A 429/503 with Retry-After pushes `backoffUntil` to what the server asked; other 5xx and network errors
 * back off exponentially with jitter. A host whose wait would exceed `maxDelayMs` (a Crawl-delay of an
 * hour, Retry-After: 86400, a 500 storm) is deferred — left for a later run, never hurried.
 */
import PQueue from 'p-queue';
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, HOST_CONCURRENCY, MAX_HOST_DELAY_MS, MAX_HOST_FAILURES, MAX_RETRY_AFTER_MS } from './config.ts';
import type { HostState } from '../store/crawl-store.ts';

/** Thrown by `HostGate.run` when the host must wait longer than this run is willing to. */
export class HostDeferred extends Error {
  constructor(
    readonly host: string,
    readonly until: number,
    readonly reason: string,
  ) {
    super(`${host}: deferred (${reason})`);
    this.name = 'HostDeferred';
  }
}

/** What the gate knows when a request starts: logged with the request. */
export interface SlotInfo {
  startedAt: number;
  /** The host delay in force for this request. */
  delayMs: number;
  /** How long the request waited at the gate. */
  waitedMs: number;
}

/** The politeness state of one host that outlives a run (persisted in `crawl_hosts`). */
export type { HostState };

export interface HostGateOptions {
  /** @default HOST_CONCURRENCY */
  concurrency?: number;
  /** Configured floor between requests, ms. */
  floorMs: number;
  /** @default MAX_HOST_DELAY_MS */
  maxDelayMs?: number;
  /** @default BACKOFF_BASE_MS */
  backoffBaseMs?: number;
  /** @default BACKOFF_MAX_MS */
  backoffMaxMs?: number;
  /** @default MAX_HOST_FAILURES */
  maxFailures?: number;
  /** Longest wait a Retry-After may impose. @default MAX_RETRY_AFTER_MS */
  maxRetryAfterMs?: number;
  /** Politeness state from an earlier run. */
  state?: Partial<HostState>;
  random?: () => number;
  /**
   * Called with the planned start as soon as a request's slot is reserved, and awaited before it starts: a
   * worker writes the host's clock to the shared database here while the gate waits out the delay. The start
   * is stamped after both, so the time it takes never shortens a gap. A throw cancels the request.
   */
  beforeStart?: (plannedStart: number) => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Parses Retry-After (delta-seconds or HTTP-date) into ms from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isFinite(t) ? Math.max(0, t - now) : null;
}

export class HostGate {
  readonly host: string;
  readonly queue: PQueue;
  /** Current delay between request starts: max(Crawl-delay, floor). */
  delayMs: number;
  lastStartAt: number;
  backoffUntil: number;
  failures: number;
  deferred: HostDeferred | null = null;
  private readonly opts: Required<Omit<HostGateOptions, 'state' | 'concurrency' | 'beforeStart'>>;
  private readonly beforeStart: ((plannedStart: number) => Promise<void>) | undefined;

  constructor(host: string, opts: HostGateOptions) {
    this.host = host;
    this.beforeStart = opts.beforeStart;
    this.opts = {
      floorMs: opts.floorMs,
      maxDelayMs: opts.maxDelayMs ?? MAX_HOST_DELAY_MS,
      backoffBaseMs: opts.backoffBaseMs ?? BACKOFF_BASE_MS,
      backoffMaxMs: opts.backoffMaxMs ?? BACKOFF_MAX_MS,
      maxFailures: opts.maxFailures ?? MAX_HOST_FAILURES,
      maxRetryAfterMs: opts.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS,
      random: opts.random ?? Math.random,
    };
    this.queue = new PQueue({ concurrency: opts.concurrency ?? HOST_CONCURRENCY });
    this.delayMs = opts.floorMs;
    this.lastStartAt = opts.state?.lastStartAt ?? 0;
    // A deferral stored before the cap (or with a clock far ahead) is held to it too.
    this.backoffUntil = Math.min(opts.state?.backoffUntil ?? 0, Date.now() + this.opts.maxRetryAfterMs);
    this.failures = opts.state?.failures ?? 0;
  }

  /** Applies robots.txt's Crawl-delay (never below the floor); a delay beyond the maximum defers the host. */
  setCrawlDelay(crawlDelayMs: number | null): void {
    this.delayMs = Math.max(this.opts.floorMs, crawlDelayMs ?? 0);
    if (this.delayMs > this.opts.maxDelayMs) this.defer(Date.now() + this.delayMs, `Crawl-delay ${this.delayMs / 1000} s exceeds ${this.opts.maxDelayMs / 1000} s`);
  }

  defer(until: number, reason: string): HostDeferred {
    this.deferred ??= new HostDeferred(this.host, until, reason);
    return this.deferred;
  }

  state(): HostState {
    return { host: this.host, lastStartAt: this.lastStartAt, backoffUntil: this.backoffUntil, failures: this.failures };
  }

  /** Runs `fn` in the host's queue once the gate opens. Rejects with HostDeferred instead of waiting too long. */
  run<T>(fn: (slot: SlotInfo) => Promise<T>): Promise<T> {
    return this.queue.add(async () => {
      if (this.deferred) throw this.deferred;
      const queuedAt = Date.now();
      let earliest = Math.max(this.lastStartAt + this.delayMs, this.backoffUntil);
      if (earliest - queuedAt > this.opts.maxDelayMs) throw this.defer(earliest, `next request allowed only in ${Math.round((earliest - queuedAt) / 1000)} s`);
      // Reserve the slot before sleeping, so a second worker (concurrency > 1) queues behind it.
      const delayMs = this.delayMs;
      this.lastStartAt = Math.max(earliest, queuedAt);
      // Started now, awaited after the wait: its round trip overlaps the delay instead of adding to it.
      const before = this.beforeStart?.(this.lastStartAt);
      before?.catch(() => undefined);
      for (let now = Date.now(); now < earliest; now = Date.now()) {
        await sleep(earliest - now);
        // A Retry-After from a concurrent request may have pushed the gate while we slept.
        earliest = Math.max(earliest, this.backoffUntil);
      }
      if (this.deferred) throw this.deferred;
      await before;
      const startedAt = Date.now();
      this.lastStartAt = startedAt;
      return fn({ startedAt, delayMs, waitedMs: startedAt - queuedAt });
    }) as Promise<T>;
  }

  /** Records the outcome of a response: resets or grows the backoff, honours Retry-After. */
  onResponse(status: number, retryAfter?: string): void {
    const now = Date.now();
    if (status === 429 || status === 503) {
      const askedRaw = parseRetryAfter(retryAfter, now);
      if (askedRaw !== null) {
        const asked = Math.min(askedRaw, this.opts.maxRetryAfterMs);
        const capped = askedRaw > asked ? `, capped at ${Math.round(asked / 1000)} s (MAX_RETRY_AFTER_MS)` : '';
        this.failures++;
        this.backoffUntil = Math.max(this.backoffUntil, now + asked);
        if (asked > this.opts.maxDelayMs) this.defer(now + asked, `Retry-After ${Math.round(askedRaw / 1000)} s${capped}`);
        else if (this.failures >= this.opts.maxFailures) this.defer(now + asked, `${this.failures} refusals in a row`);
        return;
      }
    }
    if (status >= 500 || status === 429) return this.onFailure(`HTTP ${status}`);
    this.failures = 0;
  }

  /** A 5xx or network error: exponential backoff with equal jitter; too many in a row defers the host. */
  onFailure(reason: string): void {
    this.failures++;
    const full = Math.min(this.opts.backoffMaxMs, this.opts.backoffBaseMs * 2 ** (this.failures - 1));
    const wait = Math.round(full / 2 + this.opts.random() * (full / 2));
    this.backoffUntil = Math.max(this.backoffUntil, Date.now() + wait);
    if (this.failures >= this.opts.maxFailures) this.defer(this.backoffUntil, `${this.failures} failures in a row (last: ${reason})`);
  }
}
