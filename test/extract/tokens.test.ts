import { describe, expect, it } from 'vitest';
import { WHITE_SPACE } from '../../src/extract/tokens.ts';

describe('tokens', () => {
  it('lists exactly the code units that \\s matches, with and without /u', () => {
    const all: number[] = [];
    const allU: number[] = [];
    for (let c = 0; c < 65536; c++) {
      if (/\s/.test(String.fromCharCode(c))) all.push(c);
      if (/\s/u.test(String.fromCharCode(c))) allU.push(c);
    }
    expect([...WHITE_SPACE].sort((a, b) => a - b)).toEqual(all);
    expect(allU).toEqual(all);
  });
});
