import { LookupAddress } from 'node:dns';
import { BlockList } from 'node:net';
import { HostResolver } from './host-resolver';
import { formatIPv4, formatIPv6, IpAddress, parseIpAddress, withoutBrackets } from './ip-address';

/**
 * Where a webhook must not post unless WEBHOOK_ALLOW_PRIVATE_TARGETS is set: the server's own network (loopback,
 * private and link-local ranges — cloud metadata services live at 169.254.169.254 — carrier-grade NAT) and
 * addresses that are no single receiver (multicast, broadcast, reserved). A webhook could otherwise make the server
 * post signed requests into its own network.
 */
const PRIVATE_IPV4 = blockList('ipv4', [
  ['0.0.0.0', 8], // "this network" (RFC 791, RFC 6890)
  ['10.0.0.0', 8], // private (RFC 1918)
  ['100.64.0.0', 10], // shared address space, carrier-grade NAT (RFC 6598)
  ['127.0.0.0', 8], // loopback (RFC 1122 §3.2.1.3)
  ['169.254.0.0', 16], // link-local (RFC 3927)
  ['172.16.0.0', 12], // private (RFC 1918)
  ['192.0.0.0', 24], // IETF protocol assignments (RFC 6890 §2.2.2)
  ['192.168.0.0', 16], // private (RFC 1918)
  ['198.18.0.0', 15], // benchmarking (RFC 2544)
  ['224.0.0.0', 4], // multicast (RFC 5771)
  ['240.0.0.0', 4], // reserved (RFC 1112 §4), 255.255.255.255 limited broadcast (RFC 919) included
]);

const PRIVATE_IPV6 = blockList('ipv6', [
  ['::', 128], // unspecified (RFC 4291 §2.5.2)
  ['::1', 128], // loopback (RFC 4291 §2.5.3)
  ['64:ff9b:1::', 48], // local-use NAT64 (RFC 8215): a translator inside the local network, see below
  ['100::', 64], // discard-only (RFC 6666)
  ['2001::', 32], // Teredo (RFC 4380), see below
  ['fc00::', 7], // unique local (RFC 4193)
  ['fe80::', 10], // link-local (RFC 4291 §2.5.6)
  ['fec0::', 10], // site-local, deprecated (RFC 3879)
  ['ff00::', 8], // multicast (RFC 4291 §2.7)
]);
// Teredo is refused whole rather than decoded: it embeds two IPv4 addresses (the server's, and the client's XORed
// with 0xffffffff), either of which may be internal, and no webhook receiver is reachable only through Teredo.
// 64:ff9b:1::/48 is refused whole because where its IPv4 sits depends on the prefix length the local operator chose
// (RFC 6052 §2.2), and it is by definition a translator of the local network.

/**
 * IPv6 forms that carry an IPv4 address the packet ends up at (or that a host's stack treats as that IPv4): the
 * embedded address is classified with the IPv4 rules. `prefix` is the leading 16-bit groups, `at` the group where
 * the 32-bit IPv4 address starts.
 */
const IPV4_EMBEDDINGS: readonly { prefix: readonly number[]; at: number }[] = [
  { prefix: [0, 0, 0, 0, 0, 0xffff], at: 6 }, // IPv4-mapped ::ffff:0:0/96 (RFC 4291 §2.5.5.2)
  { prefix: [0, 0, 0, 0, 0, 0], at: 6 }, // IPv4-compatible ::/96, deprecated (RFC 4291 §2.5.5.1)
  { prefix: [0, 0, 0, 0, 0xffff, 0], at: 6 }, // IPv4-translated ::ffff:0:0:0/96 (RFC 2765 §2.1)
  { prefix: [0x64, 0xff9b, 0, 0, 0, 0], at: 6 }, // NAT64 well-known prefix 64:ff9b::/96 (RFC 6052 §2.1)
  { prefix: [0x2002], at: 1 }, // 6to4 2002::/16, the IPv4 in bits 16–47 (RFC 3056 §2)
];

const NAMES_THIS_MACHINE = 'the URL names this machine';
const PRIVATE_LITERAL = 'the URL points at a private, loopback or link-local address';

/**
 * Whether an IP address literal (v4, or v6 in any spelling: brackets, zone id, upper case, dotted tail) is one a
 * webhook must not reach. IPv6 forms embedding an IPv4 address are judged by that address. Not an IP literal: false.
 */
export function isPrivateAddress(address: string): boolean {
  const ip = parseIpAddress(address);
  return ip !== null && isPrivateIp(ip);
}

/** The IPv4 address an IPv6 address carries (mapped, compatible, translated, NAT64, 6to4), or null. */
export function embeddedIPv4(groups: readonly number[]): number | null {
  const embedding = IPV4_EMBEDDINGS.find(({ prefix }) => prefix.every((group, i) => groups[i] === group));
  return embedding ? groups[embedding.at] * 0x10000 + groups[embedding.at + 1] : null;
}

/**
 * Why a webhook URL's host is refused (a name of this machine or a private address literal), or null. `hostname`
 * is a WHATWG URL's `hostname`, in which odd IPv4 spellings (`2130706433`, `0x7f.1`, `127.1`) are already
 * `127.0.0.1`. Checked at registration, and again before each delivery.
 */
export function privateHostProblem(hostname: string): string | null {
  // A trailing dot only makes the name fully qualified: `localhost.` is `localhost`.
  const host = hostname.toLowerCase().replace(/\.$/, '');
  // RFC 6761 §6.3: localhost and every name below it are this machine.
  if (host === 'localhost' || host.endsWith('.localhost')) return NAMES_THIS_MACHINE;
  if (isPrivateAddress(host)) return PRIVATE_LITERAL;
  return null;
}

/**
 * The addresses one delivery may connect to, or why it is refused. `privateAddress` is for the server's log only:
 * the webhook's owner is told that the name resolves to a private address, never which one (it would map the
 * server's network for them).
 */
export type DeliveryTarget = { addresses: LookupAddress[] } | { refused: string; privateAddress?: string };

/**
 * Resolves the host of a delivery once and checks every address it resolves to; the request must then connect to
 * exactly these addresses (see `pinnedLookup`), so that the name cannot resolve elsewhere between the check and the
 * connection (DNS rebinding). Refuses when any address is private, unless `allowPrivate`. An IP literal is not
 * resolved. Rejects when resolution fails.
 */
export async function resolveDeliveryTarget(hostname: string, resolver: HostResolver, allowPrivate: boolean): Promise<DeliveryTarget> {
  if (!allowPrivate) {
    const problem = privateHostProblem(hostname);
    if (problem) return { refused: problem };
  }
  const literal = parseIpAddress(hostname);
  if (literal) return { addresses: [{ address: withoutBrackets(hostname), family: literal.version }] };
  const addresses = await resolver.resolve(hostname);
  if (addresses.length === 0) throw new Error(`${hostname} resolves to no address`);
  if (!allowPrivate) {
    // Fails closed: an answer that is not an IP address (a resolver bug) is refused like a private one.
    const bad = addresses.find(({ address }) => parseIpAddress(address) === null || isPrivateAddress(address));
    if (bad) return { refused: `${hostname} resolves to a private, loopback or link-local address`, privateAddress: bad.address };
  }
  return { addresses };
}

function isPrivateIp(ip: IpAddress): boolean {
  if (ip.version === 4) return PRIVATE_IPV4.check(formatIPv4(ip.value), 'ipv4');
  if (PRIVATE_IPV6.check(formatIPv6(ip.groups), 'ipv6')) return true;
  const v4 = embeddedIPv4(ip.groups);
  return v4 !== null && PRIVATE_IPV4.check(formatIPv4(v4), 'ipv4');
}

function blockList(type: 'ipv4' | 'ipv6', subnets: readonly [string, number][]): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of subnets) list.addSubnet(network, prefix, type);
  return list;
}
