import { eventFields } from './payload';
import { dateInput, initialValues, missingFields, toEventBody } from './step-form';

describe('a step form generated from the event schema', () => {
  it('asks for every field of the event, dated today, with nothing else pre-filled', () => {
    const fields = eventFields('CELL_VOTE_RECORDED');
    expect(fields.map((f) => f.name).slice(0, 4)).toEqual(['occurredOn', 'fullMembers', 'excluded', 'inFavour']);
    const values = initialValues(fields, '2026-12-08');
    expect(values).toMatchObject({ occurredOn: '2026-12-08', fullMembers: null, excluded: null, inFavour: null });
    for (const f of fields.filter((x) => !x.required)) expect([null, '']).toContain(values[f.name]);
  });

  it('leaves an optional yes/no out of the body until it is answered, and sends the answer either way', () => {
    const fields = eventFields('CELL_VOTE_RECORDED');
    const optionalFlag = fields.find((f) => f.shape.kind === 'flag' && !f.required);
    expect(optionalFlag).toBeDefined();
    const name = optionalFlag!.name;
    const counts = { ...initialValues(fields, '2026-12-08'), fullMembers: 9, excluded: 0, inFavour: 6 };
    expect(toEventBody('CELL_VOTE_RECORDED', fields, counts)).not.toHaveProperty(name);
    expect(toEventBody('CELL_VOTE_RECORDED', fields, { ...counts, [name]: false })).toHaveProperty(name, false);
    expect(toEventBody('CELL_VOTE_RECORDED', fields, { ...counts, [name]: true })).toHaveProperty(name, true);
  });

  it('sends a required yes/no as no when left unticked', () => {
    const fields = eventFields('BIOGRAPHY_CERTIFIED');
    expect(toEventBody('BIOGRAPHY_CERTIFIED', fields, initialValues(fields, '2026-12-08'))).toMatchObject({ politicalIssue: false });
  });

  it('names the required fields left empty, and nothing once they are filled', () => {
    const fields = eventFields('CELL_VOTE_RECORDED');
    const values = initialValues(fields, '2026-12-08');
    expect(missingFields(fields, values).map((p) => p.path)).toEqual(['fullMembers', 'excluded', 'inFavour']);
    expect(missingFields(fields, { ...values, fullMembers: 9, excluded: 0, inFavour: 0 })).toEqual([]);
    expect(missingFields(fields, { ...values, occurredOn: '', fullMembers: 9, excluded: 0, inFavour: 6 })).toEqual([{ path: 'occurredOn', key: 'form.required' }]);
  });

  it('builds the body the API validates: counts as numbers, a group nested, empty optional fields left out', () => {
    const fields = eventFields('SPONSOR_ADDED');
    const values = initialValues(fields, '2026-12-08');
    const filled = { ...values, sponsor: { ...(values.sponsor as object), name: ' Trần Văn Bình ', fullMemberSince: '2015-01-01', togetherSince: '2023-01-01' } };
    expect(missingFields(fields, filled)).toEqual([]);
    expect(toEventBody('SPONSOR_ADDED', fields, filled)).toEqual({
      type: 'SPONSOR_ADDED',
      occurredOn: '2026-12-08',
      sponsor: { name: 'Trần Văn Bình', fullMemberSince: '2015-01-01', togetherSince: '2023-01-01' },
    });
    const missing = missingFields(fields, values).map((p) => p.path);
    expect(missing).toContain('sponsor.name');
    expect(missing.every((path) => path.startsWith('sponsor.'))).toBe(true);
  });

  it('sends a list of texts one item per line and a yes/no as a boolean', () => {
    const fields = eventFields('OPINIONS_RECORDED');
    const body = toEventBody('OPINIONS_RECORDED', fields, { ...initialValues(fields, '2026-12-08'), organisations: 'Công đoàn\n\n Đoàn thanh niên \n', residenceCell: true });
    expect(body).toMatchObject({ organisations: ['Công đoàn', 'Đoàn thanh niên'], residenceCell: true });
  });

  it('requires a choice to be made (no value is chosen for the clerk)', () => {
    const fields = eventFields('CONSENT_RECORDED');
    const values = initialValues(fields, '2026-12-08');
    expect(values.kind).toBeNull();
    expect(missingFields(fields, values).map((p) => p.path)).toContain('kind');
  });

  it('reads a typed date dd/mm/yyyy, keeps YYYY-MM-DD from the picker, refuses the rest', () => {
    expect(dateInput('15/12/2026')).toBe('2026-12-15');
    expect(dateInput('2026-12-15')).toBe('2026-12-15');
    expect(dateInput('31/02/2026')).toBeNull();
  });
});
