/**
 * Which addresses the crawler may dial: a pure function of the address and the policy, checked for every
 * connection (each redirect hop, each name resolved), so a public name or a redirect cannot point us inside.
 *
 *  - public addresses: always;
 *  - loopback (127.0.0.0/8, ::1): only with `--allow-private` / `CAKUPAN_ALLOW_PRIVATE=1` (tests, a local mirror);
 *  - other private ranges (RFC 1918, CGNAT, ULA…): only the addresses or ranges listed explicitly
 *    (`--allow-private 10.1.2.3,fd00::/8`, or the same list in `CAKUPAN_ALLOW_PRIVATE`);
 *  - never, whatever the flag says: link-local (169.254.0.0/16, fe80::/10, where cloud machines answer
 *    metadata requests), the known metadata addresses, unspecified (0.0.0.0/8, ::), multicast and reserved.
 *
 * Addresses are read the way URL parsers and `inet_aton` read them, so no spelling slips through:
 * decimal (2130706433), octal (0177.0.0.1), hex (0x7f.1), short forms (127.1), IPv4-mapped IPv6
 * (::ffff:127.0.0.1, ::ffff:7f00:1), IPv4-compatible and NAT64 (64:ff9b::/96) forms, zone ids (fe80::1%eth0).
 */

/** An address in canonical form. */
export interface ParsedAddress {
  family: 4 | 6;
  /** 4 bytes or 16 bytes. */
  bytes: number[];
  /** Dotted quad or full lower-case IPv6. */
  text: string;
}

/** A CIDR range. */
export interface AddressRange {
  family: 4 | 6;
  bytes: number[];
  prefix: number;
  text: string;
}

/** What `--allow-private` opened. */
export interface AddressPolicy {
  /** Loopback opened (the bare flag). */
  loopback: boolean;
  /** Private addresses or ranges listed explicitly. */
  allowed: AddressRange[];
}

/** The default: public addresses only. */
export const PUBLIC_ONLY: AddressPolicy = { loopback: false, allowed: [] };

/** Why an address is refused, or null when it may be dialled. */
export type AddressVerdict = { ok: true } | { ok: false; reason: string };

function parseV4Part(p: string): number | null {
  if (p === '') return null;
  if (/^0x[0-9a-f]*$/i.test(p)) return p.length === 2 ? 0 : parseInt(p.slice(2), 16);
  if (/^0[0-7]+$/.test(p)) return parseInt(p, 8);
  if (/^(0|[1-9]\d*)$/.test(p)) return Number(p);
  return null;
}

/** IPv4 as URL parsers and inet_aton read it: 1–4 parts, each decimal, 0x hex or 0-led octal; the last fills the rest. */
export function parseIPv4(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop(); // "127.0.0.1." is the same host
  if (parts.length < 1 || parts.length > 4) return null;
  const nums = parts.map(parseV4Part);
  if (nums.some((n) => n === null || !Number.isFinite(n))) return null;
  const ns = nums as number[];
  const last = ns[ns.length - 1];
  for (let i = 0; i < ns.length - 1; i++) if (ns[i] > 255) return null;
  if (last >= 256 ** (5 - ns.length)) return null;
  const out = ns.slice(0, -1);
  const rest = 4 - out.length;
  for (let i = rest - 1; i >= 0; i--) out.push(Math.floor(last / 256 ** i) % 256);
  return out;
}

/** IPv6 (with "::", an embedded dotted quad, a zone id) to 16 bytes. */
export function parseIPv6(s: string): number[] | null {
  let t = s.replace(/^\[|\]$/g, '');
  const zone = t.indexOf('%');
  if (zone >= 0) t = t.slice(0, zone);
  if (!t.includes(':')) return null;
  // A trailing dotted quad ("::ffff:127.0.0.1") becomes two hex groups.
  const lastColon = t.lastIndexOf(':');
  const last = t.slice(lastColon + 1);
  if (last.includes('.')) {
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(last)) return null;
    const v4 = last.split('.').map(Number);
    if (v4.some((n) => n > 255)) return null;
    t = `${t.slice(0, lastColon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const halves = t.split('::');
  if (halves.length > 2) return null;
  const group = (h: string) => (h === '' ? [] : h.split(':'));
  const head = group(halves[0]);
  const back = halves.length === 2 ? group(halves[1]) : [];
  if ([...head, ...back].some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  let groups: string[];
  if (halves.length === 2) {
    const fill = 8 - head.length - back.length;
    if (fill < 1) return null;
    groups = [...head, ...Array<string>(fill).fill('0'), ...back];
  } else groups = head;
  if (groups.length !== 8) return null;
  const bytes: number[] = [];
  for (const g of groups) {
    const v = parseInt(g, 16);
    bytes.push(v >> 8, v & 255);
  }
  return bytes;
}

/** Parses any spelling of an address; null for a host name. */
export function parseAddress(host: string): ParsedAddress | null {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  if (h.includes(':')) {
    const b = parseIPv6(h);
    if (!b) return null;
    const text = Array.from({ length: 8 }, (_, i) => ((b[2 * i] << 8) | b[2 * i + 1]).toString(16)).join(':');
    return { family: 6, bytes: b, text };
  }
  if (!/^[0-9a-fx.]+$/i.test(h) || !/^(0x[0-9a-f]*|\d+)(\.(0x[0-9a-f]*|\d+))*\.?$/i.test(h)) return null;
  const b = parseIPv4(h);
  return b ? { family: 4, bytes: b, text: b.join('.') } : null;
}

/** A CIDR range ("10.0.0.0/8", "fd00::/8") or a single address ("10.1.2.3"). */
export function parseRange(s: string): AddressRange | null {
  const [addr, bits, extra] = s.trim().split('/');
  if (extra !== undefined) return null;
  const a = parseAddress(addr);
  if (!a) return null;
  const max = a.family === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : /^\d+$/.test(bits) ? Number(bits) : NaN;
  if (!(prefix >= 0 && prefix <= max)) return null;
  return { family: a.family, bytes: a.bytes, prefix, text: `${a.text}/${prefix}` };
}

const range = (s: string): AddressRange => parseRange(s)!;

function inRange(a: ParsedAddress, r: AddressRange): boolean {
  if (a.family !== r.family) return false;
  let bits = r.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 255 : (0xff << (8 - bits)) & 255;
    if ((a.bytes[i] & mask) !== (r.bytes[i] & mask)) return false;
  }
  return true;
}

/** Never dialled, whatever the policy: link-local, metadata, unspecified, multicast, reserved. */
export const NEVER: { range: AddressRange; why: string }[] = [
  ['169.254.0.0/16', 'link-local (cloud metadata answers here)'],
  ['fe80::/10', 'link-local'],
  ['100.100.100.200/32', 'a cloud metadata address'],
  ['168.63.129.16/32', 'a cloud metadata address'],
  ['fd00:ec2::254/128', 'a cloud metadata address'],
  ['0.0.0.0/8', 'unspecified ("this network", dialled as the local machine)'],
  ['::/128', 'unspecified'],
  ['224.0.0.0/4', 'multicast'],
  ['ff00::/8', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
  ['255.255.255.255/32', 'broadcast'],
].map(([r, why]) => ({ range: range(r), why }));

/** Loopback: opened by the bare flag. */
export const LOOPBACK = [range('127.0.0.0/8'), range('::1/128')];

/** Private but not dangerous: opened only when listed explicitly. */
export const PRIVATE = [
  '10.0.0.0/8', '100.64.0.0/10', '172.16.0.0/12', '192.0.0.0/24', '192.168.0.0/16', '198.18.0.0/15', 'fc00::/7',
].map(range);

/** The IPv4 address an IPv6 one carries (mapped ::ffff:0:0/96, compatible ::/96, NAT64 64:ff9b::/96), if any. */
function embeddedV4(a: ParsedAddress): ParsedAddress | null {
  if (a.family !== 6) return null;
  const b = a.bytes;
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  const mapped = zeros(0, 10) && b[10] === 0xff && b[11] === 0xff;
  const compatible = zeros(0, 12) && !zeros(12, 16) && !(zeros(12, 15) && b[15] === 1);
  const nat64 = b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12);
  if (!mapped && !compatible && !nat64) return null;
  const v4 = b.slice(12);
  return { family: 4, bytes: v4, text: v4.join('.') };
}

/** May `address` be dialled under `policy`? A host name (not an address) is refused: resolve it first. */
export function checkAddress(address: string, policy: AddressPolicy = PUBLIC_ONLY): AddressVerdict {
  const parsed = parseAddress(address);
  if (!parsed) return { ok: false, reason: `${address} is not an IP address` };
  const a = embeddedV4(parsed) ?? parsed;
  for (const n of NEVER) if (inRange(a, n.range)) return { ok: false, reason: `${address} is ${n.why}: never fetched, --allow-private or not` };
  if (LOOPBACK.some((r) => inRange(a, r))) {
    return policy.loopback ? { ok: true } : { ok: false, reason: `${address} is a loopback address (--allow-private opens loopback)` };
  }
  if (PRIVATE.some((r) => inRange(a, r))) {
    if (policy.allowed.some((r) => inRange(a, r) || inRange(parsed, r))) return { ok: true };
    return { ok: false, reason: `${address} is a private address (list it to open it: --allow-private ${a.text})` };
  }
  return { ok: true };
}

/** True when `address` is not public (loopback, private, link-local, reserved…). */
export function isNonPublic(address: string): boolean {
  return !checkAddress(address, PUBLIC_ONLY).ok;
}

/**
 * The policy from `--allow-private [LIST]` or `CAKUPAN_ALLOW_PRIVATE`: true, "", "1", "true" open loopback;
 * a comma list of addresses or CIDR ranges opens loopback and those; false, undefined, "0" open nothing.
 * @throws Error naming the bad entry (a range inside link-local is refused too: it would open nothing).
 */
export function parsePolicy(value: boolean | string | undefined | null, what = '--allow-private'): AddressPolicy {
  if (value === undefined || value === null || value === false) return PUBLIC_ONLY;
  if (value === true) return { loopback: true, allowed: [] };
  const v = value.trim();
  if (v === '0' || v.toLowerCase() === 'false') return PUBLIC_ONLY;
  if (v === '' || v === '1' || v.toLowerCase() === 'true') return { loopback: true, allowed: [] };
  const allowed: AddressRange[] = [];
  for (const item of v.split(',').map((x) => x.trim()).filter(Boolean)) {
    const r = parseRange(item);
    if (!r) throw new Error(`${what}: "${item}" is not an IP address or CIDR range (e.g. 10.1.2.3 or fd00::/8)`);
    const base: ParsedAddress = { family: r.family, bytes: r.bytes, text: r.text };
    // A range wholly inside a never-dialled one would open nothing: say so. (A wider range is fine: the
    // never-dialled part of it stays closed, checkAddress looks at NEVER first.)
    const never = NEVER.find((n) => r.prefix >= n.range.prefix && inRange(base, n.range));
    if (never) throw new Error(`${what}: "${item}" is inside ${never.range.text}, ${never.why}, which is never fetched`);
    allowed.push(r);
  }
  return { loopback: true, allowed };
}

/** The policy in words, for logs and errors. */
export function describePolicy(p: AddressPolicy): string {
  if (!p.loopback && p.allowed.length === 0) return 'public addresses only';
  return `public addresses, loopback${p.allowed.length ? `, ${p.allowed.map((r) => r.text).join(', ')}` : ''}`;
}
