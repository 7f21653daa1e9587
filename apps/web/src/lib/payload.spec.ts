import { candidateLines, eventFields, payloadLines, valueInWords } from './payload';

describe('a recorded step in words, from the event schema', () => {
  it('names each field by its label and shows choices, yes/no and dates as staff read them', () => {
    expect(payloadLines('VERIFICATION_REQUESTED', { requestId: 'TT-1', scope: 'abroad', subject: 'Cha' }, 'vi')).toEqual([
      { label: expect.any(String), value: 'TT-1' },
      { label: expect.any(String), value: 'Ở nước ngoài' },
      { label: expect.any(String), value: 'Cha' },
    ]);
    const certified = payloadLines('BIOGRAPHY_CERTIFIED', { politicalIssue: false }, 'vi');
    expect(certified.map((l) => l.value)).toEqual(['Không']);
    expect(payloadLines('BIOGRAPHY_CERTIFIED', { politicalIssue: true }, 'en').map((l) => l.value)).toEqual(['Yes']);
  });

  it('writes a group as its fields in a line and leaves out empty optional fields', () => {
    const [sponsor] = payloadLines('SPONSOR_ADDED', { sponsor: { name: 'Trần Văn Bình', memberId: null, fullMemberSince: '2015-01-01', togetherSince: '2023-01-01' } }, 'vi');
    expect(sponsor.value).toContain('Trần Văn Bình');
    expect(sponsor.value).toContain('01/01/2015');
    expect(sponsor.value).not.toMatch(/null|2015-01-01/);
  });

  it('shows no raw values: no ISO date, no enum value, no JSON', () => {
    const lines = payloadLines('CONSENT_RECORDED', { kind: 'late_ceremony', issuer: 'Đảng ủy phường', documentNo: 'CV-1' }, 'vi');
    const text = lines.map((l) => `${l.label}: ${l.value}`).join('\n');
    expect(text).toContain('Tổ chức lễ kết nạp quá thời hạn');
    expect(text).not.toMatch(/late_ceremony|\{|\d{4}-\d{2}-\d{2}/);
  });

  it('ignores a type the schema does not know and fields it no longer declares', () => {
    expect(payloadLines('NO_SUCH_EVENT', { a: 1 }, 'vi')).toEqual([]);
    expect(payloadLines('WITHDRAWN', { reason: 'Chuyển công tác', legacy: 'x' }, 'vi')).toEqual([{ label: 'Lý do', value: 'Chuyển công tác' }]);
  });

  it('describes the candidate with the candidate schema’s labels', () => {
    const lines = candidateLines({ fullName: 'Nguyễn Thị Lan', dateOfBirth: '2001-04-12', gender: 'female', education: 'university', youthUnionMember: true }, 'vi');
    expect(lines).toEqual(
      expect.arrayContaining([
        { label: 'Họ và tên', value: 'Nguyễn Thị Lan' },
        { label: 'Ngày sinh', value: '12/04/2001' },
        { label: 'Giới tính', value: 'Nữ' },
        { label: 'Trình độ học vấn', value: 'Đại học' },
      ]),
    );
  });

  it('leaves a value empty when there is nothing to say', () => {
    const [occurredOn] = eventFields('WITHDRAWN');
    expect(valueInWords(occurredOn, '', 'vi')).toBeNull();
    expect(valueInWords(occurredOn, null, 'vi')).toBeNull();
  });
});

describe('a transfer in words', () => {
  const DESTINATION = '5d2c8a44-1c35-4b6e-8f7e-0a9b6c3d2e11';
  const payload = { toOrganisationId: DESTINATION, decisionNo: '12-QĐ/ĐU' };

  it('names the destination cell by its name when the account sees it, and never shows its id', () => {
    const lines = payloadLines('TRANSFERRED', payload, 'vi', (id) => (id === DESTINATION ? 'Chi bộ Tổ dân phố 3' : undefined));
    expect(lines).toContainEqual({ label: 'Chi bộ nơi đến', value: 'Chi bộ Tổ dân phố 3' });
    const elsewhere = payloadLines('TRANSFERRED', payload, 'vi', () => undefined);
    expect(elsewhere).toContainEqual({ label: 'Chi bộ nơi đến', value: 'Đơn vị ngoài phạm vi của tài khoản' });
    expect(JSON.stringify([...lines, ...elsewhere])).not.toContain(DESTINATION);
  });

  it('asks for the destination as a unit of the tree (the form offers cells by name)', () => {
    const field = eventFields('TRANSFERRED').find((f) => f.name === 'toOrganisationId');
    expect(field?.shape.meta['x-organisation-kinds']).toEqual(['cell']);
  });
});
