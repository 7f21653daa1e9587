import { hashPassword, needsRehash, verifyPassword } from './password-hasher';

const CHEAP = { logN: 10, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('đúng mật khẩu 123', CHEAP);
    expect(stored).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('đúng mật khẩu 123', stored)).toBe(true);
    expect(await verifyPassword('đúng mật khẩu 124', stored)).toBe(false);
  });

  it('salts every hash: the same password hashes differently', async () => {
    expect(await hashPassword('same password', CHEAP)).not.toBe(await hashPassword('same password', CHEAP));
  });

  it('treats composed and decomposed Vietnamese letters as the same password', async () => {
    const stored = await hashPassword('Mật khẩu', CHEAP);
    expect(await verifyPassword('Mật khẩu'.normalize('NFD'), stored)).toBe(true);
  });

  it('refuses malformed stored hashes instead of throwing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$99$8$1$AA==$AA==')).toBe(false);
  });

  it('asks for a rehash when the stored cost is below the current one, not when equal', async () => {
    const cheap = await hashPassword('p', CHEAP);
    expect(needsRehash(cheap, { logN: 11, r: 8, p: 1 })).toBe(true);
    expect(needsRehash(cheap, CHEAP)).toBe(false);
  });
});
