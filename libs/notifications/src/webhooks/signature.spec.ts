import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature } from './signature';

describe('verifyWebhookSignature', () => {
  const secret = 'whsec_0123456789abcdef0123456789';
  const body = JSON.stringify({ id: 'd1', type: 'notification.created', notification: { title: { vi: 'Nhắc hạn', en: 'Reminder' } } });
  const timestamp = 1_767_600_000; // 2026-01-05T08:00:00Z
  const at = (seconds: number) => new Date(seconds * 1000);
  const signature = signWebhook({ secret, timestamp, body });

  it('signs sha256=<hex HMAC of "timestamp.body"> (the documented scheme, computed independently)', () => {
    const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
    expect(signature).toBe(`sha256=${expected}`);
  });

  it('accepts a valid signature, from a string or a Buffer body and a header-string timestamp', () => {
    expect(verifyWebhookSignature({ secret, body, timestamp, signature, now: at(timestamp) })).toBe(true);
    expect(verifyWebhookSignature({ secret, body: Buffer.from(body), timestamp: String(timestamp), signature, now: at(timestamp + 10) })).toBe(true);
  });

  it('rejects a tampered body', () => {
    const tampered = body.replace('Reminder', 'Remindex');
    expect(verifyWebhookSignature({ secret, body: tampered, timestamp, signature, now: at(timestamp) })).toBe(false);
  });

  it('rejects a wrong secret', () => {
    expect(verifyWebhookSignature({ secret: `${secret}x`, body, timestamp, signature, now: at(timestamp) })).toBe(false);
  });

  it('rejects a timestamp that was not the one signed (replay with a fresh timestamp)', () => {
    expect(verifyWebhookSignature({ secret, body, timestamp: timestamp + 1, signature, now: at(timestamp) })).toBe(false);
  });

  it('accepts a timestamp exactly at the tolerance on either side, and rejects one second beyond', () => {
    const check = (nowSeconds: number, toleranceSeconds?: number) =>
      verifyWebhookSignature({ secret, body, timestamp, signature, now: at(nowSeconds), toleranceSeconds });
    expect(check(timestamp + 300)).toBe(true);
    expect(check(timestamp + 301)).toBe(false);
    expect(check(timestamp - 300)).toBe(true);
    expect(check(timestamp - 301)).toBe(false);
    expect(check(timestamp + 60, 60)).toBe(true);
    expect(check(timestamp + 61, 60)).toBe(false);
  });

  it('rejects missing or malformed headers', () => {
    const base = { secret, body, now: at(timestamp) };
    expect(verifyWebhookSignature({ ...base, timestamp: undefined, signature })).toBe(false);
    expect(verifyWebhookSignature({ ...base, timestamp: '1767600000.5', signature })).toBe(false);
    expect(verifyWebhookSignature({ ...base, timestamp, signature: undefined })).toBe(false);
    expect(verifyWebhookSignature({ ...base, timestamp, signature: signature.slice('sha256='.length) })).toBe(false);
    expect(verifyWebhookSignature({ ...base, timestamp, signature: `${signature}00` })).toBe(false);
  });
});
