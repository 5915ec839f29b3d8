/**
 * Real pages: six Indonesian news pages with their upstream gold (test/text/fixtures), and the generated
 * template pages of corpus/html with the dev articles' gold fact spans.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { z } from 'zod';
import { extractArticle } from '../../src/text/index.ts';
import { scorePage, tokenize } from '../../src/text/shingle.ts';
import { loadProfiles, profileFor } from '../../src/text/profiles.ts';
import { build } from '../../corpus/html/build.ts';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const Gold = z.object({ pages: z.record(z.string(), z.object({ file: z.string(), url: z.string(), title: z.string(), articleBody: z.string(), date: z.number() })) });
const gold = Gold.parse(JSON.parse(readFileSync(new URL('gold.json', FIXTURES), 'utf8'))).pages;

/** Lines that must never stay in an Indonesian body. */
const LEAK = /^(baca juga|editor\s*:|redaktur|penulis|pewarta|fotografer|(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu),\s+\d{1,2}\s+\w+\s+\d{4})/i;

describe('Indonesian news pages (upstream gold)', () => {
  it.each(Object.keys(gold))('%s: body, title and date', (id) => {
    const g = gold[id];
    const a = extractArticle(readFileSync(new URL(g.file, FIXTURES)), { url: g.url });
    const s = scorePage(g.articleBody, a.text);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
    expect(a.text.split('\n\n').filter((l) => LEAK.test(l))).toEqual([]);
    expect(tokenize(a.title ?? '')).toEqual(tokenize(g.title));
    expect(a.published).toBe(new Date(g.date + 7 * 3600_000).toISOString().slice(0, 10));
  });

  it('uses the site profile for a known host and says so', () => {
    const g = gold['antara-singlepage'];
    const a = extractArticle(readFileSync(new URL(g.file, FIXTURES)), { url: g.url });
    expect(a.method).toBe('profile:antara');
    expect(a.author).toBe('Nur Imansyah');
    const generic = extractArticle(readFileSync(new URL(g.file, FIXTURES)), { url: 'https://mirror.example/berita/527615' });
    expect(generic.method).toBe('scorer');
    expect(scorePage(g.articleBody, generic.text).recall).toBe(1);
  });
});

describe('site profiles', () => {
  it('validate, and match a host with its subdomains', () => {
    const profiles = loadProfiles();
    expect(profiles.length).toBeGreaterThan(5);
    expect(profileFor('https://regional.kompas.com/read/2025/05/19/x', profiles)?.name).toBe('kompas');
    expect(profileFor('https://www.antaranews.com/berita/1', profiles)?.name).toBe('antara');
    expect(profileFor('https://notkompas.com/x', profiles)).toBeNull();
    expect(profileFor('not a url', profiles)).toBeNull();
  });

  it('name the file when it is invalid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'profiles-'));
    try {
      const file = join(dir, 'site-profiles.json');
      writeFileSync(file, JSON.stringify({ profiles: [{ name: 'Bad Name', hosts: [], body: [] }] }));
      expect(() => loadProfiles(file)).toThrow(/site-profiles\.json: invalid site profiles/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});


const CORPUS = new URL('../../corpus/html/', import.meta.url);
const Index = z.array(z.object({ id: z.string(), file: z.string(), template: z.string(), url: z.string() }));
const index = Index.parse(JSON.parse(readFileSync(new URL('index.json', CORPUS), 'utf8')));
const Dev = z.object({ id: z.string(), title: z.string().nullable(), facts: z.array(z.object({ span: z.string() })), categories: z.array(z.object({ span: z.string() })) });
const dev = new Map(index.map((p) => [p.id, Dev.parse(JSON.parse(readFileSync(new URL(`../../corpus/dev/${p.id}.json`, import.meta.url), 'utf8')))]));

describe('corpus/html: the dev articles in regional-site templates', () => {
  it('covers every dev article and all five templates', () => {
    const devIds = readdirSync(new URL('../../corpus/dev/', import.meta.url)).filter((f) => f.endsWith('.json')).map((f) => f.replace('.json', ''));
    expect(index.map((p) => p.id).sort()).toEqual(devIds.sort());
    expect(new Set(index.map((p) => p.template))).toEqual(new Set(['wordpress', 'tribun', 'detik', 'kompas', 'goid']));
  });

  it('is what build.ts writes today', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-html-'));
    try {
      build(dir);
      for (const f of ['index.json', ...index.map((p) => p.file)]) expect(readFileSync(join(dir, f), 'utf8'), f).toBe(readFileSync(new URL(f, CORPUS), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Other articles' headlines appear on every page ("Baca juga", related, popular lists); none may leak.
  const headlines = index.map((p) => readFileSync(new URL(p.file, CORPUS), 'utf8').match(/<h1[^>]*>([^<]+)<\/h1>|<h3 class="judul-berita">([^<]+)<\/h3>/)).map((m) => (m ? (m[1] ?? m[2]).replace(/&amp;/g, '&') : ''));

  it.each(index.map((p, i) => [p.id, p.template, i] as const))('%s (%s): every gold span in the body or headline, no furniture', (id, _template, i) => {
    const p = index[i];
    const a = extractArticle(readFileSync(new URL(p.file, CORPUS)), { url: p.url });
    // A span in the headline (s002 "Capai 96%, …") is in `title`, which the fact engine reads too.
    const read = `${a.title}\n${a.text}`;
    for (const f of [...dev.get(id)!.facts, ...dev.get(id)!.categories]) {
      for (const part of f.span.split('\n')) expect(read).toContain(part);
    }
    headlines.forEach((h, j) => {
      if (j !== i && h.length > 20) expect(a.text).not.toContain(h);
    });
    expect(a.text.split('\n\n').filter((l) => LEAK.test(l) || /^(advertisement|scroll|bagikan|tags?:|tinggalkan)/i.test(l))).toEqual([]);
  });
});
