import { isIP } from 'node:net';

/**
 * IP address literals parsed into numbers, so that every spelling of one address compares equal: IPv6 with `::`
 * expanded, a dotted-quad tail turned into its two groups, upper-case hex, leading zeros and a zone id
 * (`fe80::1%eth0`) all come to the same eight groups. Only strict literals are accepted: the legacy IPv4 forms
 * (`127.1`, `0x7f.1`, `2130706433`) are canonicalised by WHATWG URL before a host name gets here, and a name the
 * system resolver would read that way is checked on the addresses it resolves to.
 */
export type IpAddress = { version: 4; value: number } | { version: 6; groups: readonly number[] };

/** An IPv4 or IPv6 literal (brackets and a zone id allowed), or null for anything else, e.g. a host name. */
export function parseIpAddress(text: string): IpAddress | null {
  const bare = withoutBrackets(text);
  const v4 = parseIPv4(bare);
  if (v4 !== null) return { version: 4, value: v4 };
  const groups = parseIPv6(bare);
  return groups ? { version: 6, groups } : null;
}

/** A strict dotted quad as an unsigned 32-bit number, or null. */
export function parseIPv4(text: string): number | null {
  if (isIP(text) !== 4) return null;
  return text.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

/** The eight 16-bit groups of an IPv6 literal, or null. */
export function parseIPv6(text: string): number[] | null {
  // RFC 4007 §11: the zone id only picks the interface; the address is what comes before it.
  const address = withoutZone(text);
  if (isIP(address) !== 6) return null;
  const [head, tail] = withHexTail(address).split('::');
  const before = groupsOf(head);
  if (tail === undefined) return before;
  const after = groupsOf(tail);
  return [...before, ...Array<number>(8 - before.length - after.length).fill(0), ...after];
}

/** Dotted-quad text of a 32-bit number. */
export function formatIPv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join('.');
}

/** Full (uncompressed) text of eight groups, which `BlockList` and `isIP` accept. */
export function formatIPv6(groups: readonly number[]): string {
  return groups.map((g) => g.toString(16)).join(':');
}

/** `[::1]` (a URL's hostname) → `::1`. */
export function withoutBrackets(text: string): string {
  return text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
}

function withoutZone(text: string): string {
  const percent = text.indexOf('%');
  return percent < 0 ? text : text.slice(0, percent);
}

/** `::ffff:127.0.0.1` → `::ffff:7f00:1` (RFC 4291 §2.2, form 3). */
function withHexTail(address: string): string {
  const lastColon = address.lastIndexOf(':');
  const v4 = parseIPv4(address.slice(lastColon + 1));
  if (v4 === null) return address;
  return `${address.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
}

function groupsOf(part: string): number[] {
  return part === '' ? [] : part.split(':').map((group) => parseInt(group, 16));
}
