/**
 * Reviewed articles as gold test data: one JSON file per article in the corpus format of
 * `corpus/dev/README.md`, so what reviewers decide becomes a case the extractor is scored on.
 *
 * An article qualifies when every one of its live facts and categories was reviewed (none left
 * `auto`); its gold holds the accepted and corrected ones, with the reviewer's values. Rejected
 * items are left out, which is what makes them negative cases. What the extractor never found is
 * not in the store, so a reviewer who sees a missed figure adds it to the exported file by hand.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ReviewReads } from '../store/review-reads.ts';
import { z } from 'zod';
import { Category, Level, Metric, PartialDate } from '../types.ts';

/** The store's reads the export needs (`ReviewService.reads`, or `store.reviewReads()`, on either backend). */
type Db = Pick<ReviewReads, 'goldArticles' | 'goldFacts' | 'goldCategories'>;

/** One gold fact, as `corpus/dev/*.json` writes it. */
export const GoldFact = z.object({
  region: z.string(),
  level: Level,
  metric: Metric,
  value: z.number(),
  as_of: PartialDate.nullable(),
  span: z.string().min(1),
});

/** One gold category. */
export const GoldCategory = z.object({
  region: z.string(),
  level: Level,
  category: Category,
  year: z.number().int().nullable(),
  span: z.string().min(1),
});

/** One gold article (a file of the corpus). */
export const GoldArticle = z.object({
  id: z.string(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  published: PartialDate.nullable(),
  text: z.string(),
  facts: z.array(GoldFact),
  categories: z.array(GoldCategory),
});
export type GoldArticle = z.infer<typeof GoldArticle>;

/** Export options. */
export interface GoldExportOptions {
  /** Also export articles with items still `auto` (their gold is then incomplete). @default false */
  partial?: boolean;
  /** File-name prefix of the ids: "r" gives r000012.json, apart from the hand-made d/s files. @default "r" */
  prefix?: string;
}

/** The gold articles of the store, article id order. */
export async function goldArticles(db: Db, opts: GoldExportOptions = {}): Promise<GoldArticle[]> {
  const out: GoldArticle[] = [];
  for (const a of await db.goldArticles()) if (qualifies(a, opts)) out.push(assemble(a, await db.goldFacts(a.id), await db.goldCategories(a.id), opts));
  return out;
}

type ArticleRow = Awaited<ReturnType<Db['goldArticles']>>[number];

function qualifies(a: ArticleRow, opts: GoldExportOptions): boolean {
  return a.reviewed > 0 && (a.open === 0 || !!opts.partial);
}

function assemble(a: ArticleRow, facts: unknown[], categories: unknown[], opts: GoldExportOptions): GoldArticle {
  const prefix = opts.prefix ?? 'r';
  return GoldArticle.parse({
    id: `${prefix}${String(a.id).padStart(6, '0')}`,
    // Files read from disk are stored as file:// URLs; the corpus writes null for them.
    url: a.url.startsWith('http') ? a.url : null,
    title: a.title,
    published: a.published && PartialDate.safeParse(a.published).success ? a.published : null,
    text: a.text,
    facts,
    categories,
  });
}

/** Writes the gold articles as `<dir>/<id>.json` (2-space indent, like the dev set); returns what it wrote. */
export async function writeGold(db: Db, dir: string, opts: GoldExportOptions = {}): Promise<{ files: string[]; facts: number; categories: number }> {
  return writeGoldFiles(await goldArticles(db, opts), dir);
}

/** Writes gold articles already read as `<dir>/<id>.json`. */
export function writeGoldFiles(gold: GoldArticle[], dir: string): { files: string[]; facts: number; categories: number } {
  // The folder asked for is created, never its parents: a typo in the path fails instead of building a tree.
  const parent = dirname(resolve(dir));
  if (!existsSync(parent)) throw new Error(`${dir}: the folder ${parent} does not exist; create it first (mkdir -p ${parent}) or choose another --out`);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let facts = 0;
  let categories = 0;
  for (const g of gold) {
    const file = join(dir, `${g.id}.json`);
    writeFileSync(file, JSON.stringify(g, null, 2) + '\n');
    files.push(file);
    facts += g.facts.length;
    categories += g.categories.length;
  }
  return { files, facts, categories };
}
