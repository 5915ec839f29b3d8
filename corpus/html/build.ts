/**
 * Builds corpus/html: one HTML page per dev article (corpus/dev/*.json), rendered in the templates of today's
 * Indonesian regional news sites, so that `cakupan eval --html` scores the whole path HTML -> text -> facts.
 *
 *   npx tsx corpus/html/build.ts
 *
 * Each article's real content lines become <p> paragraphs of the template's body container; the lines of the
 * gold text that are page furniture ("Baca juga: …", "Penulis: … | Editor: …", share and tag lines) are put
 * back as the template's own furniture at the same place, and every template adds the furniture it has on
 * the web: menus, a date/view-count line, share bars, a captioned photo, "Baca juga" boxes whose headlines
 * are other articles' titles (with their numbers: a leak is a wrong fact), tag lists, related and popular
 * lists, comment forms, footers. Templates rotate over the articles; the real tribunnews.com and kompas.com
 * articles get their own site's template. Output is deterministic (no clock, no randomness).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { boilerplateRule } from '../../src/text/boilerplate.ts';

const here = dirname(fileURLToPath(import.meta.url));
const DEV = join(here, '..', 'dev');

const DevArticle = z.object({
  id: z.string(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  text: z.string(),
  facts: z.array(z.object({ span: z.string() })),
  categories: z.array(z.object({ span: z.string() })),
});
type DevArticle = z.infer<typeof DevArticle>;

export const TEMPLATES = ['wordpress', 'tribun', 'detik', 'kompas', 'goid'] as const;
type Template = (typeof TEMPLATES)[number];

/** One line of the gold text, as the page shows it. */
type Line = { kind: 'p'; text: string } | { kind: 'furniture'; rule: string; text: string };

interface Page {
  a: DevArticle;
  title: string;
  url: string;
  /** Body lines in order. */
  lines: Line[];
  /** Widget lines from the start/end of the gold text (weather, "Categories: …"), shown in the header/sidebar. */
  widgets: string[];
  /** Headlines of other dev articles, for "Baca juga" and related lists. */
  others: { title: string; url: string }[];
  /** The date the page may show: the article's own, else the one its URL carries, else none. */
  date: { y: number; m: number; d: number } | null;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (d: NonNullable<Page['date']>): string => `${d.y}-${pad(d.m)}-${pad(d.d)}`;
const dayName = (d: NonNullable<Page['date']>): string => DAYS[new Date(Date.UTC(d.y, d.m - 1, d.d)).getUTCDay()];
const longDate = (d: NonNullable<Page['date']>): string => `${dayName(d)}, ${d.d} ${MONTHS[d.m - 1]} ${d.y}`;

/** Whether a line holds (part of) a gold fact or category span: such a line is always body text. */
function carriesSpan(line: string, spans: string[]): boolean {
  return spans.some((s) => s.split('\n').some((part) => part.trim().length >= 8 && (line.includes(part.trim()) || part.includes(line))));
}

/** A short line without a sentence in it: a header or footer widget when it opens or closes the text. */
const isWidgetLine = (l: string): boolean => l.length < 60 && !/[.!?”"]$/.test(l) && l.split(/\s+/).length <= 8;

function classify(a: DevArticle): { title: string; lines: Line[]; widgets: string[] } {
  const spans = [...a.facts.map((f) => f.span), ...a.categories.map((c) => c.span)];
  const raw = a.text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
  const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const title = a.title ?? titleFromUrl(a.url) ?? firstSentence(raw.find((l) => l.length > 40) ?? a.id);
  const lines: Line[] = [];
  const widgets: string[] = [];
  for (const l of raw) {
    if (!l) continue;
    if (a.title && norm(l) === norm(a.title)) continue;
    const span = carriesSpan(l, spans);
    const rule = span ? null : boilerplateRule(l);
    if (rule) lines.push({ kind: 'furniture', rule: rule.name, text: l });
    else lines.push({ kind: 'p', text: l });
  }
  // Furniture and widget lines before the first paragraph (weather, a header date widget, "Categories: …",
  // "Must read") belong to the page header.
  const leadingWidget = (l: Line): boolean =>
    l.kind === 'furniture' ? !/^(baca-juga|credit)/.test(l.rule) : isWidgetLine(l.text) && !carriesSpan(l.text, spans);
  while (lines.length && leadingWidget(lines[0])) widgets.push((lines.shift() as Line).text);
  while (lines.length && lines[lines.length - 1].kind === 'p' && isWidgetLine(lines[lines.length - 1].text) && lines[lines.length - 1].text.length < 25 && !carriesSpan(lines[lines.length - 1].text, spans)) {
    widgets.push((lines.pop() as Line).text);
  }
  return { title, lines, widgets };
}

/** The headline a site shows for an article without one in the gold text: its URL slug, in title case. */
function titleFromUrl(url: string | null): string | null {
  if (!url) return null;
  const slug = new URL(url).pathname.split('/').filter((x) => /[a-z]-[a-z]/i.test(x)).pop();
  if (!slug) return null;
  const words = slug.replace(/\.html?$/, '').split('-').filter((w) => w && !/^\d{5,}$/.test(w) && !/^[a-z]{3}$/.test(w) === false || w.length > 0);
  const small = new Set(['di', 'ke', 'dan', 'dari', 'yang', 'untuk', 'pada']);
  const upper = new Set(['jkn', 'uhc', 'bpjs', 'kis', 'rpjmn', 'ppu', 'pbi']);
  return words
    .map((w, i) => (upper.has(w) ? w.toUpperCase() : i > 0 && small.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

/** The first sentence of a line, for an article with neither a headline nor a URL. */
const firstSentence = (l: string): string => (l.split(/(?<=[.!?])\s/)[0] ?? l).slice(0, 100);

function dateOf(a: DevArticle): Page['date'] {
  if (a.published) {
    const [y, m, d] = a.published.split('-').map(Number);
    return { y, m, d };
  }
  const m = a.url ? /\/((?:19|20)\d{2})\/(\d{2})\/(\d{2})\//.exec(a.url) : null;
  return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
}

function syntheticUrl(a: DevArticle, t: Template, title: string): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 70);
  switch (t) {
    case 'goid':
      return `https://diskominfo.contoh-kab.go.id/berita/${slug}`;
    case 'tribun':
      return `https://daerah.tribunnews.com/read/${a.id}/${slug}`;
    case 'kompas':
      return `https://regional.kompas.com/read/${a.id}/${slug}`;
    default:
      return `https://beritadaerah.contoh.id/${slug}/`;
  }
}

// ---- shared pieces --------------------------------------------------------------------------------------

const menu = (items: string[]): string => `<ul class="menu">${items.map((i) => `<li><a href="/kanal/${i.toLowerCase().replace(/\W+/g, '-')}">${i}</a></li>`).join('')}</ul>`;

function jsonLd(p: Page, publisher: string): string {
  const o: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: p.title,
    mainEntityOfPage: p.url,
    publisher: { '@type': 'Organization', name: publisher },
    author: { '@type': 'Person', name: 'Redaksi' },
  };
  if (p.date) o.datePublished = `${iso(p.date)}T09:15:00+07:00`;
  return `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
}

function head(p: Page, site: string, extra = ''): string {
  return `<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)} - ${esc(site)}</title>
<meta property="og:title" content="${esc(p.title)}">
<meta property="og:site_name" content="${esc(site)}">
<meta property="og:type" content="article">
<link rel="canonical" href="${esc(p.url)}">
${p.date ? `<meta property="article:published_time" content="${iso(p.date)}T09:15:00+07:00">` : ''}
${extra}
<style>body{font-family:sans-serif}.hidden{display:none}</style>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());</script>
</head>
<body>
`;
}

const others = (p: Page, n: number, from = 0): Page['others'] => Array.from({ length: n }, (_, i) => p.others[(from + i) % p.others.length]);

/** Renders the body lines with the template's way of showing furniture and an inline "Baca juga" box. */
function bodyLines(p: Page, opts: { bacaJuga: (o: { title: string; url: string }) => string; furniture: (l: Line & { kind: 'furniture' }) => string; every: number; ad?: string }): string {
  const out: string[] = [];
  let paragraphs = 0;
  let related = 0;
  for (const l of p.lines) {
    if (l.kind === 'furniture') {
      out.push(opts.furniture(l));
      continue;
    }
    out.push(`<p>${esc(l.text)}</p>`);
    paragraphs++;
    if (paragraphs % opts.every === 0 && paragraphs < p.lines.length - 1) {
      out.push(opts.bacaJuga(p.others[(related++ * 3 + 1) % p.others.length]));
      if (opts.ad && related === 1) out.push(opts.ad);
    }
  }
  return out.join('\n');
}

const furnitureDiv = (cls: string) => (l: { rule: string; text: string }): string =>
  l.rule.startsWith('baca-juga') ? `<p class="${cls}-baca"><strong>${esc(l.text.replace(/:.*$/, ':'))}</strong> <a href="#">${esc(l.text.replace(/^[^:]*:\s*/, ''))}</a></p>` : `<div class="${cls}-${l.rule}">${esc(l.text)}</div>`;

const commentForm = `<div id="comments" class="comments-area"><h3 id="reply-title" class="comment-reply-title">Tinggalkan Balasan</h3>
<form action="/wp-comments-post.php" method="post" id="commentform"><p class="comment-notes">Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *</p>
<p><label for="comment">Komentar *</label><textarea id="comment" name="comment"></textarea></p><p><label for="author">Nama *</label><input id="author" name="author"></p>
<p class="form-submit"><input type="submit" value="Kirim Komentar"></p></form></div>`;

// ---- the templates ----------------------------------------------------------------------------------------

function wordpress(p: Page): string {
  const site = 'Berita Daerah';
  return `${head(p, site, jsonLd(p, site))}<div id="page" class="site">
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/">${site}</a></p><p class="site-description">Kabar terkini dari daerah</p></div>
<nav id="site-navigation" class="main-navigation">${menu(['Beranda', 'Daerah', 'Kesehatan', 'Pemerintahan', 'Ekonomi', 'Olahraga'])}</nav>
${p.widgets.length ? `<div class="header-widget">${p.widgets.map((w) => `<span>${esc(w)}</span>`).join(' ')}</div>` : ''}</header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-1201" class="post-1201 post type-post status-publish format-standard has-post-thumbnail hentry category-kesehatan">
<header class="entry-header"><span class="cat-links"><a href="/category/kesehatan" rel="category tag">Kesehatan</a></span>
<h1 class="entry-title">${esc(p.title)}</h1>
<div class="entry-meta">${p.date ? `<span class="posted-on">Diposting pada <time class="entry-date published" datetime="${iso(p.date)}T09:15:00+07:00">${p.date.d} ${MONTHS[p.date.m - 1]} ${p.date.y}</time></span>` : ''} <span class="byline">oleh <span class="author vcard"><a href="/author/redaksi">Redaksi</a></span></span> <span class="post-views">1.204 views</span></div>
</header>
<div class="post-thumbnail"><figure class="wp-caption"><img src="/wp-content/uploads/foto-${p.a.id}.jpg" alt=""><figcaption class="wp-caption-text">Suasana pelayanan peserta JKN di kantor BPJS Kesehatan. (Foto: Dok. Humas)</figcaption></figure></div>
<div class="entry-content">
${bodyLines(p, {
  every: 3,
  bacaJuga: (o) => `<p><strong>Baca Juga:</strong> <a href="${esc(o.url)}">${esc(o.title)}</a></p>`,
  furniture: furnitureDiv('wp'),
})}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Bagikan ini:</h3><ul><li><a class="share-facebook" href="#">Facebook</a></li><li><a class="share-twitter" href="#">Twitter</a></li><li><a class="share-jetpack-whatsapp" href="#">WhatsApp</a></li></ul></div>
</div>
<footer class="entry-footer"><span class="tags-links">Tag: <a href="/tag/bpjs-kesehatan" rel="tag">BPJS Kesehatan</a>, <a href="/tag/jkn" rel="tag">JKN</a>, <a href="/tag/uhc" rel="tag">UHC</a></span></footer>
</article>
<nav class="navigation post-navigation"><div class="nav-links"><div class="nav-previous"><a href="${esc(others(p, 1, 4)[0].url)}" rel="prev">${esc(others(p, 1, 4)[0].title)}</a></div></div></nav>
<div class="jp-relatedposts"><h3 class="jp-relatedposts-headline">Berita Terkait</h3>${others(p, 3, 5).map((o) => `<div class="jp-relatedposts-post"><a href="${esc(o.url)}">${esc(o.title)}</a></div>`).join('')}</div>
${commentForm}
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Berita Terpopuler</h2><ul>${others(p, 5, 8).map((o) => `<li><a href="${esc(o.url)}">${esc(o.title)}</a></li>`).join('')}</ul></section>
<section class="widget widget_text"><div class="textwidget"><p>Iklan: pasang iklan di sini, hubungi 0812-3456-7890.</p></div></section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">© 2026 ${site}. Hak cipta dilindungi undang-undang. <a href="/redaksi">Redaksi</a> | <a href="/pedoman-media-siber">Pedoman Media Siber</a></div></footer>
</div></body></html>
`;
}

function tribun(p: Page): string {
  const site = 'Tribun Daerah';
  const d = p.date;
  return `${head(p, site, jsonLd(p, site))}<div id="header"><div class="logo"><a href="/">TRIBUN DAERAH</a></div>${menu(['Home', 'Regional', 'Kesehatan', 'Bisnis', 'Superball', 'Video', 'Tribunners'])}</div>
${p.widgets.length ? `<div class="topbar">${p.widgets.map((w) => `<span>${esc(w)}</span>`).join(' | ')}</div>` : ''}
<div class="main"><div id="article" class="content">
<div class="breadcrumb"><a href="/">Home</a> » <a href="/regional">Regional</a> » <a href="/kesehatan">Kesehatan</a></div>
<h1 id="arttitle" class="f50 black2 f400 crimson">${esc(p.title)}</h1>
<div id="penulis" class="credit mt10">Penulis: <a href="/penulis/redaksi">Redaksi Tribun</a> | Editor: <a href="/editor/tim">Tim Editor</a></div>
${d ? `<time class="grey">${longDate(d)} 14:05 WIB</time>` : ''}
<div class="ovh imgfull_div"><img src="/foto/${p.a.id}.jpg" alt=""><div class="arial f12 grey2 pt5">Ilustrasi peserta JKN-KIS. (Tribun Daerah/Dok)</div></div>
<div class="side-article txt-article multi-fontsize">
${bodyLines(p, {
  every: 2,
  bacaJuga: (o) => `<p class="baca">Baca juga: <a href="${esc(o.url)}">${esc(o.title)}</a></p>`,
  furniture: furnitureDiv('tribun'),
  ad: '<div class="ads-placeholder">Advertisement</div>',
})}
</div>
<div class="paging"><span>Halaman 1</span> <a href="${esc(p.url)}?page=2">2</a> <a href="${esc(p.url)}?page=all">Tampilkan semua</a></div>
<div class="tagcloud3"><h5>Tags:</h5><a href="/tag/bpjs-kesehatan">BPJS Kesehatan</a> <a href="/tag/jkn-kis">JKN-KIS</a> <a href="/tag/uhc">UHC</a></div>
<div class="share-bottom">Share: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a> <a href="#">Copy Link</a></div>
<div class="related-box"><h3>Berita Terkait</h3><ul>${others(p, 4, 6).map((o) => `<li><a href="${esc(o.url)}">${esc(o.title)}</a></li>`).join('')}</ul></div>
<div class="komentar"><h3>Komentar</h3><div class="fb-comments">Silakan login untuk berkomentar</div></div>
</div>
<div id="right" class="sidebar"><h3>Terpopuler</h3><ol>${others(p, 5, 9).map((o) => `<li><a href="${esc(o.url)}">${esc(o.title)}</a> <span>Dibaca 12.345 kali</span></li>`).join('')}</ol></div></div>
<div id="footer">Copyright © 2026 Tribun Daerah. All Right Reserved. <a href="/about">About Us</a> <a href="/pedoman">Pedoman Media Siber</a></div>
</body></html>
`;
}

function detik(p: Page): string {
  const site = 'detikDaerah';
  const d = p.date;
  return `${head(p, site, jsonLd(p, site))}<header class="header"><div class="container"><a class="logo" href="/">detikDaerah</a>${menu(['Berita', 'Daerah', 'Kesehatan', 'Finance', 'Hot', 'Sport'])}</div></header>
${p.widgets.length ? `<div class="widget-top">${p.widgets.map((w) => `<span>${esc(w)}</span>`).join(' ')}</div>` : ''}
<div class="container"><div class="grid-row content__bg">
<div class="column-8"><article class="detail">
<div class="detail__header"><div class="page__breadcrumb"><a href="/">detikDaerah</a> <a href="/kesehatan">Kesehatan</a></div>
<h1 class="detail__title">${esc(p.title)}</h1>
<div class="detail__author">Tim detikDaerah - detikDaerah</div>
${d ? `<div class="detail__date">${longDate(d)} 10:30 WIB</div>` : ''}
<div class="detail__share">Bagikan: <a href="#">facebook</a> <a href="#">twitter</a> <a href="#">whatsapp</a> <a href="#">copy link</a></div></div>
<div class="detail__media"><figure class="detail__media-image"><img src="/foto/${p.a.id}.jpg" alt=""><figcaption class="detail__media-caption">Ilustrasi kartu JKN (Foto: dok. detikcom)</figcaption></figure></div>
<div class="detail__body itp_bodycontent_wrapper"><div class="detail__body-text itp_bodycontent">
${bodyLines(p, {
  every: 3,
  bacaJuga: (o) => `<table class="linksisip"><tr><td><div class="lihatjg"><strong>Baca juga:</strong> <a href="${esc(o.url)}">${esc(o.title)}</a></div></td></tr></table>`,
  furniture: furnitureDiv('detik'),
  ad: '<div class="parallaxindetail scrollpage"><div class="para_caption">ADVERTISEMENT</div><div class="para_caption">SCROLL TO CONTINUE WITH CONTENT</div></div><p class="scroll">Scroll ke bawah untuk melanjutkan</p>',
})}
</div>
<div class="detail__body-tag"><div class="nav">${['bpjs kesehatan', 'jkn', 'uhc'].map((t) => `<a class="nav__item" href="/tag/${t.replace(/ /g, '-')}">${t}</a>`).join('')}</div></div>
<div class="detail__long-nav"><a href="#">Halaman Selanjutnya</a></div></div>
<div class="box-reaction"><h4>Bagaimana reaksi Anda?</h4><span>Suka</span><span>Senang</span><span>Terkejut</span><span>Sedih</span><span>Marah</span></div>
<div class="comment-box"><h4>Komentar</h4><p>Login untuk berkomentar</p></div>
</article></div>
<div class="column-4"><div class="box cb-mostpop"><h3 class="title">Berita Terpopuler</h3>${others(p, 5, 7).map((o, i) => `<article class="list-content__item"><span class="num">#${i + 1}</span><a href="${esc(o.url)}">${esc(o.title)}</a></article>`).join('')}</div></div>
</div></div>
<footer class="footer"><p>Copyright @ 2026 detikDaerah, All rights reserved</p></footer>
</body></html>
`;
}

function kompas(p: Page): string {
  const site = 'Kompas Daerah';
  const d = p.date;
  return `${head(p, site, jsonLd(p, site))}<div class="nav nav--kompas"><div class="logo"><a href="/">Kompas Daerah</a></div>${menu(['News', 'Regional', 'Nasional', 'Health', 'Money', 'Tekno'])}</div>
${p.widgets.length ? `<div class="top-widget">${p.widgets.map((w) => `<span>${esc(w)}</span>`).join(' ')}</div>` : ''}
<div class="container clearfix"><div class="col-bs10-7">
<div class="read__header"><div class="breadcrumb"><ul><li><a href="/">Kompas Daerah</a></li><li><a href="/regional">Regional</a></li></ul></div>
<h1 class="read__title">${esc(p.title)}</h1>
${d ? `<div class="read__time">Kompas Daerah - ${pad(d.d)}/${pad(d.m)}/${d.y}, 11:58 WIB</div>` : ''}
<div class="read__credit"><div class="credit-title-name"><h6>Penulis Redaksi Daerah</h6></div><div class="credit-title-name"><h6>Editor Tim Editor</h6></div></div></div>
<div class="photo"><div class="photo__wrap"><img src="/photo/${p.a.id}.jpg" alt=""></div><div class="photo__caption">Petugas melayani peserta JKN di kantor cabang BPJS Kesehatan. KOMPAS.com/DOK</div></div>
<div class="read__article clearfix"><div class="read__content"><div class="clearfix">
${bodyLines(p, {
  every: 2,
  bacaJuga: (o) => `<p><strong>Baca juga: </strong><a class="inner-link-baca-juga" href="${esc(o.url)}">${esc(o.title)}</a></p>`,
  furniture: furnitureDiv('kompas'),
  ad: '<div class="ads-on-body"><div class="ads-partner-wrap">Advertisement</div></div>',
})}
</div></div>
<div class="read__tagging"><h3>Tag</h3>${['BPJS Kesehatan', 'JKN', 'UHC'].map((t) => `<a class="tag__article__link" href="/tag/${t}">${t}</a>`).join('')}</div>
<div class="social--inline">Bagikan artikel ini melalui <a href="#">WhatsApp</a> <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Salin tautan</a></div>
<div class="kompasidRec"><h3>Rekomendasi untuk anda</h3>${others(p, 4, 5).map((o) => `<div class="article__list"><a href="${esc(o.url)}">${esc(o.title)}</a></div>`).join('')}</div>
<div class="comment"><h3>Komentar</h3><p>Berikan komentar Anda di sini</p></div>
</div></div>
<div class="col-bs10-3"><div class="most"><h2>Terpopuler</h2>${others(p, 5, 10).map((o, i) => `<div class="most__item"><span class="most__count">${i + 1}</span><a href="${esc(o.url)}">${esc(o.title)}</a></div>`).join('')}</div></div></div>
<div class="footer">Copyright 2008 - 2026 PT. Kompas Daerah. All Rights Reserved.</div>
</body></html>
`;
}

function goid(p: Page): string {
  const site = 'Dinas Komunikasi dan Informatika Kabupaten Contoh';
  const d = p.date;
  return `${head(p, site)}<div class="topbar"><div class="container"><span><i class="fa fa-phone"></i> (0561) 123456</span> <span><i class="fa fa-envelope"></i> diskominfo@contoh-kab.go.id</span>${p.widgets.map((w) => ` <span>${esc(w)}</span>`).join('')}</div></div>
<nav class="navbar navbar-expand-lg"><a class="navbar-brand" href="/"><img src="/logo.png" alt=""> PEMERINTAH KABUPATEN CONTOH</a>${menu(['Beranda', 'Profil', 'Berita', 'Pengumuman', 'Layanan Publik', 'PPID', 'Kontak'])}</nav>
<div class="container"><div class="row"><div class="col-md-8"><div class="card"><div class="card-body">
<h3 class="judul-berita">${esc(p.title)}</h3>
<p class="text-muted small"><i class="fa fa-calendar"></i> ${d ? longDate(d) : 'Admin'} &nbsp; <i class="fa fa-user"></i> Admin Diskominfo &nbsp; <i class="fa fa-eye"></i> 1.284 kali dibaca</p>
<img class="img-fluid" src="/uploads/berita/${p.a.id}.jpg" alt=""><p class="keterangan-foto"><em>Foto: Dokumentasi Diskominfo</em></p>
<div class="isi-berita">
${bodyLines(p, {
  every: 4,
  bacaJuga: (o) => `<p>Baca juga: <a href="${esc(o.url)}">${esc(o.title)}</a></p>`,
  furniture: furnitureDiv('goid'),
})}
</div>
<div class="share-buttons">Bagikan: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
</div></div></div>
<div class="col-md-4"><div class="card"><div class="card-header">Berita Terbaru</div><ul class="list-group">${others(p, 5, 3).map((o) => `<li class="list-group-item"><a href="${esc(o.url)}">${esc(o.title)}</a></li>`).join('')}</ul></div>
<div class="card"><div class="card-header">Statistik Pengunjung</div><table class="table"><tr><td>Hari ini</td><td>123</td></tr><tr><td>Bulan ini</td><td>4.567</td></tr><tr><td>Total</td><td>456.789</td></tr></table></div>
<div class="card"><div class="card-header">Polling</div><p>Bagaimana pelayanan kami?</p><label><input type="radio"> Sangat baik</label><label><input type="radio"> Baik</label></div></div></div></div>
<footer class="footer bg-dark"><p>Hak Cipta © 2026 ${site}. Jl. Jenderal Sudirman No. 1, Kabupaten Contoh.</p></footer>
</body></html>
`;
}

const RENDER: Record<Template, (p: Page) => string> = { wordpress, tribun, detik, kompas, goid };

/**
 * The templates of the pages in corpus/html/index.json: a page keeps its template when articles are added (the
 * rotation index shifts), so the pages already scored do not change template.
 */
function previousTemplates(): Map<string, Template> {
  try {
    const rows = JSON.parse(readFileSync(join(here, 'index.json'), 'utf8')) as { id: string; template: Template }[];
    return new Map(rows.filter((r) => (TEMPLATES as readonly string[]).includes(r.template)).map((r) => [r.id, r.template]));
  } catch {
    return new Map();
  }
}

/** Picks a template: the page's own from before, the real site's own for tribunnews.com and kompas.com articles, else the rotation. */
function templateFor(a: DevArticle, i: number, previous: Map<string, Template> = new Map()): Template {
  const kept = previous.get(a.id);
  if (kept) return kept;
  if (a.url && /tribunnews\.com/.test(a.url)) return 'tribun';
  if (a.url && /kompas\.com/.test(a.url)) return 'kompas';
  return TEMPLATES[i % TEMPLATES.length];
}

/** Builds every page; returns the index rows. */
export function build(outDir = here): { id: string; file: string; template: Template; url: string }[] {
  const articles = readdirSync(DEV)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => DevArticle.parse(JSON.parse(readFileSync(join(DEV, f), 'utf8'))));
  const previous = previousTemplates();
  const prepared = articles.map((a, i) => {
    const template = templateFor(a, i, previous);
    const c = classify(a);
    return { a, template, ...c, url: a.url ?? syntheticUrl(a, template, c.title) };
  });
  const index: { id: string; file: string; template: Template; url: string }[] = [];
  for (const [i, x] of prepared.entries()) {
    const otherPages = prepared.filter((_, j) => j !== i).map((o) => ({ title: o.title, url: o.url }));
    const page: Page = { a: x.a, title: x.title, url: x.url, lines: x.lines, widgets: x.widgets, others: otherPages, date: dateOf(x.a) };
    const file = `${x.a.id}.html`;
    writeFileSync(join(outDir, file), RENDER[x.template](page));
    index.push({ id: x.a.id, file, template: x.template, url: x.url });
  }
  writeFileSync(join(outDir, 'index.json'), JSON.stringify(index, null, 2) + '\n');
  return index;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const index = build();
  process.stdout.write(`corpus/html: ${index.length} pages (${TEMPLATES.map((t) => `${t} ${index.filter((r) => r.template === t).length}`).join(', ')})\n`);
}
