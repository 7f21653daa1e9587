import { API, startTestApp, TestApp } from '../support/app';
import { createOrganisation } from '../access/support';
import { finished } from './finish';
import { probationerRow, toCsv } from './rows';

const TODAY = '2026-06-30';

/**
 * Re-admissions in an import (docs/imports.md, ADR 0022): the `readmission…` columns and the provincial consent as a
 * step; a re-admission the rules exclude is refused, or imported and flagged (A22) when the import is historical.
 */
describe('import of re-admissions (real PostgreSQL)', () => {
  let t: TestApp;
  let cell: string;
  const upload = async (csv: string, historical = false) => finished(t, await t.http.post(`${API}/imports`).query({ historical: String(historical) }).set('Content-Type', 'text/csv').send(csv));

  // Opened 2025-12-01: cell vote 2025-12-11, decision 2026-01-10, ceremony 2026-01-24 (rows.ts).
  const readmissionRow = (externalId: string, extra: Record<string, string> = {}) => ({
    ...probationerRow(externalId, cell, '2025-12-01'),
    readmissionPreviousAdmissionDecisionOn: '2009-04-20',
    readmissionLeftOn: '2022-12-11',
    readmissionLeftReason: 'removed',
    readmissionTimesReadmittedBefore: '0',
    readmissionConsentOn: '2026-01-05',
    readmissionConsentIssuer: 'Ban Thường vụ Tỉnh ủy',
    readmissionConsentNo: '88-CV/TU',
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp({ today: TODAY });
    const p = await createOrganisation(t, { name: 'Tỉnh ủy Kết nạp lại', kind: 'province' });
    const c = await createOrganisation(t, { name: 'Đảng ủy xã Kết nạp lại', kind: 'commune', parentId: p });
    const g = await createOrganisation(t, { name: 'Đảng ủy cơ sở Kết nạp lại', kind: 'grassroots', parentId: c });
    cell = await createOrganisation(t, { name: 'Chi bộ Kết nạp lại', kind: 'cell', parentId: g });
  });
  afterAll(() => t?.close());

  it('a re-admitted probationer arrives in probation with its facts, its consent and its party age', async () => {
    const res = await upload(toCsv([readmissionRow('R-1')]));
    expect(res).toMatchObject({ imported: 1, refused: 0, flagged: 0 });
    const c = (await t.http.get(`${API}/cases/${res.items[0].caseId}`).expect(200)).body;
    expect(c.state).toBe('probation');
    expect(c.facts.readmission).toEqual({ previousAdmissionDecisionOn: '2009-04-20', leftOn: '2022-12-11', leftReason: 'removed', timesReadmittedBefore: 0 });
    expect(c.membership).toMatchObject({ admissionDecisionOn: '2026-01-10', partyAgeFrom: '2009-04-20', partyAgeGaps: [{ from: '2022-12-11', to: '2026-01-10' }] });
    const compliance = (await t.http.get(`${API}/cases/${c.id}/compliance`).expect(200)).body;
    expect(compliance.results.find((r: { check: string }) => r.check === 'A22')).toMatchObject({ status: 'pass' });
  });

  it('a cell vote a day short of 36 months, and a decision without the consent, are refused with their rule', async () => {
    const early = readmissionRow('R-2', { readmissionLeftOn: '2022-12-12' });
    const { readmissionConsentOn: _on, readmissionConsentIssuer: _by, readmissionConsentNo: _no, ...unconsented } = readmissionRow('R-3');
    const res = await upload(toCsv([early, unconsented]));
    expect(res).toMatchObject({ imported: 0, refused: 2 });
    expect(res.items[0]).toMatchObject({ status: 'refused', errors: [{ code: 'RULE_VIOLATION', rule: 'READMISSION_TOO_EARLY', eventType: 'CELL_VOTE_RECORDED' }] });
    expect(res.items[1]).toMatchObject({ status: 'refused', errors: [{ code: 'RULE_VIOLATION', rule: 'READMISSION_CONSENT_MISSING', eventType: 'ADMISSION_DECIDED' }] });
  });

  it('an excluded reason is refused at the opening, or imported and flagged by A22 when the import is historical', async () => {
    const excluded = readmissionRow('R-4', { readmissionLeftReason: 'corruption_conviction' });
    const refused = await upload(toCsv([excluded]));
    expect(refused.items[0]).toMatchObject({ status: 'refused', errors: [{ code: 'RULE_VIOLATION', rule: 'READMISSION_EXCLUDED', eventType: 'CASE_OPENED' }] });
    const flagged = await upload(toCsv([excluded]), true);
    expect(flagged).toMatchObject({ historical: true, imported: 1, flagged: 1 });
    expect(flagged.items[0]).toMatchObject({ status: 'imported', state: 'probation', flagged: [expect.objectContaining({ type: 'CASE_OPENED', rule: 'READMISSION_EXCLUDED' })] });
    const compliance = (await t.http.get(`${API}/cases/${flagged.items[0].caseId}/compliance`).expect(200)).body;
    expect(compliance.results.find((r: { check: string }) => r.check === 'A22')).toMatchObject({ status: 'fail', detectedOn: '2025-12-01', eventSeq: 1 });
  });

  it('a readmission column out of shape names its column', async () => {
    const res = await upload(toCsv([readmissionRow('R-5', { readmissionLeftReason: 'resigned' })]));
    expect(res.items[0]).toMatchObject({ status: 'refused', errors: expect.arrayContaining([expect.objectContaining({ field: 'readmissionLeftReason' })]) });
  });
});
