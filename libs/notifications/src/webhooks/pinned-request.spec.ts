import { LookupAddress } from 'node:dns';
import { pinnedLookup } from './pinned-request';

/** Calls a lookup and answers what it called back with. */
function ask(lookup: ReturnType<typeof pinnedLookup>, options: { family?: number; all?: boolean }): Promise<unknown[]> {
  return new Promise((resolve) => lookup('receiver.test', options, (...args) => resolve(args)));
}

describe('pinnedLookup', () => {
  const pinned: LookupAddress[] = [
    { address: '203.113.1.1', family: 4 },
    { address: '2001:db8::7', family: 6 },
  ];

  it('answers the pinned addresses, whatever the name, in both shapes Node asks for', async () => {
    expect(await ask(pinnedLookup(pinned), { all: true })).toEqual([null, pinned]);
    expect(await ask(pinnedLookup(pinned), {})).toEqual([null, '203.113.1.1', 4]);
  });

  it('keeps to the family asked for, and fails rather than resolve when it has none of it', async () => {
    expect(await ask(pinnedLookup(pinned), { family: 6 })).toEqual([null, '2001:db8::7', 6]);
    expect(await ask(pinnedLookup(pinned), { family: 4, all: true })).toEqual([null, [pinned[0]]]);
    const [error, addresses] = await ask(pinnedLookup([pinned[0]]), { family: 6, all: true });
    expect(error).toMatchObject({ code: 'ENOTFOUND' });
    expect(addresses).toEqual([]);
  });
});
