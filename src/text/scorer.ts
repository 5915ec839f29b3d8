/**
 * The generic scorer (cascade stage 2): finds the element that holds the article in a page nobody wrote a
 * profile for. It follows Readability's scoring (paragraph blocks give points for length and commas to their
 * parent and, decaying, to their ancestors; class/id words and link density weigh the result; good siblings
 * join the winner), and trafilatura's first move (a container whose class says "article body" is believed
 * when it carries most of the scored text).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type AnyNode, type Dom, type Element, classAndId, containsNode, isElement, isText, postOrder, removeNodes, walkElements } from './dom.ts';
import {
  BODY_SELECTOR_MIN_CHARS,
  BODY_SELECTOR_MIN_SHARE,
  CHARS_PER_POINT,
  CLASS_WEIGHT,
  KEEP_BOILERPLATE_SHARE,
  MAX_LENGTH_POINTS,
  MIN_SCORED_BLOCK_CHARS,
  SIBLING_SCORE_SHARE,
} from './config.ts';

const Vocabulary = z.object({
  unlikely: z.string(),
  okMaybe: z.string(),
  positive: z.string(),
  negative: z.string(),
  dropInBody: z.string(),
  removeTags: z.array(z.string()),
  layoutTags: z.array(z.string()),
  bodySelectors: z.array(z.string()),
});

const VOCABULARY_FILE = new URL('../../data/text-vocabulary.json', import.meta.url);
const vocab = Vocabulary.parse(JSON.parse(readFileSync(VOCABULARY_FILE, 'utf8')));

/** Compiled vocabularies (all regexes in one place). */
export const RE = {
  unlikely: new RegExp(vocab.unlikely, 'i'),
  okMaybe: new RegExp(vocab.okMaybe, 'i'),
  positive: new RegExp(vocab.positive, 'i'),
  negative: new RegExp(vocab.negative, 'i'),
  dropInBody: new RegExp(vocab.dropInBody, 'i'),
  hiddenStyle: /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i,
};
export const REMOVE_TAGS = new Set(vocab.removeTags);
export const LAYOUT_TAGS = new Set(vocab.layoutTags);
export const BODY_SELECTORS = vocab.bodySelectors;

/** Per-element figures, computed bottom-up once per page. */
export interface Stats {
  /** Characters of text (whitespace runs count as one). */
  chars: number;
  /** Characters of text inside links. */
  linkChars: number;
  /** Readability-style content score (0 when the element was never a candidate). */
  score: number;
  candidate: boolean;
}

export type StatsMap = Map<Element, Stats>;

const squeeze = (s: string): number => {
  let n = 0;
  let space = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ws = c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 12;
    if (ws) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      space = false;
    }
  }
  return n;
};

/** Counts characters and link characters for every element under `root`. */
export function computeStats(root: AnyNode): StatsMap {
  const stats: StatsMap = new Map();
  for (const el of postOrder(root)) {
    let chars = 0;
    let linkChars = 0;
    for (const k of el.children) {
      if (isText(k)) chars += squeeze(k.data);
      else if (isElement(k)) {
        const s = stats.get(k);
        if (s) {
          chars += s.chars;
          linkChars += s.linkChars;
        }
      }
    }
    if (el.name === 'a') linkChars = chars;
    stats.set(el, { chars, linkChars, score: 0, candidate: false });
  }
  return stats;
}

export const linkDensity = (s: Stats | undefined): number => (s && s.chars ? s.linkChars / s.chars : 0);

/** Removes what is never article text: scripts, styles, forms' controls, hidden elements, comments. */
export function removeJunk(root: AnyNode): void {
  const doomed: AnyNode[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop() as AnyNode;
    if (n.type === 'comment' || n.type === 'directive' || n.type === 'cdata') {
      doomed.push(n);
      continue;
    }
    if (isElement(n)) {
      const a = n.attribs;
      if (
        REMOVE_TAGS.has(n.name) ||
        'hidden' in a ||
        (a.style && RE.hiddenStyle.test(a.style)) ||
        a['aria-hidden'] === 'true' ||
        a.role === 'navigation' ||
        a.role === 'complementary' ||
        a.type === 'application/ld+json'
      ) {
        doomed.push(n);
        continue;
      }
    }
    const kids = (n as { children?: AnyNode[] }).children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  removeNodes(doomed);
}

function classWeight(el: Element): number {
  const s = classAndId(el);
  if (!s) return 0;
  let w = 0;
  if (RE.negative.test(s)) w -= CLASS_WEIGHT;
  if (RE.positive.test(s)) w += CLASS_WEIGHT;
  return w;
}

function tagWeight(name: string): number {
  switch (name) {
    case 'div':
    case 'article':
    case 'main':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

const BLOCK_CHILD = new Set(['address', 'article', 'aside', 'blockquote', 'dl', 'div', 'fieldset', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul']);
const SCORED = new Set(['p', 'pre', 'td', 'blockquote']);

/** Whether a div reads like a paragraph: it has direct text and no block children. */
function isParagraphDiv(el: Element): boolean {
  let directText = false;
  for (const k of el.children) {
    if (isElement(k) && BLOCK_CHILD.has(k.name)) return false;
    if (isText(k) && k.data.trim()) directText = true;
  }
  return directText;
}

/** Runs of direct text and inline children of a container, cut at block children and <br>. */
function inlineRuns(el: Element, stats: StatsMap): { chars: number; commas: number }[] {
  const runs: { chars: number; commas: number }[] = [];
  let chars = 0;
  let commas = 0;
  let hasBlock = false;
  for (const k of el.children) {
    if (isText(k)) {
      chars += squeeze(k.data);
      commas += commasIn(k.data);
    } else if (isElement(k)) {
      if (BLOCK_CHILD.has(k.name) || k.name === 'br') {
        hasBlock = true;
        if (chars) runs.push({ chars, commas });
        chars = 0;
        commas = 0;
      } else {
        chars += stats.get(k)?.chars ?? 0;
        commas += commaCount(k);
      }
    }
  }
  if (chars) runs.push({ chars, commas });
  return hasBlock ? runs : [];
}

/** Text length of an element's direct text plus inline children: what a scored block "says". */
function blockChars(el: Element, stats: StatsMap): number {
  return stats.get(el)?.chars ?? 0;
}

function commasIn(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 0x060c || c === 0x3001 || c === 0xff0c) n++;
  }
  return n;
}

function commaCount(el: Element): number {
  let n = 0;
  const stack: AnyNode[] = [el];
  while (stack.length) {
    const x = stack.pop() as AnyNode;
    if (isText(x)) n += commasIn(x.data);
    else if (isElement(x)) for (const k of x.children) stack.push(k);
  }
  return n;
}

/**
 * Removes elements whose class/id says page furniture ("sidebar", "related", "komentar") and layout tags
 * (nav, aside, footer), unless one holds most of the page's text (`KEEP_BOILERPLATE_SHARE`).
 */
export function removeUnlikely(root: AnyNode, stats: StatsMap, bodyChars: number): void {
  const doomed: Element[] = [];
  walkElements(root, (el) => {
    if (el.name === 'body' || el.name === 'html' || el.name === 'a' || el.name === 'article' || el.name === 'main') return;
    const s = classAndId(el);
    const unlikely = LAYOUT_TAGS.has(el.name) || (s && RE.unlikely.test(s) && !RE.okMaybe.test(s)) || el.attribs.role === 'dialog';
    if (unlikely) {
      const st = stats.get(el);
      if (!st || st.chars < bodyChars * KEEP_BOILERPLATE_SHARE) {
        doomed.push(el);
        return false;
      }
    }
    return undefined;
  });
  for (const el of doomed) {
    // Keep the ancestors' figures true without a second pass over the page.
    const st = stats.get(el);
    if (st) {
      for (let a = el.parent; a && isElement(a); a = a.parent) {
        const s = stats.get(a);
        if (s) {
          s.chars -= st.chars;
          s.linkChars -= a.name === 'a' ? st.chars : st.linkChars;
        }
      }
    }
  }
  removeNodes(doomed);
}

/** The winner and the siblings that join it, in document order. */
export interface Pick {
  /** The elements whose text is the article, in document order. */
  parts: Element[];
  /** How the pick was made: "selector" (a known body container) or "score". */
  how: 'selector' | 'score';
  top: Element;
}

/** Scores the blocks under `root` and returns the best container with its siblings. */
export function scoreCandidates(root: AnyNode, stats: StatsMap): Element | null {
  const candidates: Element[] = [];
  const credit = (start: AnyNode | null, points: number): void => {
    let level = 0;
    for (let a: AnyNode | null = start; a && isElement(a) && level < 5; a = a.parent, level++) {
      const st = stats.get(a);
      if (!st) break;
      if (!st.candidate) {
        st.candidate = true;
        st.score = tagWeight(a.name) + classWeight(a);
        candidates.push(a);
      }
      st.score += level === 0 ? points : level === 1 ? points / 2 : points / (level * 3);
    }
  };
  walkElements(root, (el) => {
    const paragraph = SCORED.has(el.name) || ((el.name === 'div' || el.name === 'section') && isParagraphDiv(el));
    if (paragraph) {
      const chars = blockChars(el, stats);
      if (chars < MIN_SCORED_BLOCK_CHARS) return;
      credit(el.parent, 1 + commaCount(el) + Math.min(Math.floor(chars / CHARS_PER_POINT), MAX_LENGTH_POINTS));
      return;
    }
    if (el.name !== 'div' && el.name !== 'section' && el.name !== 'article' && el.name !== 'main') return;
    // Text written straight into a container between <br>s and blocks ("<div>Kalimat.<br><br>Kalimat.<p>Editor</p></div>"):
    // Readability wraps such runs in <p>; here the runs score the container itself.
    const runs = inlineRuns(el, stats);
    for (const r of runs) {
      if (r.chars < MIN_SCORED_BLOCK_CHARS) continue;
      credit(el, 1 + r.commas + Math.min(Math.floor(r.chars / CHARS_PER_POINT), MAX_LENGTH_POINTS));
    }
  });
  let top: Element | null = null;
  let best = -Infinity;
  for (const c of candidates) {
    const st = stats.get(c) as Stats;
    st.score *= 1 - linkDensity(st);
    if (st.score > best) {
      best = st.score;
      top = c;
    }
  }
  if (!top) return null;
  // Several strong candidates under one ancestor: the ancestor is the article (Readability's alternatives).
  const strong = candidates
    .filter((c) => c !== top && (stats.get(c)?.score ?? 0) >= best * 0.75)
    .slice(0, 5);
  if (strong.length >= 2) {
    for (let a = top.parent; a && isElement(a) && a.name !== 'body'; a = a.parent) {
      if (strong.filter((c) => containsNode(a, c)).length >= 2) {
        top = a;
        break;
      }
    }
  }
  // A lone child adds nothing: climb while the parent holds only it.
  while (top.parent && isElement(top.parent) && top.parent.name !== 'body' && top.parent.children.filter(isElement).length === 1) top = top.parent;
  return top;
}

/** The siblings of `top` worth keeping next to it (Readability's sibling rule). */
export function withSiblings(top: Element, stats: StatsMap): Element[] {
  const parent = top.parent;
  if (!parent || !isElement(parent)) return [top];
  const topScore = stats.get(top)?.score ?? 0;
  const threshold = Math.max(10, topScore * SIBLING_SCORE_SHARE);
  const topClass = top.attribs.class ?? '';
  const parts: Element[] = [];
  for (const s of parent.children) {
    if (!isElement(s)) continue;
    if (s === top) {
      parts.push(s);
      continue;
    }
    const st = stats.get(s);
    if (!st) continue;
    let bonus = 0;
    if (topClass && s.attribs.class === topClass) bonus += topScore * 0.2;
    if (st.candidate && st.score + bonus >= threshold) {
      parts.push(s);
      continue;
    }
    if (s.name === 'p') {
      const ld = linkDensity(st);
      if (st.chars > 80 && ld < 0.25) parts.push(s);
      else if (st.chars > 0 && st.chars <= 80 && ld === 0 && /\.( |$)/.test(textOfFlat(s))) parts.push(s);
    }
  }
  return parts;
}

function textOfFlat(el: Element): string {
  let out = '';
  const stack: AnyNode[] = [el];
  while (stack.length) {
    const n = stack.pop() as AnyNode;
    if (isText(n)) out += n.data;
    else if (isElement(n)) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out;
}

/**
 * A known article-body container (itemprop=articleBody, "entry-content", "article-body"…): believed when it
 * is big enough and holds at least `BODY_SELECTOR_MIN_SHARE` of the scorer's winner text, or contains it.
 */
export function bodyBySelector($: Dom, stats: StatsMap, scored: Element | null): Element[] | null {
  const scoredChars = scored ? (stats.get(scored)?.chars ?? 0) : 0;
  for (const sel of BODY_SELECTORS) {
    const matches = $(sel).toArray() as Element[];
    const found = matches.find((el) => {
      const st = stats.get(el);
      if (!st || st.chars < BODY_SELECTOR_MIN_CHARS) return false;
      if (linkDensity(st) > 0.5) return false;
      // Unrelated to the scorer's winner: believed only when it carries more text than the winner.
      if (scored && !containsNode(el, scored) && !containsNode(scored, el) && st.chars < scoredChars) return false;
      if (scored && containsNode(scored, el) && st.chars < scoredChars * BODY_SELECTOR_MIN_SHARE) return false;
      return true;
    });
    if (!found) continue;
    // An article cut into several containers of the same class (between ads, "article-body-component"):
    // the later ones are the same article.
    const parts = [found];
    const cls = found.attribs.class;
    if (cls) {
      for (const el of matches) {
        if (el === found || el.attribs.class !== cls || parts.some((p) => containsNode(p, el) || containsNode(el, p))) continue;
        const st = stats.get(el);
        if (st && st.chars >= MIN_SCORED_BLOCK_CHARS && linkDensity(st) <= 0.5) parts.push(el);
      }
    }
    return parts;
  }
  return null;
}
