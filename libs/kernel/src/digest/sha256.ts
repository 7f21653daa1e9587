import { hash } from 'node:crypto';

/**
 * The SHA-256 of a text (UTF-8) or bytes, as 64 lowercase hex digits. One-shot: an import hashes every event and
 * every row it stores, and a hash object per call (create, update, digest) costs several times the digest itself.
 */
export function sha256Hex(data: string | Buffer): string {
  return hash('sha256', data, 'hex');
}
