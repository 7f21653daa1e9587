import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook must not reach unless WEBHOOK_ALLOW_PRIVATE_TARGETS is set: loopback, private networks,
 * link-local (cloud metadata services live there), carrier-grade NAT, "this network", unique-local and mapped
 * IPv6. A webhook could otherwise make the server post signed requests into its own network.
 */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv4');
}
PRIVATE.addAddress('::', 'ipv6');
PRIVATE.addAddress('::1', 'ipv6');
PRIVATE.addSubnet('fc00::', 7, 'ipv6');
PRIVATE.addSubnet('fe80::', 10, 'ipv6');

/** Whether an IP address (v4 or v6, IPv4-mapped IPv6 included) is private, loopback or link-local. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family === 6) return PRIVATE.check(address, 'ipv6');
  return false;
}

/** Why a webhook URL's host is refused at registration (a local name or a private address literal), or null. */
export function privateHostProblem(hostname: string): string | null {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return 'the URL names this machine';
  if (isPrivateAddress(host)) return 'the URL points at a private, loopback or link-local address';
  return null;
}

/** Why a delivery to `hostname` is refused (it resolves to a private address), or null; checked before each POST. */
export async function privateTargetProblem(hostname: string): Promise<string | null> {
  const named = privateHostProblem(hostname);
  if (named) return named;
  if (isIP(hostname.replace(/^\[|\]$/g, ''))) return null;
  try {
    const addresses = await lookup(hostname, { all: true });
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    return bad ? `${hostname} resolves to the private address ${bad.address}` : null;
  } catch {
    return null; // resolution errors are the POST's to report
  }
}
