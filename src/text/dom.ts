/**
 * Small helpers over the htmlparser2 (domhandler) tree that `cheerio/slim` builds. Every walk is iterative,
 * so a page nested 100 000 levels deep cannot overflow the stack.
 */
import type { AnyNode, Document, Element, ParentNode } from 'domhandler';
import { load, type Cheerio } from 'cheerio/slim';
import { parseDocument } from 'htmlparser2';
import { Element as DomElement } from 'domhandler';
import { MAX_PAGE_TEXT_CHARS, MAX_PARSE_DEPTH, MAX_TREE_DEPTH } from './config.ts';

export type { AnyNode, Element, ParentNode };

export const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';
export const isText = (n: AnyNode): n is AnyNode & { data: string } => n.type === 'text';

/** "class id" of an element, for the (case-insensitive) vocabulary tests; no new string when only one is set. */
export function classAndId(el: Element): string {
  const a = el.attribs;
  const c = a.class;
  const i = a.id;
  if (c && i) return `${c} ${i}`;
  return c ?? i ?? '';
}

/** Pre-order walk of the elements under `root` (root included); return false from `visit` to skip a subtree. */
export function walkElements(root: AnyNode, visit: (el: Element) => boolean | void): void {
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop() as AnyNode;
    if (!isElement(n) && n.type !== 'root') continue;
    if (isElement(n) && visit(n) === false) continue;
    const kids = (n as ParentNode).children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}

/** All text under a node, concatenated (no separators added). */
export function textOf(root: AnyNode): string {
  if (isText(root)) return root.data;
  let out = '';
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop() as AnyNode;
    if (isText(n)) out += n.data;
    else if (n.type === 'tag' || n.type === 'root') {
      const kids = (n as ParentNode).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  }
  return out;
}

/** Detaches a node from its parent. */
export function removeNode(n: AnyNode): void {
  const p = n.parent;
  if (!p) return;
  const i = p.children.indexOf(n as never);
  if (i >= 0) p.children.splice(i, 1);
  if (n.prev) n.prev.next = n.next;
  if (n.next) n.next.prev = n.prev;
  n.parent = null;
  n.prev = null;
  n.next = null;
}

/**
 * Detaches many nodes at once: one pass over each parent's children. Removing them one by one costs an
 * `indexOf` and a `splice` each, quadratic in the siblings ("<!x>" 200 000 times took minutes).
 */
export function removeNodes(nodes: AnyNode[]): void {
  if (nodes.length < 8) {
    for (const n of nodes) removeNode(n);
    return;
  }
  const doomed = new Set(nodes);
  const parents = new Set<ParentNode>();
  for (const n of nodes) if (n.parent) parents.add(n.parent);
  for (const p of parents) {
    const kept = p.children.filter((c) => !doomed.has(c));
    for (let i = 0; i < kept.length; i++) {
      kept[i].prev = kept[i - 1] ?? null;
      kept[i].next = kept[i + 1] ?? null;
    }
    p.children = kept;
  }
  for (const n of nodes) {
    n.parent = null;
    n.prev = null;
    n.next = null;
  }
}

/** Elements in post-order (children before parents), for bottom-up sums. */
export function postOrder(root: AnyNode): Element[] {
  const pre: Element[] = [];
  walkElements(root, (el) => {
    pre.push(el);
  });
  return pre.reverse();
}

/** Nearest ancestor (or self) that passes `test`, up to `stop` (exclusive). */
export function closest(n: AnyNode, test: (el: Element) => boolean, stop?: AnyNode | null): Element | null {
  for (let p: AnyNode | null = n; p && p !== stop; p = p.parent) if (isElement(p) && test(p)) return p;
  return null;
}

/** Whether `a` is `b` or contains it. */
export function containsNode(a: AnyNode, b: AnyNode): boolean {
  for (let p: AnyNode | null = b; p; p = p.parent) if (p === a) return true;
  return false;
}

/** Number of ancestors of a node. */
export function depthOf(n: AnyNode): number {
  let d = 0;
  for (let p = n.parent; p; p = p.parent) d++;
  return d;
}

/**
 * A parsed page with a cheerio-style selector function. One cheerio instance is shared by all pages: a
 * per-page `cheerio.load()` builds a new class each time, and over 181 pages that cost about 40 MB of
 * peak RSS in the bench. Parsing is htmlparser2's, as in `cheerio/slim`.
 */
export interface Dom {
  (selector: string | AnyNode | AnyNode[]): Cheerio<AnyNode>;
  root(): Cheerio<Document>;
  doc: Document;
  /** The page had more than `MAX_PAGE_TEXT_CHARS` of text; the rest was not read. */
  textCut: boolean;
}

const shared = load('');

const NEVER_TEXT_OPEN = /<(script|style|svg)\b[^>]{0,2000}>|<!--/gi;
const NEVER_TEXT_CLOSE: Record<string, RegExp> = { script: /<\/script\s*>/gi, style: /<\/style\s*>/gi, svg: /<\/svg\s*>/gi, '!--': /-->/g };

/**
 * Cuts scripts (except JSON-LD), styles, inline SVG and comments before parsing: they are never article text,
 * and on real pages they are a large share of the nodes the parser would build. Linear in the page size: a kind
 * whose closer is missing is not searched again.
 */
export function stripNeverText(html: string): string {
  const parts: string[] = [];
  const unclosed = new Set<string>();
  let last = 0;
  NEVER_TEXT_OPEN.lastIndex = 0;
  for (let m = NEVER_TEXT_OPEN.exec(html); m; m = NEVER_TEXT_OPEN.exec(html)) {
    const kind = m[1] ? m[1].toLowerCase() : '!--';
    if (unclosed.has(kind) || (kind === 'script' && /ld\+json/i.test(m[0]))) continue;
    const close = NEVER_TEXT_CLOSE[kind];
    close.lastIndex = m.index + m[0].length;
    const c = close.exec(html);
    if (!c) {
      unclosed.add(kind);
      continue;
    }
    parts.push(html.slice(last, m.index));
    last = c.index + c[0].length;
    NEVER_TEXT_OPEN.lastIndex = last;
  }
  if (last === 0) return html;
  parts.push(html.slice(last));
  return parts.join('');
}

/**
 * Keeps the first `maxChars` characters of text (script and style contents aside) in document order and
 * empties the text after them; true when something was cut. The stages after parsing hold several copies of
 * the text: 20 MB of prose took 900 MB and 8–11 s, and 10 MB killed the crawler's extraction worker.
 */
export function limitText(root: AnyNode, maxChars: number): boolean {
  let left = maxChars;
  let cut = false;
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop() as AnyNode;
    if (isText(n)) {
      if (left <= 0) {
        if (n.data.length) cut = true;
        n.data = '';
      } else if (n.data.length > left) {
        n.data = n.data.slice(0, left);
        left = 0;
        cut = true;
      } else left -= n.data.length;
    } else if (n.type === 'tag' || n.type === 'root') {
      const kids = (n as ParentNode).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  }
  return cut;
}

/** Parses HTML (htmlparser2, forgiving: any string gives a tree); text past `MAX_PAGE_TEXT_CHARS` is emptied (`limitText`). */
export function parseDom(html: string): Dom {
  const doc = parseDocument(limitNesting(stripNeverText(html), MAX_PARSE_DEPTH), { decodeEntities: true });
  flattenDeep(doc, MAX_TREE_DEPTH);
  const cut = limitText(doc, MAX_PAGE_TEXT_CHARS);
  const fn = ((sel: string | AnyNode | AnyNode[]) => (typeof sel === 'string' ? shared(sel, doc) : shared(sel))) as Dom;
  fn.root = () => shared(doc) as unknown as Cheerio<Document>;
  fn.doc = doc;
  fn.textCut = cut;
  return fn;
}

/** Text of `root` in document order, stopping once `limit` characters are collected (no giant strings for a date search). */
export function textUpTo(root: AnyNode, limit: number): string {
  let out = '';
  const stack: AnyNode[] = [root];
  while (stack.length && out.length < limit) {
    const n = stack.pop() as AnyNode;
    if (isText(n)) out += n.data;
    else if (n.type === 'tag' || n.type === 'root') {
      const kids = (n as ParentNode).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  }
  return out.slice(0, limit);
}

/**
 * Text just around `anchor` inside `region`: up to `before` characters before it and `after` characters
 * after it (the anchor's own text excluded). Reads no more of the region than that.
 */
export function textAround(region: AnyNode, anchor: AnyNode, before: number, after: number): { before: string; after: string } {
  let pre = '';
  let post = '';
  let passed = false;
  const stack: AnyNode[] = [region];
  while (stack.length) {
    const n = stack.pop() as AnyNode;
    if (n === anchor) {
      passed = true;
      continue;
    }
    if (isText(n)) {
      if (passed) {
        post += n.data;
        if (post.length >= after * 2) break;
      } else {
        pre += n.data;
        if (pre.length > before * 4) pre = pre.slice(-before * 2);
      }
    } else if (n.type === 'tag' || n.type === 'root') {
      const kids = (n as ParentNode).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  }
  const sq = (s: string): string => s.replace(/\s+/g, ' ').trim();
  return { before: sq(pre).slice(-before), after: sq(post).slice(0, after) };
}

const FLAT_BLOCKS = new Set(['p', 'div', 'li', 'td', 'tr', 'table', 'section', 'article', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'pre', 'br', 'header', 'footer', 'main', 'aside', 'nav', 'figure', 'dd', 'dt']);

/**
 * Reads markup nested deeper than `maxDepth` flat: the element at that depth gets, in order, the text nodes
 * below it, with a <br> wherever a block began or ended. Selector engines walk such trees in time
 * quadratic in the depth (100 000 nested divs would take hours); no real page nests that deep.
 */
export function flattenDeep(root: AnyNode, maxDepth: number): void {
  const stack: { n: AnyNode; d: number }[] = [{ n: root, d: 0 }];
  while (stack.length) {
    const { n, d } = stack.pop() as { n: AnyNode; d: number };
    if (n.type !== 'tag' && n.type !== 'root') continue;
    const kids = (n as ParentNode).children;
    if (d < maxDepth) {
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ n: kids[i], d: d + 1 });
      continue;
    }
    if (!kids.some((k) => k.type === 'tag')) continue;
    const flat: AnyNode[] = [];
    const walk: { n: AnyNode; exit: boolean }[] = [];
    for (let i = kids.length - 1; i >= 0; i--) walk.push({ n: kids[i], exit: false });
    while (walk.length) {
      const { n: x, exit } = walk.pop() as { n: AnyNode; exit: boolean };
      if (x.type === 'text') flat.push(x);
      else if (x.type === 'tag') {
        const block = FLAT_BLOCKS.has((x as Element).name);
        if (block) flat.push(new DomElement('br', {}));
        if (exit) continue;
        walk.push({ n: x, exit: true });
        const xs = (x as Element).children;
        for (let i = xs.length - 1; i >= 0; i--) walk.push({ n: xs[i], exit: false });
      }
    }
    for (let i = 0; i < flat.length; i++) {
      flat[i].parent = n as ParentNode;
      flat[i].prev = flat[i - 1] ?? null;
      flat[i].next = flat[i + 1] ?? null;
    }
    (n as ParentNode).children = flat as never;
  }
}

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(\/?)>/g;

/**
 * Drops opening tags that would nest deeper than `maxDepth` (and as many closing tags later), before
 * parsing: htmlparser2 keeps its open-element stack in an array it shifts, so a page of 100 000 nested
 * divs costs it time quadratic in the depth. Pages within the limit are returned untouched.
 */
export function limitNesting(html: string, maxDepth: number): string {
  let depth = 0;
  let deepest = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (m[3] || VOID_TAGS.has(m[2].toLowerCase())) continue;
    depth += m[1] ? -1 : 1;
    if (depth < 0) depth = 0;
    if (depth > deepest) deepest = depth;
  }
  if (deepest <= maxDepth) return html;
  let out = '';
  let last = 0;
  let skipped = 0;
  depth = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (m[3] || VOID_TAGS.has(m[2].toLowerCase())) continue;
    let drop = false;
    if (!m[1]) {
      if (depth >= maxDepth) {
        drop = true;
        skipped++;
      } else depth++;
    } else if (skipped > 0) {
      drop = true;
      skipped--;
    } else if (depth > 0) depth--;
    if (drop) {
      out += html.slice(last, m.index);
      last = m.index + m[0].length;
    }
  }
  return out + html.slice(last);
}
