import { Candidate, BusinessDate } from '@charterflow/procedure';
import { API, TestApp } from '../support/app';

type Http = TestApp['http'];

export const CANDIDATE: Candidate = {
  fullName: 'Nguyễn Thị Lan',
  dateOfBirth: '2001-04-12',
  gender: 'female',
  ethnicity: 'Kinh',
  religion: null,
  education: 'upper_secondary',
  youthUnionMember: true,
  tradeUnionMember: false,
  areaType: 'standard',
  occupation: 'worker',
};

export const SPONSOR = { name: 'Trần Văn Bình', memberId: 'M-001', fullMemberSince: '2015-01-01', togetherSince: '2023-01-01' };

export interface CaseBody {
  id: string;
  state: string;
  version: number;
  allowedEvents: string[];
  deadlines: { id: string; key: string; kind: string; dueOn: string; status: string; source: string }[];
  membership: Record<string, string | null>;
  facts: Record<string, unknown>;
  stateDetail: Record<string, unknown>;
}

export async function openCase(http: Http, organisationId: string, occurredOn: BusinessDate = '2026-01-05', candidate: Partial<Candidate> = {}): Promise<CaseBody> {
  const res = await http.post(`${API}/cases`).send({ organisationId, occurredOn, candidate: { ...CANDIDATE, ...candidate } });
  if (res.status !== 201) throw new Error(`POST /cases answered ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CaseBody;
}

export function postEvent(http: Http, caseId: string, type: string, occurredOn: BusinessDate, payload: Record<string, unknown> = {}) {
  return http.post(`${API}/cases/${caseId}/events`).send({ type, occurredOn, ...payload });
}

/** Records an event that must be accepted; returns the updated case. */
export async function record(http: Http, caseId: string, type: string, occurredOn: BusinessDate, payload: Record<string, unknown> = {}): Promise<CaseBody> {
  const res = await postEvent(http, caseId, type, occurredOn, payload);
  if (res.status !== 200) throw new Error(`${type} on ${occurredOn} answered ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CaseBody;
}

export async function snapshotOf(http: Http, caseId: string): Promise<{ version: number; events: number }> {
  const [c, e] = await Promise.all([http.get(`${API}/cases/${caseId}`), http.get(`${API}/cases/${caseId}/events`)]);
  return { version: c.body.version as number, events: (e.body as unknown[]).length };
}

/**
 * Posts an event that must be refused with RULE_VIOLATION `rule` (422), and checks that nothing was written:
 * the version and the number of history rows are unchanged. Returns the error body.
 */
export async function expectRule(
  http: Http,
  caseId: string,
  rule: string,
  type: string,
  occurredOn: BusinessDate,
  payload: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const before = await snapshotOf(http, caseId);
  const res = await postEvent(http, caseId, type, occurredOn, payload);
  if (res.status !== 422 || res.body.rule !== rule) {
    throw new Error(`${type} on ${occurredOn}: expected 422 ${rule}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  expect(res.body).toMatchObject({ code: 'RULE_VIOLATION', rule, source: expect.any(String), message: expect.any(String), messageVi: expect.any(String) });
  // Staff read the refusal with its article in Vietnamese at the end, not the rule's id (ADR 0018).
  expect(res.body.messageVi).toMatch(/ \(căn cứ .+\)\.$/);
  expect(res.body.messageVi).not.toContain(rule);
  expect(await snapshotOf(http, caseId)).toEqual(before);
  return res.body;
}

/** Dossier steps for a case in `awarenessCertified`, up to `cellReview` (Youth Union introduction + one sponsor). */
export async function completeDossier(http: Http, caseId: string, dates: { opened: BusinessDate; last: BusinessDate }): Promise<CaseBody> {
  const { opened } = dates;
  await record(http, caseId, 'DOSSIER_OPENED', opened, { resolutionNo: 'NQ-7' });
  await record(http, caseId, 'APPLICATION_FILED', opened);
  await record(http, caseId, 'BIOGRAPHY_FILED', opened);
  await record(http, caseId, 'BIOGRAPHY_CERTIFIED', opened, { politicalIssue: false });
  await record(http, caseId, 'INTRODUCING_RESOLUTION_RECORDED', opened, { body: 'youth_union', resolutionNo: 'NQ-DTN-3' });
  await record(http, caseId, 'SPONSOR_ADDED', opened, { sponsor: SPONSOR });
  return record(http, caseId, 'OPINIONS_RECORDED', dates.last, { organisations: ['Đoàn TNCS Hồ Chí Minh'], residenceCell: true });
}

/** A case of `cellId` opened on 2026-01-05 and brought to `cellReview` with the dossier complete on `ready`. */
export async function caseInCellReview(http: Http, cellId: string, ready: BusinessDate = '2026-01-14', candidate: Partial<Candidate> = {}): Promise<CaseBody> {
  const c = await openCase(http, cellId, '2026-01-05', candidate);
  await record(http, c.id, 'AWARENESS_CERTIFICATE_RECORDED', '2026-01-06', { certificateNo: 'CN-1', issuedOn: '2026-01-06', issuer: 'Trung tâm chính trị phường' });
  return completeDossier(http, c.id, { opened: '2026-01-07', last: ready });
}

export function deadline(c: CaseBody, kind: string) {
  return c.deadlines.find((d) => d.kind === kind);
}

/** Sets the clock to the event's date, then records it (a step is never dated in the future). */
export async function recordOn(t: TestApp, caseId: string, type: string, occurredOn: BusinessDate, payload: Record<string, unknown> = {}): Promise<CaseBody> {
  t.setToday(occurredOn);
  return record(t.http, caseId, type, occurredOn, payload);
}

/**
 * A case of `cellId` brought to `probation` (ceremony 2026-03-02, probation ends 2027-03-02), with the member
 * records filed and the new-member class completed. Works for ordinary and authorised grassroots committees.
 */
export async function caseInProbation(t: TestApp, cellId: string): Promise<CaseBody> {
  t.setToday('2026-01-14');
  const c = await caseInCellReview(t.http, cellId);
  let s = await recordOn(t, c.id, 'CELL_VOTE_RECORDED', '2026-01-15', { fullMembers: 9, excluded: 0, inFavour: 6 });
  if (s.state === 'grassrootsReview') s = await recordOn(t, c.id, 'GRASSROOTS_VOTE_RECORDED', '2026-02-02', { committeeMembers: 9, inFavour: 6 });
  if (s.state === 'superiorReview') {
    t.setToday('2026-02-11');
    await record(t.http, c.id, 'ADMISSION_DECIDED', '2026-02-10', { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: '2026-02-11' });
  }
  await recordOn(t, c.id, 'CEREMONY_HELD', '2026-03-02', { helper: { name: 'Trần Văn Bình' } });
  await recordOn(t, c.id, 'MEMBER_RECORDS_FILED', '2026-03-10');
  return recordOn(t, c.id, 'NEW_MEMBER_CLASS_COMPLETED', '2026-06-01', { certificateNo: 'BD-9' });
}

/** A case past the end of probation (2027-03-02) with its recognition dossier complete, ready for the cell vote. */
export async function caseReadyForRecognitionVote(t: TestApp, cellId: string): Promise<CaseBody> {
  const c = await caseInProbation(t, cellId);
  await recordOn(t, c.id, 'SELF_REVIEW_SUBMITTED', '2027-03-03');
  await recordOn(t, c.id, 'HELPER_ASSESSMENT_SUBMITTED', '2027-03-04');
  return recordOn(t, c.id, 'RECOGNITION_OPINIONS_RECORDED', '2027-03-05');
}
