import { describe, expect, it } from 'vitest';
import { guessTitle } from '../../src/extract/document.ts';
import { loadGold } from '../../src/extract/eval.ts';

describe('headline of a plain-text article', () => {
  it('finds the printed headline, or says null, on most dev articles', () => {
    const gold = loadGold('corpus/dev');
    const right = gold.filter((g) => guessTitle(g.text) === g.title).length;
    expect(right / gold.length).toBeGreaterThanOrEqual(0.8);
  });
  it('reads a title-case first line as the headline and a lead sentence as none', () => {
    expect(guessTitle('Capai 96%, Kabupaten Klaten Raih Penghargaan UHC Dari BPJS Kesehatan\n\nPemerintah …')).toBe('Capai 96%, Kabupaten Klaten Raih Penghargaan UHC Dari BPJS Kesehatan');
    expect(guessTitle('Jakarta – Pemerintah Provinsi Kalimantan Tengah menerima penghargaan.\nLain')).toBeNull();
    expect(guessTitle('Scroll ke bawah untuk melanjutkan\nKoran\nScroll ke bawah untuk melanjutkan')).toBeNull();
  });
});
