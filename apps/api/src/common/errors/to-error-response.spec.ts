import { HttpException, NotFoundException } from '@nestjs/common';
import { parseIfMatch } from '../http/if-match';
import { toErrorResponse } from './to-error-response';
import { DomainException } from '@charterflow/kernel';

describe('toErrorResponse', () => {
  it('spreads a rule refusal’s details beside code and message', () => {
    const r = toErrorResponse(new DomainException('RULE_VIOLATION', 'too young', { rule: 'AGE_BELOW_18', source: 'CH Art. 1', messageVi: 'chưa đủ 18 tuổi' }));
    expect(r).toEqual({ status: 422, unexpected: false, body: { code: 'RULE_VIOLATION', message: 'too young', rule: 'AGE_BELOW_18', source: 'CH Art. 1', messageVi: 'chưa đủ 18 tuổi' } });
  });

  it('maps malformed JSON and oversize bodies wrapped by Nest', () => {
    const parse = Object.assign(new SyntaxError('Unexpected end'), { type: 'entity.parse.failed', status: 400 });
    expect(toErrorResponse(new HttpException('Unexpected end', 400, { cause: parse })).body.code).toBe('VALIDATION_FAILED');
    const big = Object.assign(new Error('too large'), { type: 'entity.too.large', status: 413 });
    expect(toErrorResponse(new HttpException('too large', 413, { cause: big }))).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('answers 404 NOT_FOUND for an unknown route and 500 INTERNAL without details for anything else', () => {
    expect(toErrorResponse(new NotFoundException('Cannot GET /x')).body).toEqual({ code: 'NOT_FOUND', message: 'Cannot GET /x' });
    const r = toErrorResponse(new Error('relation "cases" does not exist at SELECT …'));
    expect(r).toEqual({ status: 500, unexpected: true, body: { code: 'INTERNAL', message: 'Internal server error.' } });
  });
});

describe('parseIfMatch', () => {
  it.each([['"4"', 4], ['4', 4], ['W/"12"', 12]])('reads %s', (header, version) => expect(parseIfMatch(header)).toBe(version));
  it('is undefined when absent', () => expect(parseIfMatch(undefined)).toBeUndefined());
  it.each(['"4', 'four', '"-1"', '*', ''])('refuses %j with VALIDATION_FAILED naming If-Match', (header) => {
    expect(() => parseIfMatch(header)).toThrow(DomainException);
  });
});

describe('toErrorResponse of a path the router cannot decode', () => {
  it('answers 400 VALIDATION_FAILED naming path', () => {
    const uri = Object.assign(new URIError("Failed to decode param '%ED%A0%80'"), { status: 400 });
    expect(toErrorResponse(new HttpException(uri.message, 400, { cause: uri }))).toEqual({
      status: 400,
      unexpected: false,
      body: { code: 'VALIDATION_FAILED', message: uri.message, fields: [{ field: 'path', message: expect.any(String) }] },
    });
  });
});

describe('toErrorResponse of the JSON depth limit', () => {
  it('answers 400 VALIDATION_FAILED naming body, as an expected refusal (not logged as an error)', () => {
    const deep = Object.assign(new Error('too deep'), { type: 'entity.too.deep', status: 400 });
    expect(toErrorResponse(deep)).toEqual({
      status: 400,
      unexpected: false,
      body: { code: 'VALIDATION_FAILED', message: expect.stringContaining('32 levels'), fields: [{ field: 'body', message: expect.stringContaining('32 levels') }] },
    });
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE for a JSON body in another charset than UTF-8', () => {
    const charset = Object.assign(new Error('unsupported charset "UTF-16"'), { type: 'charset.unsupported', status: 415 });
    expect(toErrorResponse(charset)).toMatchObject({ status: 415, unexpected: false, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });
});
