/**
 * Every knob of the text stage: a name, a default and the reason for it. Word lists and patterns live in
 * `data/text-boilerplate.json` and `data/text-vocabulary.json`; per-site selectors in `data/site-profiles.json`.
 */

/** Bytes scanned for a `<meta charset>`: the HTML standard prescans 1024; real pages put it later. @default 4096 */
export const META_PRESCAN_BYTES = 4096;

/** Bytes handed to chardet: enough text to tell code pages apart, cheap on a 20 MB page. @default 65536 */
export const DETECT_SAMPLE_BYTES = 65536;

/** Largest input the stage accepts; the CLI has the same limit. A bigger "article" is a mistake, not news. @default 20 MiB */
export const MAX_HTML_BYTES = 20 * 1024 * 1024;

/** A site profile's body must give at least this many characters, else the generic scorer runs. @default 150 */
export const PROFILE_MIN_CHARS = 150;

/** The generic scorer's body must give at least this many characters, else the whole-body baseline wins. @default 120 */
export const SCORER_MIN_CHARS = 120;

/** A block shorter than this adds nothing to its container's score (Readability uses 25). @default 25 */
export const MIN_SCORED_BLOCK_CHARS = 25;

/** Characters per extra point of block score, up to `MAX_LENGTH_POINTS` (Readability: 100 and 3). @default 100 */
export const CHARS_PER_POINT = 100;

/** Cap on length points, so one wall of text does not outweigh paragraph structure. @default 3 */
export const MAX_LENGTH_POINTS = 3;

/** Weight of a class/id that names content ("article-body") or boilerplate ("sidebar"). @default 25 */
export const CLASS_WEIGHT = 25;

/** A sibling joins the winner when its score reaches this share of the winner's. @default 0.2 */
export const SIBLING_SCORE_SHARE = 0.2;

/** Blocks whose text is more than this share link text are navigation, not prose. @default 0.5 */
export const MAX_BLOCK_LINK_DENSITY = 0.5;

/** A short block (under `SHORT_BLOCK_CHARS`) with any more link text than this is a link list item. @default 0.3 */
export const MAX_SHORT_BLOCK_LINK_DENSITY = 0.3;

/** "Short" for the link-density and boilerplate-line rules: headlines in link lists are rarely longer. @default 80 */
export const SHORT_BLOCK_CHARS = 80;

/** A container whose class/id says boilerplate is still kept when it holds this share of the candidate's text. @default 0.6 */
export const KEEP_BOILERPLATE_SHARE = 0.6;

/** A "body" selector match smaller than this is a teaser or a fragment, not the article. @default 400 */
export const BODY_SELECTOR_MIN_CHARS = 400;

/** A known body container must carry at least this share of the scorer's best candidate's text. @default 0.5 */
export const BODY_SELECTOR_MIN_SHARE = 0.5;

/** Lines shorter than this may be metadata (dates, bylines); longer ones are prose. @default 120 */
export const METADATA_LINE_MAX_CHARS = 120;

/** Depth past which markup is read flat: pathological nesting must not exhaust the stack. @default 512 */
export const MAX_TREE_DEPTH = 512;

/** Hours east of UTC used to date instants without a written local date (WIB, western Indonesia). @default 7 */
export const DEFAULT_UTC_OFFSET_HOURS = 7;

/** Blocks of at most this many words, without closing punctuation, are widget labels when they open or close the text. @default 3 */
export const EDGE_LABEL_WORDS = 3;

/** ... and at most this many characters (scripts without spaces: "これでようやく元の操作性を取り戻せました" is prose). @default 30 */
export const EDGE_LABEL_CHARS = 30;

/** A "tail" rule ("Berita lainnya") ends the text only when at least this share of the text came before it. @default 0.6 */
export const TAIL_RULE_SHARE = 0.6;

/** Nesting depth past which opening tags are dropped before parsing (the parser is quadratic in depth). @default 2000 */
export const MAX_PARSE_DEPTH = 2000;

/**
 * Elements the parser may build for one page. Memory grows with elements, not bytes: 1M tiny ones took
 * 1.7 GB and 14.5 s. 50 000 tiny ones ("<p>x</p>") take ~180 MB of RSS and fit the crawler's extraction
 * worker heap (`WORKER_OLD_GENERATION_MB`, 96 MB: 60 000 fit, 99 000 kill the worker); the largest real page
 * of the 207 bench pages has 1 737. Above it, navigation and inline formatting are dropped, then the page is
 * refused as too complex (src/text/complexity.ts). @default 50000
 */
export const MAX_HTML_ELEMENTS = 50_000;

/**
 * Characters of page text read (in document order; the rest is not): the longest article of the 207 bench
 * pages has 53 372. Past the stages' copies, 20 MB of prose took 900 MB and 10 MB killed the crawler's
 * extraction worker; 1M characters take ~130 MB and 0.3 s. @default 1000000
 */
export const MAX_PAGE_TEXT_CHARS = 1_000_000;

/** Attributes kept per tag: real tags have a handful; one with 2M attributes took 15 s and 635 MB to parse. @default 256 */
export const MAX_TAG_ATTRIBUTES = 256;

/** Decoded characters at the start of an input checked for binary data (a NUL there means binary; later NULs are stripped). @default 8192 */
export const BINARY_SNIFF_CHARS = 8192;

/** Share of control characters in those that makes an input binary rather than text with stray controls. @default 0.1 */
export const MAX_CONTROL_SHARE = 0.1;
