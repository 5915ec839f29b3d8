/**
 * Every knob of the review stage: name, default, one-line reason. CLI flags override them for one run.
 */

// ---- The queue --------------------------------------------------------------------------------
/** Facts below this confidence go to the queue: one threshold for the whole project, set beside the confidence weights. @default 0.9 */
export { REVIEW_THRESHOLD } from '../extract/confidence.ts';
/** Share of facts at or above the threshold also queued, so precision is measured, not assumed. @default 0.05 */
export const SAMPLE_RATE = 0.05;
/** Seed of the deterministic sample: the same facts stay sampled across page loads and reviewers. @default 1 */
export const SAMPLE_SEED = 1;
/** Queue rows listed on one page: a reviewer scans a screen, not a thousand rows. @default 50 */
export const QUEUE_PAGE_SIZE = 50;

// ---- The fact view ----------------------------------------------------------------------------
/** Sentences shown before and after the one holding the evidence: enough for "Dari jumlah tersebut, …". @default 2 */
export const CONTEXT_SENTENCES = 2;
/** Other figures for the same region listed beside a fact. @default 30 */
export const MAX_OTHER_FIGURES = 30;
/** Audit rows on the audit page. @default 200 */
export const AUDIT_PAGE_SIZE = 200;

// ---- Edits ------------------------------------------------------------------------------------
/** Largest percentage a correction may set: reports above 100 are real ("101,89 persen"), above 150 is a typo. @default 150 */
export const MAX_PERCENT = 150;
/** Largest count a correction may set: Indonesia has about 285 million people; more is a typo. @default 400 million */
export const MAX_COUNT = 400_000_000;
/** Longest reject reason / reviewer note kept: a sentence, not an essay. @default 500 */
export const MAX_REASON_CHARS = 500;

// ---- The server -------------------------------------------------------------------------------
/** Loopback only by default: the page changes the database, so it is not offered to the network unasked. */
export const DEFAULT_HOST = '127.0.0.1';
/** A port that no common dev server uses. @default 8737 */
export const DEFAULT_PORT = 8737;
/** Largest POST body read: a form of a few fields; anything bigger is refused before parsing. @default 64 KiB */
export const MAX_POST_BYTES = 64 * 1024;
/** Shortest access token accepted for a non-loopback bind: 128 bits of hex or base64. @default 16 */
export const MIN_TOKEN_CHARS = 16;
/** Cookie holding the access token after `/?token=…` (HttpOnly, SameSite=Strict). */
export const TOKEN_COOKIE = 'cakupan_token';
/** Cookie holding the reviewer's name, so the audit log says who. */
export const REVIEWER_COOKIE = 'cakupan_reviewer';
