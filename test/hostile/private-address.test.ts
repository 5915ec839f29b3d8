/**
 * Issue 12, point 9: `--allow-private` / `CAKUPAN_ALLOW_PRIVATE=1` used to open every non-public address,
 * link-local ones included (169.254.169.254 answers cloud metadata requests), also through a redirect. Now
 * it opens loopback and the addresses listed, never link-local or metadata, and every hop is checked again.
 *
 * No packet leaves loopback even if the code were wrong: the policy is a pure function tested on addresses,
 * and the redirect tests resolve names and dial through injected functions that record the address they
 * would dial; the only address ever dialled is 127.0.0.1 (the fixture server, posing as a public address).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConnector } from 'undici';
import { checkAddress, parseAddress, parsePolicy, PUBLIC_ONLY } from '../../src/crawl/address-policy.ts';
import { closeAgents, fetchPage, FetchError, type Dialer, type FetchOptions } from '../../src/crawl/fetch.ts';
import { send, startSite, type SiteServer } from '../crawl/fixtures/server.ts';

const LOOPBACK_ONLY = parsePolicy(true);

describe('the address policy (a pure function)', () => {
  it('reads every spelling of an address', () => {
    const same: [string, string][] = [
      ['2130706433', '127.0.0.1'],
      ['0177.0.0.1', '127.0.0.1'],
      ['0x7f.1', '127.0.0.1'],
      ['0x7f000001', '127.0.0.1'],
      ['127.1', '127.0.0.1'],
      ['127.0.0.1.', '127.0.0.1'],
      ['2852039166', '169.254.169.254'],
      ['0xa9.0xfe.0xa9.0xfe', '169.254.169.254'],
      ['0251.0376.0251.0376', '169.254.169.254'],
      ['[::1]', '0:0:0:0:0:0:0:1'],
      ['::ffff:127.0.0.1', '0:0:0:0:0:ffff:7f00:1'],
      ['::FFFF:7F00:1', '0:0:0:0:0:ffff:7f00:1'],
      ['fe80::1%eth0', 'fe80:0:0:0:0:0:0:1'],
    ];
    for (const [spelled, canonical] of same) expect(parseAddress(spelled)?.text, spelled).toBe(canonical);
    for (const name of ['example.com', 'berita.id', '1.2.3.4.5', '256.0.0.1', '0x1g.0.0.1', ':::1', '1::2::3']) expect(parseAddress(name), name).toBeNull();
  });

  it('public addresses pass; nothing else does without the flag', () => {
    for (const a of ['8.8.8.8', '103.10.20.30', '2001:4860:4860::8888', '203.0.113.10', '::ffff:8.8.8.8']) expect(checkAddress(a, PUBLIC_ONLY), a).toEqual({ ok: true });
    for (const a of ['127.0.0.1', '2130706433', '0177.0.0.1', '0x7f.1', '::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '100.64.0.1', 'fd00::1', '169.254.169.254', 'fe80::1', '0.0.0.0', '::'])
      expect(checkAddress(a, PUBLIC_ONLY).ok, a).toBe(false);
  });

  it('the bare flag opens loopback in every spelling, and nothing else private', () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '2130706433', '0177.0.0.1', '0x7f.1', '127.1', '::1', '[::1]', '::ffff:127.0.0.1', '::ffff:7f00:1'])
      expect(checkAddress(a, LOOPBACK_ONLY), a).toEqual({ ok: true });
    for (const a of ['10.1.2.3', '172.16.0.1', '192.168.0.10', '100.64.0.1', 'fd00::1', 'fc00::5']) {
      const v = checkAddress(a, LOOPBACK_ONLY);
      expect(v.ok, a).toBe(false);
      expect(!v.ok && v.reason, a).toMatch(/private address \(list it to open it: --allow-private /);
    }
  });

  it('never link-local, metadata, unspecified or multicast, even when listed', () => {
    const wide = parsePolicy('0.0.0.0/0,::/0');
    for (const a of ['169.254.169.254', '2852039166', '0xa9fea9fe', '0251.0376.0251.0376', '::ffff:169.254.169.254', '::ffff:a9fe:a9fe', '64:ff9b::a9fe:a9fe', '169.254.0.1', 'fe80::1', 'fe80::1%eth0', 'febf::1', 'fd00:ec2::254', '100.100.100.200', '0.0.0.0', '0', '::', '224.0.0.1', 'ff02::1']) {
      for (const p of [PUBLIC_ONLY, LOOPBACK_ONLY, wide]) expect(checkAddress(a, p).ok, a).toBe(false);
      const v = checkAddress(a, wide);
      expect(!v.ok && v.reason, a).toMatch(/never fetched/);
    }
  });

  it('a list opens loopback and exactly what it names', () => {
    const p = parsePolicy('10.1.2.3, fd00::/8');
    expect(p.loopback).toBe(true);
    expect(checkAddress('10.1.2.3', p)).toEqual({ ok: true });
    expect(checkAddress('::ffff:10.1.2.3', p)).toEqual({ ok: true });
    expect(checkAddress('10.1.2.4', p).ok).toBe(false);
    expect(checkAddress('fd12:3456::1', p)).toEqual({ ok: true });
    expect(checkAddress('fc00::1', p).ok).toBe(false);
    expect(checkAddress('127.0.0.1', p)).toEqual({ ok: true });
    expect(checkAddress('fd00:ec2::254', p).ok).toBe(false); // metadata inside the listed range stays closed
  });

  it('flag values: bare, "1", a list; bad entries are named', () => {
    expect(parsePolicy(undefined)).toEqual(PUBLIC_ONLY);
    expect(parsePolicy('0')).toEqual(PUBLIC_ONLY);
    expect(parsePolicy('1')).toEqual(LOOPBACK_ONLY);
    expect(parsePolicy('')).toEqual(LOOPBACK_ONLY);
    expect(() => parsePolicy('10.1.2.3,intranet')).toThrow(/--allow-private: "intranet" is not an IP address or CIDR range/);
    expect(() => parsePolicy('10.0.0.0/33')).toThrow(/"10\.0\.0\.0\/33" is not an IP address or CIDR range/);
    expect(() => parsePolicy('169.254.169.254')).toThrow(/inside 169\.254\.0\.0\/16, link-local .* never fetched/);
    expect(() => parsePolicy('fe80::/64', 'CAKUPAN_ALLOW_PRIVATE')).toThrow(/^CAKUPAN_ALLOW_PRIVATE: "fe80::\/64" is inside fe80/);
  });
});

describe('every redirect hop is checked, through an injected connector that records what it would dial', () => {
  let site: SiteServer;
  let dialled: string[];
  let port: number;
  // Names a test DNS gives: one "public" name (the fixture server, dialled on 127.0.0.1), the rest inside.
  const names: Record<string, string> = { 'news.example': '203.0.113.10', 'metadata.example': '169.254.169.254', 'inside.example': '10.1.2.3', 'v6meta.example': 'fe80::a9fe:a9fe' };
  const resolve: FetchOptions['resolve'] = async (host) => {
    const a = names[host];
    if (!a) throw Object.assign(new Error(`test DNS: no ${host}`), { code: 'ENOTFOUND' });
    return [{ address: a, family: a.includes(':') ? 6 : 4 }];
  };
  const loopbackDial = buildConnector({ timeout: 2000 });
  const dial: Dialer = (opts, cb) => {
    dialled.push(opts.hostname);
    // The "public" test address really goes to the fixture server on loopback; anything else is never dialled.
    if (opts.hostname === '203.0.113.10') return loopbackDial({ ...opts, hostname: '127.0.0.1', port: String(port) } as never, cb);
    if (opts.hostname === '127.0.0.1') return loopbackDial(opts, cb);
    cb(Object.assign(new Error(`test connector: would dial ${opts.hostname}; not dialled`), { code: 'ETESTDIAL' }), null);
  };
  const via = (extra: Partial<FetchOptions> = {}): FetchOptions => ({ resolve, dial, totalTimeoutMs: 5000, ...extra });

  beforeAll(async () => {
    site = await startSite({
      '/ok': send('<html><body>ok</body></html>'),
      '/to-metadata-ip': send('', 'text/plain', 302, { location: 'http://169.254.169.254/latest/meta-data/' }),
      '/to-metadata-decimal': send('', 'text/plain', 302, { location: 'http://2852039166/latest/meta-data/' }),
      '/to-metadata-mapped': send('', 'text/plain', 301, { location: 'http://[::ffff:169.254.169.254]/latest/meta-data/' }),
      '/to-metadata-name': send('', 'text/plain', 307, { location: 'http://metadata.example/latest/meta-data/' }),
      '/to-v6-link-local': send('', 'text/plain', 302, { location: 'http://v6meta.example/' }),
      '/to-inside': send('', 'text/plain', 302, { location: 'http://inside.example/admin' }),
      '/to-loopback': send('', 'text/plain', 302, { location: 'http://127.0.0.1:PORT/ok' }),
    });
    port = Number(new URL(site.origin).port);
    site.route('/to-loopback', send('', 'text/plain', 302, { location: `http://127.0.0.1:${port}/ok` }));
  });
  afterAll(async () => {
    await site.close();
    await closeAgents();
  });

  const refused = async (p: Promise<unknown>): Promise<FetchError> => {
    const e = await p.then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(FetchError);
    return e as FetchError;
  };

  it('a public name is dialled at its public address', async () => {
    dialled = [];
    const page = await fetchPage('http://news.example/ok', via());
    expect(page.status).toBe(200);
    expect(dialled).toEqual(['203.0.113.10']);
  });

  for (const [path, allowPrivate] of [
    ['/to-metadata-ip', true],
    ['/to-metadata-decimal', true],
    ['/to-metadata-mapped', true],
    ['/to-metadata-name', true],
    ['/to-v6-link-local', true],
    ['/to-metadata-name', '10.0.0.0/8,fd00::/8'],
    ['/to-metadata-ip', undefined],
  ] as const) {
    it(`a redirect to link-local/metadata (${path}, allowPrivate ${String(allowPrivate)}) is refused before any dial`, async () => {
      dialled = [];
      const e = await refused(fetchPage(`http://news.example${path}`, via({ allowPrivate })));
      expect(e.code).toBe('private-address');
      expect(e.message).toMatch(/169\.254\.169\.254|2852039166|a9fe|fe80|link-local/);
      expect(dialled).toEqual(['203.0.113.10']); // the first hop only
    });
  }

  it('a redirect to an unlisted private address is refused under the bare flag; listed, it is dialled', async () => {
    dialled = [];
    expect((await refused(fetchPage('http://news.example/to-inside', via({ allowPrivate: true })))).code).toBe('private-address');
    expect(dialled).toEqual(['203.0.113.10']);
    dialled = [];
    const e = await refused(fetchPage('http://news.example/to-inside', via({ allowPrivate: '10.1.2.3' })));
    expect(e.message).toMatch(/test connector: would dial 10\.1\.2\.3/);
    expect(dialled).toEqual(['203.0.113.10', '10.1.2.3']);
  });

  it('a redirect to loopback needs the flag', async () => {
    dialled = [];
    expect((await refused(fetchPage('http://news.example/to-loopback', via()))).code).toBe('private-address');
    expect(dialled).toEqual(['203.0.113.10']);
    dialled = [];
    const ok = await fetchPage('http://news.example/to-loopback', via({ allowPrivate: true }));
    expect(ok.status).toBe(200);
    expect(dialled).toEqual(['203.0.113.10', '127.0.0.1']);
  });

  it('CAKUPAN_ALLOW_PRIVATE takes the same values', async () => {
    const before = process.env.CAKUPAN_ALLOW_PRIVATE;
    try {
      process.env.CAKUPAN_ALLOW_PRIVATE = '1';
      dialled = [];
      expect((await fetchPage(`http://127.0.0.1:${port}/ok`, via())).status).toBe(200);
      expect((await refused(fetchPage('http://news.example/to-metadata-ip', via()))).code).toBe('private-address');
      process.env.CAKUPAN_ALLOW_PRIVATE = '10.1.2.3';
      expect((await refused(fetchPage('http://news.example/to-inside', via()))).message).toMatch(/would dial 10\.1\.2\.3/);
    } finally {
      if (before === undefined) delete process.env.CAKUPAN_ALLOW_PRIVATE;
      else process.env.CAKUPAN_ALLOW_PRIVATE = before;
    }
  });
});
