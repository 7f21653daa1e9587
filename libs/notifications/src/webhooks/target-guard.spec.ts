import { isPrivateAddress, privateHostProblem, privateTargetProblem } from './target-guard';

describe('webhook target guard', () => {
  it('knows the private, loopback and link-local ranges, on both sides of their edges', () => {
    for (const a of ['10.0.0.1', '10.255.255.255', '127.0.0.1', '169.254.169.254', '172.16.0.1', '172.31.255.255', '192.168.1.1', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:10.1.2.3']) {
      expect([a, isPrivateAddress(a)]).toEqual([a, true]);
    }
    for (const a of ['9.255.255.255', '11.0.0.0', '172.15.255.255', '172.32.0.0', '192.167.255.255', '100.63.255.255', '203.113.1.1', '2001:db8::1', '::ffff:8.8.8.8']) {
      expect([a, isPrivateAddress(a)]).toEqual([a, false]);
    }
  });

  it('refuses local names and private literals at registration, accepts public names', () => {
    expect(privateHostProblem('localhost')).toMatch('this machine');
    expect(privateHostProblem('api.localhost')).toMatch('this machine');
    expect(privateHostProblem('10.0.0.5')).toMatch('private');
    expect(privateHostProblem('[::1]')).toMatch('private');
    expect(privateHostProblem('hooks.example.vn')).toBeNull();
    expect(privateHostProblem('203.113.1.1')).toBeNull();
  });

  it('checks what a name resolves to before delivering', async () => {
    expect(await privateTargetProblem('localhost')).toMatch('this machine');
    expect(await privateTargetProblem('127.0.0.1')).toMatch('private');
    expect(await privateTargetProblem('203.113.1.1')).toBeNull();
  });
});
