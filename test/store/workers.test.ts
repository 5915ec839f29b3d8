import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/store/pipeline.ts';
import type { StaleArticle } from '../../src/store/types.ts';
import { createExtractorPool } from '../../src/store/workers.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

function article(i: number, kind: 'html' | 'text', body: string): StaleArticle {
  return { articleId: i, pageId: i, url: `https://a.example/${i}`, bytes: Buffer.from(body), kind, contentType: null, titleHint: null, publishedHint: '2025-01-02' };
}

describe('extraction worker pool', () => {
  it('gives the same extractions as the main thread, in order, and passes errors back by name and message', async () => {
    const d001 = JSON.parse(readFileSync(`${ROOT}corpus/dev/d001.json`, 'utf8')) as { text: string };
    const batch = [
      article(1, 'text', d001.text),
      article(2, 'html', `<html><head><title>Judul</title></head><body><p>${d001.text}</p></body></html>`),
      article(3, 'html', '<html><body><script>x()</script></body></html>'),
      article(4, 'text', 'Cakupan JKN Kabupaten Banjar mencapai 98,5 persen.'),
    ];
    const pool = createExtractorPool(2);
    try {
      const results = await pool.extractBatch(batch);
      expect(results.map((r) => r.article.articleId)).toEqual([1, 2, 3, 4]);
      for (const r of results) {
        if (r.article.articleId === 3) {
          expect(r.error?.name).toBe('InputError');
          expect(r.error?.message).toBe('https://a.example/3: no article text found in the page');
        } else {
          expect(r.extraction).toEqual(extractDocument(r.article));
        }
      }
    } finally {
      await pool.close();
    }
  });
});
