import supertest from 'supertest';
import { API, TestApp } from '../support/app';

type Agent = ReturnType<typeof supertest.agent>;

export const STAFF_PASSWORD = 'mat-khau-cua-can-bo';

/** Creates an organisation as the bootstrap admin and answers its id. */
export async function createOrganisation(t: TestApp, body: Record<string, unknown>): Promise<string> {
  const res = await t.http.post(`${API}/organisations`).send(body);
  if (res.status !== 201) throw new Error(`creating ${JSON.stringify(body)} answered ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** A full name for a test account: "Cán bộ" and its username (each account's own, so a test can tell them apart). */
export const fullNameOf = (username: string): string => `Cán bộ ${username}`;

/** Creates an account (full name: `fullNameOf(username)`) as the bootstrap admin and answers its id. */
export async function createUser(t: TestApp, username: string, organisationId: string, roles: string[]): Promise<string> {
  const res = await t.http.post(`${API}/users`).send({ username, password: STAFF_PASSWORD, fullName: fullNameOf(username), organisationId, roles });
  if (res.status !== 201) throw new Error(`creating user ${username} answered ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** Creates an account and logs it in. */
export async function account(t: TestApp, username: string, organisationId: string, roles: string[]): Promise<{ id: string; agent: Agent }> {
  const id = await createUser(t, username, organisationId, roles);
  return { id, agent: await t.as(username, STAFF_PASSWORD) };
}

/** A valid body (beyond `type` and `occurredOn`) for every event type, so that validation never hides the answer. */
export const VALID_PAYLOADS: Record<string, Record<string, unknown>> = {
  AWARENESS_CERTIFICATE_RECORDED: { certificateNo: 'CN-1', issuedOn: '2026-01-06', issuer: 'Trung tâm chính trị' },
  DOSSIER_OPENED: { resolutionNo: 'NQ-1' },
  APPLICATION_FILED: {},
  BIOGRAPHY_FILED: {},
  VERIFICATION_REQUESTED: { requestId: 'TT-1', scope: 'domestic', subject: 'Cha' },
  VERIFICATION_REPLIED: { requestId: 'TT-1' },
  BIOGRAPHY_CERTIFIED: { politicalIssue: false },
  POLITICAL_ISSUE_CONCLUDED: { conclusion: 'cleared', decisionNo: 'KL-1' },
  SPONSOR_ADDED: { sponsor: { name: 'Trần Văn Bình', fullMemberSince: '2015-01-01', togetherSince: '2023-01-01' } },
  INTRODUCING_RESOLUTION_RECORDED: { body: 'youth_union', resolutionNo: 'NQ-DTN-1' },
  OPINIONS_RECORDED: { organisations: ['Công đoàn'], residenceCell: true },
  CONSENT_RECORDED: { kind: 'over_60', issuer: 'Đảng ủy phường', documentNo: 'CV-1' },
  CELL_VOTE_RECORDED: { fullMembers: 9, excluded: 0, inFavour: 6 },
  GRASSROOTS_VOTE_RECORDED: { committeeMembers: 9, inFavour: 6 },
  ADMISSION_DECIDED: { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: '2026-01-05' },
  DEADLINE_EXTENDED: { deadlineKind: 'ADMISSION_DECISION', reason: 'Chờ thẩm tra' },
  CEREMONY_HELD: { helper: { name: 'Trần Văn Bình' } },
  MEMBER_RECORDS_FILED: {},
  NEW_MEMBER_CLASS_COMPLETED: { certificateNo: 'BD-1' },
  PROBATION_ENDED: {},
  SELF_REVIEW_SUBMITTED: {},
  HELPER_ASSESSMENT_SUBMITTED: {},
  RECOGNITION_OPINIONS_RECORDED: {},
  RECOGNITION_CELL_VOTE_RECORDED: { fullMembers: 9, excluded: 0, inFavour: 6, motion: 'recognise' },
  RECOGNITION_GRASSROOTS_VOTE_RECORDED: { committeeMembers: 9, inFavour: 6, motion: 'recognise' },
  RECOGNITION_DECIDED: { decisionNo: 'QĐ-2', standingMembers: 7, inFavour: 4, motion: 'recognise' },
  WITHDRAWN: { reason: 'Chuyển công tác' },
  HELPER_CHANGED: { helper: { name: 'Đỗ Văn Hải' } },
  TRANSFERRED: { toOrganisationId: '00000000-0000-4000-8000-000000000000', decisionNo: 'QĐ-ĐĐ-1' },
  TRANSFER_DOSSIER_RECEIVED: {},
  ADMISSION_ANNULLED: { decisionNo: 'QĐ-1', reason: 'standards_not_met' },
  RECOGNITION_ANNULLED: { decisionNo: 'QĐ-2', reason: 'procedure_error' },
};
