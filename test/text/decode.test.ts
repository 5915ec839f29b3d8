import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { decodeHtml, charsetFromContentType, charsetFromMeta } from '../../src/text/decode.ts';
import { extractArticle } from '../../src/text/index.ts';

const page = (head: string, body: string): string => `<!DOCTYPE html><html><head>${head}<title>t</title></head><body><p>${body}</p></body></html>`;
const PROSE = 'Kepesertaan JKN di Kabupaten Sambas mencapai 67,48 persen, kata kepala cabang BPJS Kesehatan Pontianak.';

describe('decodeHtml: where the charset comes from', () => {
  it('takes the HTTP header first', () => {
    const bytes = iconv.encode(page('', 'Café – 98,5 persen'), 'windows-1252');
    const r = decodeHtml(bytes, 'text/html; charset=windows-1252');
    expect(r).toMatchObject({ charset: 'windows-1252', source: 'header' });
    expect(r.html).toContain('Café – 98,5 persen');
  });

  it('a byte-order mark beats a header that says otherwise', () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('', 'Rp 9,2 triliun — “kata”'))]);
    expect(decodeHtml(utf8, 'text/html; charset=iso-8859-1')).toMatchObject({ charset: 'utf-8', source: 'bom' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(page('', 'Jayapura “JKN”'), 'utf-16le')]);
    const r = decodeHtml(utf16);
    expect(r.charset).toBe('utf-16le');
    expect(r.html).toContain('Jayapura “JKN”');
    expect(r.html.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('prescans <meta charset> and <meta http-equiv>', () => {
    expect(charsetFromMeta(Buffer.from('<html><head><meta charset="Shift_JIS">'))).toBe('shift_jis');
    expect(charsetFromMeta(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'))).toBe('gbk');
    const bytes = iconv.encode(page('<meta charset="shift_jis">', '商標権侵害と判断される'), 'shift_jis');
    const r = decodeHtml(bytes);
    expect(r).toMatchObject({ charset: 'shift_jis', source: 'meta' });
    expect(r.html).toContain('商標権侵害と判断される');
  });

  it('reads pages that declare iso-8859-1 but are UTF-8 as UTF-8 (KapanLagi)', () => {
    const bytes = readFileSync(new URL('./fixtures/kapanlagi-singlepage.html', import.meta.url));
    expect(charsetFromMeta(bytes)).toBe('windows-1252');
    const r = decodeHtml(bytes);
    expect(r).toMatchObject({ charset: 'utf-8', source: 'utf8-check' });
    expect(r.html).not.toMatch(/Ã|â€/);
    expect(extractArticle(bytes, { url: 'http://www.kapanlagi.com/showbiz/selebriti/x.html' }).charset).toBe('utf-8');
  });

  it('keeps a real Latin-1 page Latin-1 even though it declares so', () => {
    const bytes = iconv.encode(page('<meta charset="iso-8859-1">', 'São Paulo, informação'), 'latin1');
    const r = decodeHtml(bytes);
    expect(r.charset).toBe('windows-1252');
    expect(r.html).toContain('São Paulo, informação');
  });

  it('detects the charset when nothing is declared and the bytes are not UTF-8', () => {
    const text = 'Selama ini menurut saya, pelayanan kesehatan di daerah ini cukup baik. '.repeat(20) + 'Ça coûte très cher, déjà élevé, à côté.';
    const r = decodeHtml(iconv.encode(page('', text), 'windows-1252'));
    expect(r.source).toBe('detected');
    expect(r.html).toContain('Ça coûte très cher, déjà élevé, à côté.');
  });

  it('does not believe "charset=utf-8" on bytes that are not UTF-8', () => {
    const r = decodeHtml(iconv.encode(page('<meta charset="utf-8">', `${PROSE} Ibu kota: Peñasco, Düsseldorf, façade.`), 'windows-1252'));
    expect(r.source).toBe('detected');
    expect(r.html).toContain('Düsseldorf');
  });

  it('falls back past unknown labels and reads plain ASCII as UTF-8', () => {
    expect(charsetFromContentType('text/html; charset=x-no-such-charset')).toBeNull();
    expect(decodeHtml(Buffer.from(page('<meta charset="bogus">', PROSE)))).toMatchObject({ charset: 'utf-8' });
  });
});
