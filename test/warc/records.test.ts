import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { readRecords, splitRecords, type RawRecord } from '../../src/warc/records.ts';
import { hostFilter, indonesianShare, readHead } from '../../src/warc/filter.ts';
import { articlePage, devArticles, ENGLISH_PAGE, serialize } from './fixtures.ts';

async function* chunks(b: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}

async function all(b: Buffer, gzip: boolean, size = 65536, startOffset = 0): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const r of readRecords(chunks(b.subarray(startOffset), size), { gzip, startOffset })) out.push(r.bytes ? { ...r, bytes: Buffer.from(r.bytes) } : r);
  return out;
}

const arts = devArticles().slice(0, 3);
const rec = (i: number, gzip: boolean) => serialize({ url: `https://a.example.co.id/${i}`, html: articlePage(arts[i % 3]!) }, gzip);

describe('WARC records out of a stream', () => {
  it('reads every member of a .warc.gz at its offset, whatever the chunk size', async () => {
    const parts = await Promise.all([0, 1, 2].map((i) => rec(i, true)));
    const file = Buffer.concat(parts);
    for (const size of [7, 1000, 1 << 20]) {
      const rs = await all(file, true, size);
      expect(rs.map((r) => [r.offset, r.length, r.error])).toEqual([[0, parts[0]!.length, undefined], [parts[0]!.length, parts[1]!.length, undefined], [parts[0]!.length + parts[1]!.length, parts[2]!.length, undefined]]);
      expect(rs.map((r) => readHead(r.bytes!).targetUri)).toEqual(['https://a.example.co.id/0', 'https://a.example.co.id/1', 'https://a.example.co.id/2']);
    }
  });

  it('resumes at an offset: the records from there on, at the same offsets', async () => {
    const parts = await Promise.all([0, 1, 2].map((i) => rec(i, true)));
    const file = Buffer.concat(parts);
    const rs = await all(file, true, 4096, parts[0]!.length);
    expect(rs.map((r) => r.offset)).toEqual([parts[0]!.length, parts[0]!.length + parts[1]!.length]);
  });

  it('a member holding two records (a whole small file gzipped once) gives both', async () => {
    const two = Buffer.concat([await rec(0, false), await rec(1, false)]);
    const [m] = await all(gzipSync(two), true);
    const { records, error } = splitRecords(m!.bytes!);
    expect(error).toBeNull();
    expect(records.map((r) => readHead(r).targetUri)).toEqual(['https://a.example.co.id/0', 'https://a.example.co.id/1']);
  });

  it('garbage between members, with gzip magic bytes in it, is one bad record; reading goes on at the next member', async () => {
    const a = await rec(0, true);
    const b = await rec(1, true);
    const junk = Buffer.concat([Buffer.from('sampah '), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3]), Buffer.alloc(300, 0x41)]);
    const rs = await all(Buffer.concat([a, junk, b]), true, 64);
    expect(rs.map((r) => [r.offset, r.error === undefined])).toEqual([[0, true], [a.length, false], [a.length + junk.length, true]]);
    expect(rs[1]!.length).toBe(junk.length);
  });

  it('a plain .warc: blank lines between records are skipped, a record cut at the end is named', async () => {
    const a = await rec(0, false);
    const b = await rec(1, false);
    const file = Buffer.concat([a, Buffer.from('\r\n\r\n'), b, b.subarray(0, 500)]);
    const rs = await all(file, false, 100);
    expect(rs.map((r) => r.error ?? 'ok')).toEqual(['ok', 'ok', `Content-Length ${b.length - b.indexOf('\r\n\r\n') - 8} runs past the end of the data`]);
    expect(rs[1]!.offset).toBe(a.length);
    expect(rs[2]!.offset).toBe(a.length + 4 + b.length);
  });
});

describe('cheap filters', () => {
  it('hosts: names (with their www.), suffixes, everything', () => {
    const f = hostFilter(['jateng.antaranews.com', '.id', 'https://Lampost.co/']);
    expect(['https://www.jateng.antaranews.com/x', 'https://radar.co.id/', 'https://lampost.co/a', 'https://id/'].map((u) => f.test(u))).toEqual([true, true, true, true]);
    expect(['https://antaranews.com/', 'https://example.com/', 'not a url'].map((u) => f.test(u))).toEqual([false, false, false]);
    expect(hostFilter(['*']).test('https://example.com/')).toBe(true);
  });
  it('Indonesian text has many function words, English almost none, a shell page too few words to tell', () => {
    expect(indonesianShare(arts[0]!.text)).toBeGreaterThan(0.1);
    expect(indonesianShare(ENGLISH_PAGE.replace(/<[^>]*>/g, ' '))).toBeLessThan(0.03);
    expect(indonesianShare('Beranda Daerah Redaksi')).toBeNull();
  });
});
