/**
 * The review pages, rendered on the server with `html` (everything interpolated is escaped).
 * Each action is a plain form POST, so the page works without JavaScript; `static/review.js`
 * only binds keys to those forms.
 */
import { Category, Metric } from '../types.ts';
import { html, safeHref, type HtmlValue, type SafeHtml } from './html.ts';
import { evidenceContext } from './context.ts';
import { toUtf16Span } from '../store/offsets.ts';
import { pctBar, timelineChart, type TimelinePoint } from './chart.ts';
import type { ArticleInfo, AuditEntry, QueueFilter, ReviewFact } from './model.ts';

/** What every page needs: the CSRF token for its forms, who is reviewing, and an optional notice. */
export interface PageContext {
  csrf: string;
  reviewer: string;
  notice?: { kind: 'ok' | 'error' | 'conflict'; text: string } | undefined;
  /** The queue view the reviewer is in, so undo returns to it. */
  filter?: QueueFilter | undefined;
}

/** One row of the queue. */
export interface QueueEntry {
  fact: ReviewFact;
  /** Above the threshold, in the queue only as part of the precision sample. */
  sampled: boolean;
  site: string | null;
  title: string | null;
}

/** A figure for the same region from any article, beside the fact under review. */
export interface OtherFigure {
  id: number;
  metric: string;
  value: number;
  asOf: string | null;
  published: string | null;
  /** as_of, else published, else the page URL's date (facts_sourced). */
  effectiveDate?: string | null;
  dateSource?: string | null;
  status: string;
  confidence: number;
  source: string | null;
}

/** Latest figures of one region, for the coverage table. */
export interface CoverageRow {
  code: string;
  name: string;
  level: string;
  province: string | null;
  coverage_pct: number | null;
  coverage_as_of: string | null;
  coverage_status: string | null;
  active_pct: number | null;
  enrolled_count: number | null;
  population: number | null;
  sources: number;
  /** Newest UHC award tier and year ("Madya 2026"), when the region has one. */
  tier?: string | null;
}

/** Review progress for the dashboard. */
export interface Progress {
  byStatus: Record<string, number>;
  queueRemaining: number;
  queueTotal: number;
  sampleReviewed: number;
  sampleCorrect: number;
  reviewsToday: number;
  byReviewer: { reviewer: string; actions: number; last: string }[];
}

const METRIC_LABEL: Record<string, string> = {
  coverage_pct: 'coverage % (cakupan kepesertaan)',
  active_pct: 'active % (keaktifan)',
  enrolled_count: 'enrolled (peserta terdaftar)',
  active_count: 'active participants',
  population: 'population (penduduk)',
};

/** Formats a figure the way the gold corpus and the reviewers read it: 98.77, 1,607,143. */
export function formatValue(value: number | null, metric: string | null): string {
  if (value === null) return '—';
  if (metric && !metric.endsWith('_pct')) return value.toLocaleString('en');
  return String(value);
}

const badge = (text: string, cls: string = text): SafeHtml => html`<span class="badge ${cls}">${text}</span>`;

/** Query string of the queue filters (plus extra keys), for links that keep the reviewer's view. */
export function filterQuery(filter: QueueFilter, extra: Record<string, string | number> = {}): string {
  const p = new URLSearchParams();
  if (filter.province) p.set('province', filter.province);
  if (filter.metric) p.set('metric', filter.metric);
  if (filter.site) p.set('site', filter.site);
  for (const [k, v] of Object.entries(extra)) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Prefix of the queue filters inside POST forms: the edit form has its own `metric` field. */
export const FILTER_FIELD_PREFIX = 'queue_';

function hiddenFilters(filter: QueueFilter | undefined): SafeHtml {
  if (!filter) return html``;
  const p = FILTER_FIELD_PREFIX;
  return html`${filter.province ? html`<input type="hidden" name="${p}province" value="${filter.province}">` : ''}${filter.metric ? html`<input type="hidden" name="${p}metric" value="${filter.metric}">` : ''}${filter.site ? html`<input type="hidden" name="${p}site" value="${filter.site}">` : ''}`;
}

/** The frame of every page. */
export function layout(ctx: PageContext, here: string, title: string, body: HtmlValue): string {
  const nav = [
    ['queue', '/queue', 'Queue'],
    ['dashboard', '/dashboard', 'Dashboard'],
    ['audit', '/audit', 'Audit log'],
  ].map(([k, href, label]) => html`<a href="${href!}" class="${k === here ? 'here' : ''}">${label!}</a>`);
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${ctx.csrf}">
<title>${title} · cakupan review</title><link rel="stylesheet" href="/static/review.css"></head>
<body><header class="top"><span class="brand">cakupan review</span><nav>${nav}</nav>
<form id="undo-form" class="undo" method="post" action="/undo"><input type="hidden" name="csrf" value="${ctx.csrf}">${hiddenFilters(ctx.filter)}<button type="submit" title="undo your last action">↶ Undo <kbd>u</kbd></button></form>
<form class="who" method="post" action="/reviewer"><input type="hidden" name="csrf" value="${ctx.csrf}"><label for="reviewer-name">reviewer</label><input type="text" id="reviewer-name" name="name" value="${ctx.reviewer}" autocomplete="off"><button type="submit">set</button></form></header>
<main>${ctx.notice ? html`<p class="notice ${ctx.notice.kind}" id="notice" role="status">${ctx.notice.text}</p>` : ''}${body}</main>
<script src="/static/review.js" defer></script></body></html>`.value;
}

// ---- Queue ------------------------------------------------------------------------------------

/** The queue: most doubtful first, with the precision sample marked. */
export function queuePage(
  ctx: PageContext,
  filter: QueueFilter,
  shown: QueueEntry[],
  size: { total: number; sampled: number },
  options: { provinces: { code: string; name: string }[]; sites: string[]; threshold: number; sampleRate: number },
  page: { offset: number; size: number },
): string {
  const total = size.total;
  const rows = shown.map((e, i) => {
    const pos = page.offset + i;
    const f = e.fact;
    return html`<tr class="${e.sampled ? 'sampled' : ''}" data-id="${f.id}">
<td class="num">${pos + 1}</td><td class="num">${f.confidence.toFixed(2)}</td>
<td><a href="/review${filterQuery(filter, { pos })}">${f.region.name}</a> <span class="muted">${f.region.code}</span></td>
<td>${f.kind === 'category' ? 'category' : f.metric}</td>
<td class="num">${f.kind === 'category' ? f.category : formatValue(f.value, f.metric)}</td>
<td><span class="muted">${f.raw ?? f.evidence.text.slice(0, 60)}</span></td>
<td>${f.asOf ?? html`<span class="muted">—</span>`}</td>
<td>${e.site ?? ''}</td>
<td>${e.sampled ? badge('sample') : ''} ${f.flags.map((fl) => badge(fl, 'flag'))}</td></tr>`;
  });
  const opt = (value: string, label: string, current: string | undefined) =>
    html`<option value="${value}"${value === (current ?? '') ? html` selected` : ''}>${label}</option>`;
  const pager =
    total > page.size
      ? html`<p id="pager">${page.offset > 0 ? html`<a href="/queue${filterQuery(filter, { offset: Math.max(0, page.offset - page.size) })}">← previous</a> ` : ''}rows ${page.offset + 1}–${Math.min(total, page.offset + page.size)} of ${total}${page.offset + page.size < total ? html` <a href="/queue${filterQuery(filter, { offset: page.offset + page.size })}" id="next-page">next →</a>` : ''}</p>`
      : '';
  const body = html`<h1>Review queue <span class="muted">(${total} to review)</span></h1>
<p class="muted">Facts with confidence below ${options.threshold}, most doubtful first, plus a ${Math.round(options.sampleRate * 1000) / 10} % sample of the rest (${size.sampled} in this view) so precision is measured.
${total ? html`<a id="start-link" href="/review${filterQuery(filter, { pos: 0 })}">Start reviewing →</a> <span class="keys"><kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> opens</span>` : ''}</p>
<form class="filters" method="get" action="/queue">
<label>province<select name="province">${opt('', 'all', filter.province)}${options.provinces.map((p) => opt(p.code, `${p.name} (${p.code})`, filter.province))}</select></label>
<label>metric<select name="metric">${opt('', 'all', filter.metric)}${Metric.options.map((m) => opt(m, m, filter.metric))}</select></label>
<label>site<select name="site">${opt('', 'all', filter.site)}${options.sites.map((s) => opt(s, s, filter.site))}</select></label>
<button type="submit">filter</button></form>
${shown.length
  ? html`<div class="scroll"><table id="queue"><thead><tr><th class="num">#</th><th class="num">conf.</th><th>region</th><th>metric</th><th class="num">value</th><th>as written</th><th>as of</th><th>site</th><th></th></tr></thead><tbody>${rows}</tbody></table></div>${pager}`
  : html`<p class="notice ok" id="queue-empty">Nothing left to review in this view.</p>`}`;
  return layout(ctx, 'queue', 'Queue', body);
}

// ---- One fact ---------------------------------------------------------------------------------

/** Everything the fact view shows. */
export interface FactPageData {
  fact: ReviewFact;
  article: ArticleInfo;
  others: OtherFigure[];
  history: AuditEntry[];
  /** Position in the queue view, when reached through it. */
  pos: number | null;
  queueLength: number;
  filter: QueueFilter;
  sampled: boolean;
  /** Typed values and errors of a refused edit, shown in place. */
  edit?: { values: Record<string, string>; errors: Record<string, string> } | undefined;
  /** Reject reason refused (empty). */
  rejectError?: string | undefined;
}

const REJECT_PRESETS = [
  'target or threshold, not a measurement',
  'wrong region',
  'wrong metric',
  'wrong value',
  'not about JKN coverage',
  'duplicate of another fact',
  'sum or service area, not a region',
];

function field(name: string, label: string, control: SafeHtml, error: string | undefined): SafeHtml {
  return html`<div class="field ${error ? 'invalid' : ''}" data-field="${name}"><label for="edit-${name}">${label}</label>${control}${error ? html`<span class="error" id="error-${name}" role="alert">${error}</span>` : ''}</div>`;
}

/** The page of one fact: evidence in context, the values, the actions. */
export function factPage(ctx: PageContext, d: FactPageData): string {
  const { fact: f, article: a } = d;
  const ctxText = evidenceContext(a.text, f.evidence);
  const where = f.kind === 'category' ? `/category/${f.id}` : `/fact/${f.id}`;
  const common = html`<input type="hidden" name="csrf" value="${ctx.csrf}"><input type="hidden" name="version" value="${f.version}">${d.pos !== null ? html`<input type="hidden" name="pos" value="${d.pos}">` : ''}${hiddenFilters(d.filter)}`;

  const nav = d.pos !== null
    ? html`<p class="muted">Queue item <strong>${d.pos + 1}</strong> of ${d.queueLength}
${d.pos > 0 ? html`<a id="prev-link" href="/review${filterQuery(d.filter, { pos: d.pos - 1 })}">← previous (k)</a>` : ''}
<a id="skip-link" href="/review${filterQuery(d.filter, { pos: d.pos + 1 })}">skip → (s)</a>
<a id="queue-link" href="/queue${filterQuery(d.filter)}">queue (q)</a></p>`
    : html`<p class="muted"><a id="queue-link" href="/queue">queue (q)</a></p>`;

  const evidence =
    ctxText.located === 'missing'
      ? html`<div class="evidence" id="evidence"><mark>${f.evidence.text}</mark></div><p class="notice error">The evidence is not in the stored article text (article changed?).</p>`
      : html`<div class="evidence" id="evidence">${ctxText.clippedStart ? '… ' : ''}${ctxText.before}<mark>${ctxText.evidence}</mark>${ctxText.after}${ctxText.clippedEnd ? ' …' : ''}</div>${ctxText.located === 'search' ? html`<p class="muted">Offsets were stale; the evidence was found by its text.</p>` : ''}`;
  const whole =
    ctxText.located === 'missing'
      ? html`<div class="article-text" id="article-text">${a.text}</div>`
      : html`<div class="article-text" id="article-text">${articleWithMark(a.text, f.evidence, ctxText.located)}</div>`;

  const valueBlock =
    f.kind === 'category'
      ? html`<span class="value-pair"><span class="raw">${f.evidence.text.length > 80 ? f.evidence.text.slice(0, 80) + '…' : f.evidence.text}</span> → <strong id="value">${f.category}</strong></span>`
      : html`<span class="value-pair"><span class="raw" id="raw">${f.raw ?? '—'}</span> → <strong id="value">${formatValue(f.value, f.metric)}</strong></span>`;

  const e = d.edit;
  const ev = (k: string, dflt: string) => e?.values[k] ?? dflt;
  const err = (k: string) => e?.errors[k];
  const regionDefault = `${f.region.name} (${f.region.code})`;
  const editFields =
    f.kind === 'category'
      ? html`${field('region', 'region', html`<input type="text" id="edit-region" name="region" value="${ev('region', regionDefault)}" autocomplete="off">`, err('region'))}
${field('category', 'category', html`<select id="edit-category" name="category">${Category.options.map((c) => html`<option${c === ev('category', f.category ?? '') ? html` selected` : ''}>${c}</option>`)}</select>`, err('category'))}
${field('asOf', 'year', html`<input type="text" id="edit-asOf" name="asOf" value="${ev('asOf', f.asOf ?? '')}" placeholder="YYYY" autocomplete="off">`, err('asOf'))}`
      : html`${field('value', 'value', html`<input type="text" id="edit-value" name="value" value="${ev('value', f.value === null ? '' : String(f.value))}" inputmode="decimal" autocomplete="off">`, err('value'))}
${field('region', 'region', html`<input type="text" id="edit-region" name="region" value="${ev('region', regionDefault)}" autocomplete="off">`, err('region'))}
${field('metric', 'metric', html`<select id="edit-metric" name="metric">${Metric.options.map((m) => html`<option value="${m}"${m === ev('metric', f.metric ?? '') ? html` selected` : ''}>${m}</option>`)}</select>`, err('metric'))}
${field('asOf', 'as of', html`<input type="text" id="edit-asOf" name="asOf" value="${ev('asOf', f.asOf ?? '')}" placeholder="YYYY, YYYY-MM or YYYY-MM-DD; empty: undated" autocomplete="off">`, err('asOf'))}`;

  const actions = html`<div class="actions">
<form id="accept-form" method="post" action="${where}/accept">${common}<button type="submit" class="primary">Accept <kbd>a</kbd></button></form>
</div>
<details class="panel" id="reject-panel"${d.rejectError ? html` open` : ''}><summary>Reject <kbd>r</kbd></summary>
<form id="reject-form" method="post" action="${where}/reject">${common}
<div class="field ${d.rejectError ? 'invalid' : ''}"><label for="reject-reason">why</label><input type="text" id="reject-reason" name="reason" list="reject-reasons" placeholder="type, or ↓ for common reasons" autocomplete="off">${d.rejectError ? html`<span class="error" id="error-reason" role="alert">${d.rejectError}</span>` : ''}</div>
<datalist id="reject-reasons">${REJECT_PRESETS.map((r) => html`<option value="${r}"></option>`)}</datalist>
<button type="submit" class="danger">Reject</button></form></details>
<details class="panel" id="edit-panel"${e ? html` open` : ''}><summary>Edit <kbd>e</kbd></summary>
<form id="edit-form" method="post" action="${where}/correct" novalidate>${common}${editFields}
${err('form') ? html`<p class="notice error">${err('form')}</p>` : ''}
<button type="submit" class="primary">Save correction</button> <span class="muted">Enter saves, Esc closes</span></form></details>
${addMissedPanel(ctx, a, f)}`;

  const others = d.others.length
    ? html`<div class="scroll"><table id="others"><thead><tr><th>metric</th><th class="num">value</th><th>as of</th><th>published</th><th>date used</th><th>status</th><th class="num">conf.</th><th>source</th></tr></thead><tbody>${d.others.map(
        (o) => html`<tr><td>${o.metric}</td><td class="num"><a href="/fact/${o.id}">${formatValue(o.value, o.metric)}</a></td><td>${o.asOf ?? '—'}</td><td>${o.published ?? '—'}</td><td>${o.effectiveDate ? html`${o.effectiveDate} <span class="muted">${o.dateSource ?? ''}</span>` : '—'}</td><td>${badge(o.status)}</td><td class="num">${o.confidence.toFixed(2)}</td><td>${o.source ? html`<a href="${safeHref(o.source)}" rel="noopener noreferrer">${hostOf(o.source)}</a>` : ''}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="muted">No other figure for ${f.region.name}.</p>`;

  const body = html`${nav}
<h1>${f.region.name} · ${f.kind === 'category' ? 'UHC category' : METRIC_LABEL[f.metric ?? ''] ?? f.metric} ${badge(f.status)} ${d.sampled ? badge('sample') : ''}</h1>
<div class="fact-grid"><section>
<h2>Evidence in context</h2>${evidence}
<p class="muted">${a.title ? html`<strong>${a.title}</strong> · ` : ''}${a.url ? html`<a href="${safeHref(a.url)}" rel="noopener noreferrer" id="source-link">${a.site ?? a.url}</a>` : 'no URL'}${a.published ? ` · published ${a.published}` : ''}</p>
<details id="whole-article"><summary>Whole article (${a.text.length.toLocaleString('en')} characters) — select words and press <kbd>n</kbd> to add a missed fact</summary>${whole}</details>
<h2>Other figures for ${f.region.name}</h2>${others}
</section><section>
<dl class="facts">
<dt>value</dt><dd>${valueBlock}</dd>
<dt>region</dt><dd id="region">${f.region.name} <span class="muted">${f.region.code} · ${f.region.level}</span></dd>
${f.kind === 'fact' ? html`<dt>metric</dt><dd id="metric">${f.metric}</dd>` : ''}
<dt>${f.kind === 'category' ? 'year' : 'as of'}</dt><dd id="as-of">${f.asOf ?? html`<span class="muted">undated</span>`}</dd>
<dt>confidence</dt><dd id="confidence"><strong>${f.confidence.toFixed(2)}</strong> ${f.reasons.map((r) => badge(r, 'reason'))}</dd>
<dt>flags</dt><dd id="flags">${f.flags.length ? f.flags.map((fl) => badge(fl, 'flag')) : html`<span class="muted">none</span>`}</dd>
${f.note ? html`<dt>note</dt><dd id="note">${f.note}</dd>` : ''}
<dt>version</dt><dd class="muted">${f.version}</dd>
</dl>
${actions}
<p class="keys"><kbd>a</kbd> accept · <kbd>r</kbd> reject · <kbd>e</kbd> edit · <kbd>n</kbd> add a missed fact (select its words in the article first) · <kbd>s</kbd> skip · <kbd>k</kbd> previous · <kbd>u</kbd> undo · <kbd>q</kbd> queue · <kbd>?</kbd> help</p>
<h2>History</h2>${historyTable(d.history, false)}
</section></div>
<div id="keys-help" hidden><strong>Keys</strong><br><kbd>a</kbd> accept and go to the next fact<br><kbd>r</kbd> reject (type or pick a reason, Enter)<br><kbd>e</kbd> edit value, region, metric, as-of (Enter saves)<br><kbd>s</kbd>/<kbd>j</kbd> skip, <kbd>k</kbd> previous<br><kbd>n</kbd> add a fact the extractor missed: select its words in the article, press n<br><kbd>u</kbd> undo your last action<br><kbd>Esc</kbd> close a panel</div>`;
  return layout(ctx, 'queue', `${f.region.name} ${f.metric ?? f.category ?? ''}`, body);
}

/**
 * The form behind `n`: a fact the extractor missed, from the words the reviewer selected in the whole article
 * (static/review.js fills the offsets and prefills value, metric and as-of from the selection where they parse).
 */
function addMissedPanel(ctx: PageContext, a: ArticleInfo, f: ReviewFact): SafeHtml {
  return html`<details class="panel" id="add-panel"><summary>Add a missed fact <kbd>n</kbd></summary>
<form id="add-form" method="post" action="/article/${a.id}/add-fact" novalidate><input type="hidden" name="csrf" value="${ctx.csrf}">
<input type="hidden" name="start" id="add-start" value=""><input type="hidden" name="end" id="add-end" value="">
<p class="muted" id="add-selection">Select the words that give the figure in the whole article, then press <kbd>n</kbd>.</p>
${field('value', 'value', html`<input type="text" id="add-value" name="value" value="" inputmode="decimal" autocomplete="off">`, undefined)}
${field('region', 'region', html`<input type="text" id="add-region" name="region" value="${f.region.name} (${f.region.code})" autocomplete="off">`, undefined)}
${field('metric', 'metric', html`<select id="add-metric" name="metric">${Metric.options.map((m) => html`<option value="${m}"${m === (f.metric ?? 'coverage_pct') ? html` selected` : ''}>${m}</option>`)}</select>`, undefined)}
${field('asOf', 'as of', html`<input type="text" id="add-asOf" name="asOf" value="" placeholder="YYYY, YYYY-MM or YYYY-MM-DD; empty: undated" autocomplete="off">`, undefined)}
<button type="submit" class="primary">Add fact</button> <span class="muted">recorded as your review (action add); Esc closes</span></form></details>`;
}

function articleWithMark(text: string, ev: { start: number; end: number; text: string }, located: string): SafeHtml {
  // Stored offsets count code points (src/store/offsets.ts); `slice` counts UTF-16 units.
  let { start, end } = toUtf16Span(text, ev);
  if (located === 'search') {
    start = text.indexOf(ev.text);
    end = start + ev.text.length;
  }
  return html`${text.slice(0, start)}<mark>${text.slice(start, end)}</mark>${text.slice(end)}`;
}

/** "https://kalsel.antaranews.com/x" -> "kalsel.antaranews.com". */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** "2026-11-23T11:35:54.749Z" -> "2026-11-23 11:35:54" (UTC). */
function shortTime(iso: string): string {
  return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '');
}

/** Short text of an audit `before`/`after` state. */
function stateText(s: unknown): string {
  if (!s || typeof s !== 'object') return '—';
  const o = s as Record<string, unknown>;
  const parts = [o.status, o.regionCode, o.metric ?? o.category, o.value, o.asOf].filter((x) => x !== null && x !== undefined && x !== '');
  return parts.join(' · ');
}

function historyTable(entries: AuditEntry[], withFact: boolean): SafeHtml {
  if (!entries.length) return html`<p class="muted">No review yet.</p>`;
  return html`<table class="audit"><thead><tr><th>time (UTC)</th><th>reviewer</th>${withFact ? html`<th>fact</th>` : ''}<th>action</th><th>before</th><th>after</th><th>reason</th></tr></thead><tbody>${entries.map(
    (e) => html`<tr data-action="${e.action}"><td>${shortTime(e.at)}</td><td>${e.reviewer}</td>${withFact ? html`<td><a href="/${e.kind}/${e.factId}">${e.kind === 'category' ? 'category' : 'fact'} ${e.factId}</a></td>` : ''}<td>${e.action}</td><td class="muted">${stateText(e.before)}</td><td>${stateText(e.after)}</td><td>${e.reason ?? ''}</td></tr>`,
  )}</tbody></table>`;
}

/** The append-only audit log. */
export function auditPage(ctx: PageContext, entries: AuditEntry[], total: number): string {
  return layout(ctx, 'audit', 'Audit log', html`<h1>Audit log <span class="muted">(${total} actions, newest first)</span></h1>
<p class="muted">Append-only: an undo is a new row that restores the state before the undone action.</p>
<div id="audit">${historyTable(entries, true)}</div>`);
}

/** A page with only a message (errors, empty queue end). */
export function messagePage(ctx: PageContext, title: string, text: HtmlValue, links: HtmlValue = ''): string {
  return layout(ctx, '', title, html`<h1>${title}</h1><p>${text}</p>${links}`);
}

// ---- Dashboard --------------------------------------------------------------------------------

const COVERAGE_COLUMNS: [keyof CoverageRow, string, boolean][] = [
  ['name', 'region', false],
  ['coverage_pct', 'coverage %', true],
  ['coverage_as_of', 'as of', false],
  ['active_pct', 'active %', true],
  ['enrolled_count', 'enrolled', true],
  ['population', 'population', true],
  ['tier', 'UHC tier', false],
  ['sources', 'articles', true],
];

/** Sorts coverage rows by a column; nulls last whatever the direction. */
export function sortCoverage(rows: CoverageRow[], key: string, dir: 'asc' | 'desc'): CoverageRow[] {
  const col = COVERAGE_COLUMNS.find(([k]) => k === key)?.[0] ?? 'name';
  const sign = dir === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a[col];
    const y = b[col];
    if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
    if (y === null || y === undefined) return -1;
    return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * sign;
  });
}

/** Dashboard inputs. */
export interface DashboardData {
  progress: Progress;
  provinces: CoverageRow[];
  kabkota: CoverageRow[];
  sort: { key: string; dir: 'asc' | 'desc' };
  timeline: { code: string; name: string; points: TimelinePoint[] } | null;
  regions: { code: string; name: string }[];
  threshold: number;
}

function coverageTable(id: string, rows: CoverageRow[], sort: DashboardData['sort'], timelineCode: string | null): SafeHtml {
  const head = COVERAGE_COLUMNS.map(([k, label, numeric]) => {
    const dir = sort.key === k && sort.dir === 'asc' ? 'desc' : 'asc';
    const arrow = sort.key === k ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : '';
    const q = new URLSearchParams({ sort: k, dir });
    if (timelineCode) q.set('region', timelineCode);
    return html`<th class="${numeric ? 'num' : ''}"><a href="/dashboard?${q.toString()}#${id}">${label}${arrow}</a></th>`;
  });
  const body = rows.map(
    (r) => html`<tr><td class="region"><a href="/dashboard?region=${r.code}&sort=${sort.key}&dir=${sort.dir}#timeline">${r.name}</a> <span class="muted">${r.code}</span></td><td class="num nowrap">${r.coverage_pct ?? '—'} ${pctBar(r.coverage_pct)}</td><td class="nowrap">${r.coverage_as_of ?? ''}</td><td class="num">${r.active_pct ?? '—'}</td><td class="num">${formatValue(r.enrolled_count, 'enrolled_count')}</td><td class="num">${formatValue(r.population, 'population')}</td><td class="tier">${r.tier ?? ''}</td><td class="num">${r.sources}</td></tr>`,
  );
  return html`<div class="scroll"><table id="${id}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** The dashboard: review progress, latest coverage per province and kabupaten/kota, a region's timeline. */
export function dashboardPage(ctx: PageContext, d: DashboardData): string {
  const p = d.progress;
  const reviewed = (p.byStatus.accepted ?? 0) + (p.byStatus.corrected ?? 0) + (p.byStatus.rejected ?? 0);
  const total = Object.entries(p.byStatus).filter(([s]) => s !== 'retired').reduce((n, [, c]) => n + c, 0);
  const precision = p.sampleReviewed ? `${((100 * p.sampleCorrect) / p.sampleReviewed).toFixed(1)} %` : '—';
  const cards = html`<div class="cards" id="progress">
<div class="card"><div class="big">${reviewed} / ${total}</div>items reviewed (facts and categories)<br>${Object.entries(p.byStatus).map(([s, n]) => html`${badge(s)} ${n} `)}</div>
<div class="card"><div class="big">${p.queueRemaining}</div>left in the queue (of ${p.queueTotal})</div>
<div class="card"><div class="big">${precision}</div>precision of high-confidence facts (${p.sampleCorrect}/${p.sampleReviewed} sampled correct)</div>
<div class="card"><div class="big">${p.reviewsToday}</div>actions today</div></div>`;
  const reviewers = p.byReviewer.length
    ? html`<table><thead><tr><th>reviewer</th><th class="num">actions</th><th>last</th></tr></thead><tbody>${p.byReviewer.map((r) => html`<tr><td>${r.reviewer}</td><td class="num">${r.actions}</td><td>${shortTime(r.last)}</td></tr>`)}</tbody></table>`
    : html`<p class="muted">No review yet.</p>`;
  const tl = d.timeline;
  const picker = html`<form method="get" action="/dashboard#timeline"><input type="hidden" name="sort" value="${d.sort.key}"><input type="hidden" name="dir" value="${d.sort.dir}"><select id="timeline-region" name="region">${d.regions.map((r) => html`<option value="${r.code}"${tl && tl.code === r.code ? html` selected` : ''}>${r.name} (${r.code})</option>`)}</select> <button type="submit">show</button></form>`;
  const points = tl && tl.points.length
    ? html`<details><summary>${tl.points.length} dated figures</summary><table><thead><tr><th>date</th><th>metric</th><th class="num">value</th><th>status</th></tr></thead><tbody>${tl.points.map((pt) => html`<tr><td>${pt.date}${pt.datedByPublication ? html` <span class="muted">(published)</span>` : ''}</td><td>${pt.metric}</td><td class="num">${formatValue(pt.value, pt.metric)}</td><td>${badge(pt.status)}</td></tr>`)}</tbody></table></details>`
    : '';
  const body = html`<h1>Dashboard</h1>${cards}
<div class="two-col"><section id="timeline"><h2>Timeline${tl ? html`: ${tl.name}` : ''}</h2>${picker}${tl ? timelineChart(tl.points, tl.name) : html`<p class="muted">No region with figures yet.</p>`}${points}</section>
<section><h2>Reviewers</h2>${reviewers}
<p class="muted">Latest figure per region and metric: a reviewer's correction first, then an acceptance, then the most confident extraction; newest date first (as-of, else the publication date). Click a region for its timeline, a header to sort.</p></section></div>
<h2>Coverage per province (latest)</h2>${coverageTable('provinces', d.provinces, d.sort, tl?.code ?? null)}
<h2>Coverage per kabupaten/kota (latest)</h2>${coverageTable('kabkota', d.kabkota, d.sort, tl?.code ?? null)}`;
  return layout(ctx, 'dashboard', 'Dashboard', body);
}
