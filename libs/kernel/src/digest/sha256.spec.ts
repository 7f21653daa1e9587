import { createHash } from 'node:crypto';
import { sha256Hex } from './sha256';

describe('sha256Hex', () => {
  it('is the SHA-256 of the text as UTF-8, in lowercase hex', () => {
    // FIPS 180-2's example: "abc".
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes Vietnamese text by its UTF-8 bytes, and bytes as they are', () => {
    const text = 'Nguyễn Văn Đức — chi bộ Tân Định';
    const expected = createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
    expect(sha256Hex(text)).toBe(expected);
    expect(sha256Hex(Buffer.from(text, 'utf8'))).toBe(expected);
    expect(sha256Hex(Buffer.from(text, 'latin1'))).not.toBe(expected);
  });
});
