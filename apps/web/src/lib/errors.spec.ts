import { createI18n } from '../i18n';
import en from '../i18n/en.json';
import vi from '../i18n/vi.json';
import { basisText, explain, type Explanation, fieldsInError } from './errors';

const t = createI18n('vi').t;
const say = (e: Explanation) => (e.kind === 'text' ? e.vi : t(e.key, e.values));

describe('errors in words for staff', () => {
  it('a rule refusal is the rule’s own Vietnamese sentence with its article', () => {
    const e = explain(422, { code: 'RULE_VIOLATION', message: 'Inconsistent vote counts', messageVi: 'Số liệu biểu quyết không hợp lệ.', rule: 'VOTE_COUNTS_INVALID', source: 'QĐ294 §9.3.2–9.3.4' });
    expect(e).toEqual({ kind: 'text', vi: 'Số liệu biểu quyết không hợp lệ.' });
  });

  it('sign-in: a wrong password, a locked account with the minutes left (rounded up), a session that ended', () => {
    expect(say(explain(401, { code: 'UNAUTHENTICATED', reason: 'BAD_CREDENTIALS' }))).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(say(explain(429, { code: 'TOO_MANY_REQUESTS', reason: 'LOGIN_LOCKED', retryAfterSeconds: 900 }))).toContain('thử lại sau 15 phút');
    expect(say(explain(429, { code: 'TOO_MANY_REQUESTS', reason: 'LOGIN_LOCKED', retryAfterSeconds: 61 }))).toContain('thử lại sau 2 phút');
    expect(say(explain(429, { code: 'TOO_MANY_REQUESTS', reason: 'LOGIN_LOCKED', retryAfterSeconds: 5 }))).toContain('thử lại sau 1 phút');
    expect(say(explain(401, { code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' }))).toBe('Phiên làm việc đã kết thúc; vui lòng đăng nhập lại.');
  });

  it('a version conflict says someone recorded a step meanwhile', () => {
    expect(say(explain(409, { code: 'VERSION_CONFLICT', message: 'expected version 4' }))).toMatch(/^Có người vừa ghi nhận một bước khác; đây là trạng thái mới/);
  });

  it('never shows the English message or a code', () => {
    for (const [status, code] of [[403, 'FORBIDDEN'], [404, 'NOT_FOUND'], [422, 'EVENT_NOT_ALLOWED'], [400, 'VALIDATION_FAILED'], [500, 'INTERNAL'], [0, undefined]] as const) {
      const text = say(explain(status, { code, message: 'Organisation 1234 was not found.' }));
      expect(text).not.toMatch(/Organisation|[A-Z]{2,}_[A-Z]+/);
      expect(text.length).toBeGreaterThan(10);
    }
  });

  it('names the fields of a validation answer by their body path', () => {
    expect(fieldsInError({ code: 'VALIDATION_FAILED', fields: [{ field: 'sponsor.name', message: 'must not be empty' }, { field: 'occurredOn', message: 'x' }] })).toEqual(['sponsor.name', 'occurredOn']);
  });

  it('has every text in both languages', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });
});

describe('basisText', () => {
  it('names a check’s articles in Vietnamese for staff, and as written in English', () => {
    expect(basisText('QĐ294 §4.3.1; QĐ232 §4.3.1', 'vi')).not.toMatch(/QĐ294|§/);
    expect(basisText('QĐ294 §4.3.1; QĐ232 §4.3.1', 'vi')).toContain('Quy định số 294-QĐ/TW');
    expect(basisText('QĐ294 §4.3.1', 'en')).toBe('QĐ294 §4.3.1');
  });
});
