import { LookupAddress } from 'node:dns';
import { HostResolver } from './host-resolver';
import { parseIpAddress } from './ip-address';
import { DeliveryTarget, isPrivateAddress, privateHostProblem, resolveDeliveryTarget } from './target-guard';

/** A resolver answering from a table, counting its calls; an unknown name fails like getaddrinfo's ENOTFOUND. */
function fakeResolver(table: Record<string, string[]>): HostResolver & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async resolve(hostname: string): Promise<LookupAddress[]> {
      calls.push(hostname);
      const addresses = table[hostname];
      if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', syscall: 'getaddrinfo' });
      return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    },
  };
}

function expectClassified(addresses: string[], expected: boolean): void {
  for (const a of addresses) expect([a, isPrivateAddress(a)]).toEqual([a, expected]);
}

describe('webhook target guard', () => {
  it('knows the private, loopback and link-local ranges, on both sides of their edges', () => {
    for (const a of ['10.0.0.1', '10.255.255.255', '127.0.0.1', '169.254.169.254', '172.16.0.1', '172.31.255.255', '192.168.1.1', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:10.1.2.3']) {
      expect([a, isPrivateAddress(a)]).toEqual([a, true]);
    }
    for (const a of ['9.255.255.255', '11.0.0.0', '172.15.255.255', '172.32.0.0', '192.167.255.255', '100.63.255.255', '203.113.1.1', '2001:db8::1', '::ffff:8.8.8.8']) {
      expect([a, isPrivateAddress(a)]).toEqual([a, false]);
    }
  });

  describe('IPv4 ranges, each on both sides of its edges', () => {
    it.each<[string, string[], string[]]>([
      ['0.0.0.0/8 "this network"', ['0.0.0.0', '0.255.255.255'], ['1.0.0.0']],
      ['10.0.0.0/8', ['10.0.0.0', '10.255.255.255'], ['9.255.255.255', '11.0.0.0']],
      ['100.64.0.0/10 carrier-grade NAT', ['100.64.0.0', '100.127.255.255'], ['100.63.255.255', '100.128.0.0']],
      ['127.0.0.0/8 loopback', ['127.0.0.0', '127.0.0.1', '127.255.255.255'], ['126.255.255.255', '128.0.0.0']],
      ['169.254.0.0/16 link-local', ['169.254.0.0', '169.254.169.254', '169.254.255.255'], ['169.253.255.255', '169.255.0.0']],
      ['172.16.0.0/12', ['172.16.0.0', '172.31.255.255'], ['172.15.255.255', '172.32.0.0']],
      ['192.0.0.0/24 protocol assignments', ['192.0.0.0', '192.0.0.255'], ['191.255.255.255', '192.0.1.0']],
      ['192.168.0.0/16', ['192.168.0.0', '192.168.255.255'], ['192.167.255.255', '192.169.0.0']],
      ['198.18.0.0/15 benchmarking', ['198.18.0.0', '198.19.255.255'], ['198.17.255.255', '198.20.0.0']],
      ['224.0.0.0/4 multicast, 240.0.0.0/4 reserved, broadcast', ['224.0.0.0', '239.255.255.255', '240.0.0.0', '255.255.255.255'], ['223.255.255.255']],
    ])('%s', (_range, inside, outside) => {
      expectClassified(inside, true);
      expectClassified(outside, false);
    });
  });

  describe('IPv6 ranges, each on both sides of its edges', () => {
    it.each<[string, string[], string[]]>([
      ['unspecified and loopback', ['::', '::1', '0:0:0:0:0:0:0:1', '0000:0000:0000:0000:0000:0000:0000:0001'], ['::1:0:0:0:1', '1::']],
      ['fc00::/7 unique local', ['fc00::', 'fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'FD12:3456::1'], ['fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'fe00::']],
      ['fe80::/10 link-local', ['fe80::', 'febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'FE80::1'], ['fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff']],
      ['fec0::/10 site-local', ['fec0::', 'feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'], []],
      ['ff00::/8 multicast', ['ff00::', 'ff02::1', 'FF05::1:3', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'], []],
      ['100::/64 discard-only', ['100::', '100::ffff:ffff:ffff:ffff'], ['100:0:0:1::', 'ff:ffff:ffff:ffff:ffff:ffff:ffff:ffff']],
      ['2001::/32 Teredo, refused whole', ['2001::', '2001:0:4136:e378:8000:63bf:3fff:fdd2', '2001:0:ffff:ffff:ffff:ffff:ffff:ffff'], ['2000:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '2001:1::', '2001:db8::1', '2001:4860:4860::8888']],
      ['64:ff9b:1::/48 local-use NAT64, refused whole', ['64:ff9b:1::', '64:ff9b:1::808:808', '64:ff9b:1:ffff:ffff:ffff:ffff:ffff'], ['64:ff9b:2::', '64:ff9b:0:ffff:ffff:ffff:ffff:ffff']],
    ])('%s', (_range, inside, outside) => {
      expectClassified(inside, true);
      expectClassified(outside, false);
    });
  });

  describe('IPv6 forms embedding an IPv4 address are judged by that address', () => {
    it.each<[string, string[], string[]]>([
      ['IPv4-mapped ::ffff:a.b.c.d and ::ffff:xxxx:xxxx', ['::ffff:127.0.0.1', '::ffff:7f00:1', '::FFFF:7F00:0001', '0:0:0:0:0:ffff:a9fe:a9fe', '::ffff:172.16.0.0', '::ffff:ac10:0'], ['::ffff:8.8.8.8', '::ffff:808:808', '::ffff:172.15.255.255', '::ffff:ac0f:ffff']],
      ['IPv4-compatible ::a.b.c.d (deprecated)', ['::127.0.0.1', '::7f00:1', '::10.0.0.1', '::a9fe:a9fe', '::172.16.0.0'], ['::8.8.8.8', '::808:808', '::172.15.255.255']],
      ['IPv4-translated ::ffff:0:a.b.c.d (RFC 2765)', ['::ffff:0:127.0.0.1', '::ffff:0:7f00:1', '::ffff:0:a00:1', '::ffff:0:c0a8:101'], ['::ffff:0:8.8.8.8', '::ffff:0:808:808']],
      ['NAT64 64:ff9b::/96 (RFC 6052)', ['64:ff9b::7f00:1', '64:ff9b::127.0.0.1', '64:FF9B::A9FE:A9FE', '64:ff9b::ac10:0', '64:ff9b::'], ['64:ff9b::808:808', '64:ff9b::8.8.8.8', '64:ff9b::ac0f:ffff']],
      ['6to4 2002::/16, IPv4 in bits 16–47 (RFC 3056)', ['2002:7f00:1::', '2002:7f00:0001::1', '2002:a00:1::', '2002:a9fe:a9fe:1:2:3:4:5', '2002:ac10::', '2002::'], ['2002:0808:0808::', '2002:808:808::1', '2002:ac0f:ffff::']],
    ])('%s', (_form, inside, outside) => {
      expectClassified(inside, true);
      expectClassified(outside, false);
    });

    it('reads brackets, zone ids and upper-case hex', () => {
      expectClassified(['[::1]', '[::127.0.0.1]', '[::ffff:7f00:1]', 'fe80::1%eth0', 'FE80::1%25eth0', '[fe80::1%eth0]', '::ffff:7f00:1%lo', '[64:FF9B::7F00:1]', '2002:7F00:1::'], true);
      expectClassified(['[2001:db8::1]', '2001:db8::1%eth0', '[::ffff:8.8.8.8]', '[2002:808:808::]'], false);
    });

    it('takes what is not an IP literal for a name, not an address', () => {
      for (const text of ['hooks.example.vn', '127.1', '0x7f.1', '2130706433', '1::2::3', '::1.2.3', '12345::', '']) {
        expect([text, parseIpAddress(text), isPrivateAddress(text)]).toEqual([text, null, false]);
      }
    });
  });

  it('refuses local names and private literals at registration, accepts public names', () => {
    expect(privateHostProblem('localhost')).toMatch('this machine');
    expect(privateHostProblem('api.localhost')).toMatch('this machine');
    expect(privateHostProblem('10.0.0.5')).toMatch('private');
    expect(privateHostProblem('[::1]')).toMatch('private');
    expect(privateHostProblem('hooks.example.vn')).toBeNull();
    expect(privateHostProblem('203.113.1.1')).toBeNull();
  });

  it('at registration, refuses a fully qualified localhost. and every IPv6 spelling of a private address', () => {
    expect(privateHostProblem('localhost.')).toMatch('this machine');
    expect(privateHostProblem('API.LOCALHOST.')).toMatch('this machine');
    for (const host of ['[::127.0.0.1]', '[::ffff:0:7f00:1]', '[64:ff9b::7f00:1]', '[2002:7f00:1::]', '[2001:0:4136:e378:8000:63bf:3fff:fdd2]', '[FEC0::1]', '[ff02::1]', '[100::1]']) {
      expect([host, privateHostProblem(host)]).toEqual([host, expect.stringMatching('private')]);
    }
    for (const host of ['[64:ff9b::808:808]', '[2002:808:808::]', '[2001:db8::1]']) expect([host, privateHostProblem(host)]).toEqual([host, null]);
  });

  it('classifies what WHATWG URL makes of odd IPv4 spellings and of IPv6 with an IPv4 tail', () => {
    for (const url of ['http://2130706433/', 'http://0x7f.1/', 'http://127.1/', 'http://0177.0.0.1/', 'http://127.0.0.1./', 'http://0xa9.0xfe.0xa9.0xfe/', 'http://[::127.0.0.1]/', 'http://[0:0:0:0:0:ffff:127.0.0.1]/', 'http://[64:ff9b::10.0.0.1]/']) {
      const { hostname } = new URL(url);
      expect([url, hostname, privateHostProblem(hostname)]).toEqual([url, hostname, expect.stringMatching('private')]);
    }
    expect(privateHostProblem(new URL('http://134744072/').hostname)).toBeNull(); // 8.8.8.8
  });

  describe('resolveDeliveryTarget: one resolution, checked, the addresses to pin', () => {
    it('checks what a name resolves to before delivering', async () => {
      const resolver = fakeResolver({});
      expect(await resolveDeliveryTarget('localhost', resolver, false)).toEqual({ refused: expect.stringMatching('this machine') });
      expect(await resolveDeliveryTarget('127.0.0.1', resolver, false)).toEqual({ refused: expect.stringMatching('private') });
      expect(await resolveDeliveryTarget('203.113.1.1', resolver, false)).toEqual({ addresses: [{ address: '203.113.1.1', family: 4 }] });
      expect(resolver.calls).toEqual([]); // literals and local names are never resolved
    });

    it('resolves a name once and answers every address it checked', async () => {
      const resolver = fakeResolver({ 'hooks.example.vn': ['203.113.1.1', '2001:db8::7'] });
      expect(await resolveDeliveryTarget('hooks.example.vn', resolver, false)).toEqual({
        addresses: [
          { address: '203.113.1.1', family: 4 },
          { address: '2001:db8::7', family: 6 },
        ],
      });
      expect(resolver.calls).toEqual(['hooks.example.vn']);
    });

    it('refuses a name when any one of its addresses is private, in any spelling, without naming it', async () => {
      for (const internal of ['10.1.2.3', '::ffff:a9fe:a9fe', '::127.0.0.1', '64:ff9b::a00:1', '2002:7f00:1::', 'fe80::1%eth0', 'FD00::1']) {
        const resolver = fakeResolver({ 'hooks.example.vn': ['203.113.1.1', internal] });
        const target: DeliveryTarget = await resolveDeliveryTarget('hooks.example.vn', resolver, false);
        expect([internal, target]).toEqual([internal, { refused: 'hooks.example.vn resolves to a private, loopback or link-local address', privateAddress: internal }]);
        expect(resolver.calls).toHaveLength(1);
      }
    });

    it('refuses an answer that is not an IP address (fails closed)', async () => {
      const target = await resolveDeliveryTarget('odd.example.vn', fakeResolver({ 'odd.example.vn': ['not-an-address'] }), false);
      expect(target).toMatchObject({ refused: expect.stringMatching('private') });
    });

    it('lets private targets through when allowed, still resolving once', async () => {
      const resolver = fakeResolver({ 'receiver.test': ['127.0.0.1'] });
      expect(await resolveDeliveryTarget('receiver.test', resolver, true)).toEqual({ addresses: [{ address: '127.0.0.1', family: 4 }] });
      expect(await resolveDeliveryTarget('[::1]', resolver, true)).toEqual({ addresses: [{ address: '::1', family: 6 }] });
      expect(resolver.calls).toEqual(['receiver.test']);
    });

    it('rejects when the name does not resolve', async () => {
      await expect(resolveDeliveryTarget('nowhere.test', fakeResolver({}), false)).rejects.toThrow('ENOTFOUND');
      await expect(resolveDeliveryTarget('empty.test', fakeResolver({ 'empty.test': [] }), true)).rejects.toThrow('no address');
    });
  });
});
