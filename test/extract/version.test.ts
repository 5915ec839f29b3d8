/**
 * The extractor version moves with the extraction's output: `cakupan refresh` re-extracts stored articles only when
 * EXTRACTOR_VERSION rises, so a change that alters any fact on the gold corpus must bump it. This test pins the
 * output's fingerprint for the current version; when it fails, bump EXTRACTOR_VERSION and pin the new fingerprint.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION, extractFacts } from '../../src/extract/index.ts';
import { loadGold } from '../../src/extract/eval.ts';

const pinned = JSON.parse(readFileSync(new URL('./extractor-version.json', import.meta.url), 'utf8')) as { version: number; fingerprint: string };

function fingerprint(): string {
  const h = createHash('sha256');
  for (const g of loadGold('corpus/dev')) {
    const { facts, categories } = extractFacts(g.text, { published: g.published });
    h.update(JSON.stringify({ facts, categories }));
  }
  return h.digest('hex');
}

describe('extractor version', () => {
  it('is bumped whenever the facts extracted from the gold corpus change', () => {
    const now = fingerprint();
    if (pinned.version === EXTRACTOR_VERSION) {
      expect(now, `the extraction output changed: raise EXTRACTOR_VERSION (src/extract/index.ts) above ${EXTRACTOR_VERSION} and pin {"version": ${EXTRACTOR_VERSION + 1}, "fingerprint": "${now}"} in test/extract/extractor-version.json`).toBe(pinned.fingerprint);
    } else {
      expect(EXTRACTOR_VERSION, 'the version only rises').toBeGreaterThan(pinned.version);
      expect.fail(`EXTRACTOR_VERSION is ${EXTRACTOR_VERSION}: pin {"version": ${EXTRACTOR_VERSION}, "fingerprint": "${now}"} in test/extract/extractor-version.json`);
    }
  });
});
