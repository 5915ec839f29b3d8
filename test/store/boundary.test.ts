import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts file under src/ outside src/store/ (the one door to the data). */
function outsideStore(dir = 'src'): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (p !== join('src', 'store')) out.push(...outsideStore(p));
    } else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

describe('store boundary', () => {
  const files = outsideStore();

  it('scans the stages', () => {
    expect(files).toContain(join('src', 'review', 'service.ts'));
    expect(files).toContain(join('src', 'crawl', 'cli.ts'));
  });

  it('no module outside src/store/ touches the store\'s raw database handle or imports a driver', () => {
    const offending: string[] = [];
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      src.split('\n').forEach((line, i) => {
        if (/\b(store|svc|this)\.db\b/.test(line) || /from ['"](better-sqlite3|pg)['"]/.test(line)) offending.push(`${f}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offending).toEqual([]);
  });

  it('the review stage reads only through store methods: no SQL prepared in src/review/', () => {
    const review = files.filter((f) => f.startsWith(join('src', 'review')));
    expect(review.length).toBeGreaterThan(5);
    const prepared = review.filter((f) => /\.prepare\(|\.transaction\(\(\)/.test(readFileSync(f, 'utf8').replace(/store\.transaction\(/g, '')));
    expect(prepared).toEqual([]);
  });
});
