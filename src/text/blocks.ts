/**
 * Container -> paragraphs. Walks the chosen elements, cuts the text at block boundaries, skips the furniture
 * that article containers still hold (share bars, "Baca juga" boxes, captions, bylines), then filters the
 * blocks: link lists, boilerplate lines, the headline repeated, duplicated paragraphs.
 */
import { type AnyNode, type Element, classAndId, isElement, isText } from './dom.ts';
import { RE, type StatsMap } from './scorer.ts';
import { boilerplateRule } from './boilerplate.ts';
import { EDGE_LABEL_CHARS, EDGE_LABEL_WORDS, TAIL_RULE_SHARE, KEEP_BOILERPLATE_SHARE, MAX_BLOCK_LINK_DENSITY, MAX_SHORT_BLOCK_LINK_DENSITY, SHORT_BLOCK_CHARS } from './config.ts';

/** One paragraph-like run of text. */
export interface Block {
  text: string;
  linkChars: number;
  /** The innermost block element the text sat in ("p", "li", "h2", "td", "div"…). */
  tag: string;
}

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br', 'caption', 'html', 'picture',
]);
const LAYOUT_IN_BODY = new Set(['nav', 'aside', 'footer', 'header', 'h1', 'figcaption', 'menu', 'dialog', 'form']);
const CAPTION_TAGS = new Set(['figcaption']);

/** What toBlocks collects on the side. */
export interface BlockSink {
  captions: string[];
}

const squeezeWs = (s: string): string => s.replace(/[\s\u00a0\u200b\u200c\u200d\ufeff]+/g, ' ').trim();

/** Whether an element inside the article is page furniture rather than text. */
function isFurniture(el: Element, stats: StatsMap, containerChars: number): boolean {
  if (LAYOUT_IN_BODY.has(el.name)) return (stats.get(el)?.chars ?? 0) < containerChars * KEEP_BOILERPLATE_SHARE;
  const ci = classAndId(el);
  if (!ci) return false;
  if (!RE.dropInBody.test(ci)) return false;
  return (stats.get(el)?.chars ?? 0) < containerChars * KEEP_BOILERPLATE_SHARE;
}

/** Cuts the text of `parts` into blocks; captions go to `sink`. */
export function toBlocks(parts: Element[], stats: StatsMap, sink: BlockSink): Block[] {
  const containerChars = parts.reduce((n, p) => n + (stats.get(p)?.chars ?? 0), 0);
  const blocks: Block[] = [];
  let buf = '';
  let linkChars = 0;
  let linkDepth = 0;
  const tagStack: string[] = [];
  const flush = (): void => {
    const text = squeezeWs(buf);
    if (text) blocks.push({ text, linkChars: Math.min(linkChars, text.length), tag: tagStack[tagStack.length - 1] ?? 'div' });
    buf = '';
    linkChars = 0;
  };
  type Frame = { n: AnyNode; exit: boolean };
  for (const part of parts) {
    const stack: Frame[] = [{ n: part, exit: false }];
    while (stack.length) {
      const { n, exit } = stack.pop() as Frame;
      if (isText(n)) {
        buf += n.data;
        if (linkDepth > 0) linkChars += squeezeWs(n.data).length;
        continue;
      }
      if (!isElement(n)) continue;
      const block = BLOCK_TAGS.has(n.name);
      if (exit) {
        if (n.name === 'a') linkDepth--;
        if (block) {
          flush();
          tagStack.pop();
        }
        continue;
      }
      if (n !== part && isFurniture(n, stats, containerChars)) {
        if (CAPTION_TAGS.has(n.name) || /caption|credit|photo|foto|image|picture/i.test(classAndId(n))) {
          const c = squeezeWs(textOfEl(n));
          if (c) sink.captions.push(c);
        }
        // A furniture element still breaks the text around it.
        if (block) flush();
        continue;
      }
      if (n.name === 'br' || n.name === 'hr') {
        flush();
        continue;
      }
      if (n.name === 'img') {
        continue;
      }
      if (block) {
        flush();
        tagStack.push(n.name);
      }
      if (n.name === 'a') linkDepth++;
      stack.push({ n, exit: true });
      for (let i = n.children.length - 1; i >= 0; i--) stack.push({ n: n.children[i], exit: false });
    }
    flush();
  }
  return blocks;
}

function textOfEl(el: Element): string {
  let out = '';
  const stack: AnyNode[] = [el];
  while (stack.length) {
    const n = stack.pop() as AnyNode;
    if (isText(n)) out += n.data;
    else if (isElement(n)) {
      if (n.name === 'br' || BLOCK_TAGS.has(n.name)) out += ' ';
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
    }
  }
  return out;
}

/** Why a block was left out (for tests and debugging). */
export interface Dropped {
  text: string;
  why: string;
}

const HEADING = /^h[1-6]$/;
const normTitle = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Reporter initials closing Indonesian articles ("(fyk/ash)", "(FHM)"): part of the text, not a label. */
const INITIALS = /^\(\s*[\p{L}]{1,6}(\s*\/\s*[\p{L}]{1,6})*\s*\)$/u;

/** A short label with no sentence in it: at most `EDGE_LABEL_WORDS` words and no closing punctuation. */
function isEdgeLabel(text: string): boolean {
  if (INITIALS.test(text)) return false;
  if (text.length > EDGE_LABEL_CHARS || /[.!?"”’»:)。！？」』）]$/.test(text)) return false;
  return text.split(/\s+/).length <= EDGE_LABEL_WORDS;
}

/** Keeps the blocks that read as article text. */
export function filterBlocks(blocks: Block[], title: string | null, dropped?: Dropped[]): Block[] {
  const kept: Block[] = [];
  const seen = new Set<string>();
  const t = title ? normTitle(title) : '';
  const total = blocks.reduce((n, b) => n + b.text.length, 0);
  let before = 0;
  for (const b of blocks) {
    before += b.text.length;
    const drop = (why: string): void => {
      dropped?.push({ text: b.text, why });
    };
    const rule = boilerplateRule(b.text);
    if (rule) {
      drop(rule.name);
      if (rule.action === 'stop' && kept.length > 0) break;
      if (rule.action === 'tail' && kept.length > 0 && before >= total * TAIL_RULE_SHARE) break;
      continue;
    }
    const ld = b.linkChars / b.text.length;
    if (ld > MAX_BLOCK_LINK_DENSITY || (b.text.length < SHORT_BLOCK_CHARS && ld > MAX_SHORT_BLOCK_LINK_DENSITY)) {
      drop('links');
      continue;
    }
    const norm = normTitle(b.text);
    if (t && norm === t) {
      drop('title');
      continue;
    }
    if (norm.length > 20 && seen.has(norm)) {
      drop('repeated');
      continue;
    }
    seen.add(norm);
    kept.push(b);
  }
  // Headings with nothing after them announce furniture that was removed ("Related stories"), and short
  // labels at either edge are widget text ("FotoBisnis", "Vote Photo", "More Photos"), not prose.
  while (kept.length && (HEADING.test(kept[kept.length - 1].tag) || isEdgeLabel(kept[kept.length - 1].text))) {
    const h = kept.pop() as Block;
    dropped?.push({ text: h.text, why: 'trailing-label' });
  }
  while (kept.length > 1 && isEdgeLabel(kept[0].text)) {
    const h = kept.shift() as Block;
    dropped?.push({ text: h.text, why: 'leading-label' });
  }
  return kept;
}
