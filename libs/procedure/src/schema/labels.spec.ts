import { z } from 'zod';
import { CANDIDATE_SCHEMA } from './candidate.schema';
import { EVENT_DEFINITIONS } from './events.schema';
import { declaredField, fieldLabelVi, pathKeys, schemaFieldNames } from './labels';
import { parseCandidate, parseEvent, read } from './parse';

describe('field labels from the schema', () => {
  it('pathKeys reads the API names of fields', () => {
    expect(pathKeys('candidate.dateOfBirth')).toEqual(['candidate', 'dateOfBirth']);
    expect(pathKeys('organisations[1]')).toEqual(['organisations', 1]);
    expect(pathKeys('occurredOn')).toEqual(['occurredOn']);
  });

  it('fieldLabelVi names a field of an event, nested ones and the step date included', () => {
    expect(fieldLabelVi('CASE_OPENED', 'candidate.dateOfBirth')).toBe('Ngày sinh');
    expect(fieldLabelVi('SPONSOR_ADDED', 'sponsor.togetherSince')).toBe('Cùng công tác, học tập hoặc cư trú với người vào Đảng từ ngày');
    expect(fieldLabelVi('CELL_VOTE_RECORDED', 'occurredOn')).toBe('Ngày họp');
    expect(fieldLabelVi('APPLICATION_FILED', 'occurredOn')).toBe('Ngày');
    expect(fieldLabelVi('OPINIONS_RECORDED', 'organisations[0]')).toBe('Các đoàn thể đã nhận xét');
    expect(fieldLabelVi('CELL_VOTE_RECORDED', 'motion')).toBeUndefined();
    expect(fieldLabelVi('SPONSOR_ADDED', 'sponsor.nothing')).toBeUndefined();
  });

  it('declaredField also reads a schema built around the declared ones, and says when a field is a date', () => {
    const body = z.strictObject({ organisationId: z.string(), occurredOn: EVENT_DEFINITIONS.CASE_OPENED.schema.shape.occurredOn, candidate: CANDIDATE_SCHEMA });
    expect(declaredField(body, ['candidate', 'dateOfBirth'])).toEqual({ label: { vi: 'Ngày sinh', en: 'Date of birth' }, date: true });
    expect(declaredField(body, ['candidate', 'religion'])?.label.vi).toBe('Tôn giáo (để trống nếu không có)');
    expect(declaredField(body, ['organisationId'])).toBeUndefined();
    expect(declaredField(body, ['candidate', 0])).toBeUndefined();
  });

  it('schemaFieldNames lists nested fields too', () => {
    expect(schemaFieldNames()).toEqual(expect.arrayContaining(['occurredOn', 'dateOfBirth', 'togetherSince', 'fullMemberSince', 'inFavour', 'requestId', 'deadlineKind']));
  });
});

describe('validation errors name the field by its Vietnamese label', () => {
  const fieldsOf = (parsed: { ok: boolean; fields?: unknown }) => (parsed.ok ? [] : parsed.fields);

  it('a date that does not exist, at any depth', () => {
    expect(fieldsOf(parseEvent({ type: 'AWARENESS_CERTIFICATE_RECORDED', occurredOn: '2026-01-10', certificateNo: 'C', issuedOn: '2026-02-29', issuer: 'X' }))).toEqual([
      { field: 'issuedOn', message: expect.any(String), labelVi: 'Ngày cấp', messageVi: '«Ngày cấp» không phải là một ngày có thật trong các năm 1900–2100' },
    ]);
    expect(fieldsOf(parseEvent({ type: 'SPONSOR_ADDED', occurredOn: '2026-01-10', sponsor: { name: 'B', togetherSince: 20230101 } }))).toEqual([
      expect.objectContaining({ field: 'sponsor.togetherSince', messageVi: '«Cùng công tác, học tập hoặc cư trú với người vào Đảng từ ngày» phải là một ngày' }),
    ]);
    expect(fieldsOf(parseCandidate({ fullName: 'A', dateOfBirth: '2001-13-01', gender: 'female', ethnicity: 'Kinh', education: 'university', youthUnionMember: true, tradeUnionMember: false, areaType: 'standard', occupation: 'x' }))).toEqual([
      expect.objectContaining({ field: 'candidate.dateOfBirth', labelVi: 'Ngày sinh', messageVi: '«Ngày sinh» không phải là một ngày có thật trong các năm 1900–2100' }),
    ]);
  });

  it('counts, choices, texts and flags', () => {
    expect(fieldsOf(parseEvent({ type: 'CELL_VOTE_RECORDED', occurredOn: '2026-01-10', fullMembers: 9, excluded: 0, inFavour: 6.5 }))).toEqual([
      expect.objectContaining({ field: 'inFavour', messageVi: '«Số phiếu tán thành» phải là một số nguyên' }),
    ]);
    expect(fieldsOf(parseEvent({ type: 'CONSENT_RECORDED', occurredOn: '2026-01-10', kind: 'other', issuer: 'X', documentNo: 'Y' }))).toEqual([
      expect.objectContaining({ field: 'kind', messageVi: '«Đồng ý về việc» không thuộc các lựa chọn cho phép' }),
    ]);
    expect(fieldsOf(parseEvent({ type: 'WITHDRAWN', occurredOn: '2026-01-10', reason: '' }))).toEqual([expect.objectContaining({ field: 'reason', messageVi: '«Lý do» không được để trống' })]);
    expect(fieldsOf(parseEvent({ type: 'WITHDRAWN', occurredOn: '2026-01-10', reason: 'x'.repeat(2001) }))).toEqual([
      expect.objectContaining({ field: 'reason', messageVi: '«Lý do» quá dài (tối đa 2000 ký tự)' }),
    ]);
    expect(fieldsOf(parseEvent({ type: 'BIOGRAPHY_CERTIFIED', occurredOn: '2026-01-10', politicalIssue: 'no' }))).toEqual([
      expect.objectContaining({ field: 'politicalIssue', messageVi: '«Có vấn đề về chính trị cần kết luận» phải là Có hoặc Không' }),
    ]);
  });

  it('a field the schema does not declare, or the body itself, has no Vietnamese label to give', () => {
    expect(fieldsOf(parseEvent({ type: 'WITHDRAWN', occurredOn: '2026-01-10', reason: 'r', note: 'x' }))).toEqual([{ field: 'note', message: 'note is not a field of this event' }]);
    expect(fieldsOf(read(z.strictObject({ a: z.string() }), { a: 1 }))).toEqual([{ field: 'a', message: expect.any(String) }]);
  });
});
