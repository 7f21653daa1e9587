import { createHash } from 'node:crypto';
import { AREA_TYPES, BusinessDate, Candidate, DomainEvent, EDUCATION_LEVELS, EVENT_TYPES, EventType, GENDERS } from '@charterflow/procedure';
import type { ImportedCase } from '@charterflow/cases';
import { canonicalId } from '@charterflow/kernel';
import { FieldProblem, RowReader } from './row-fields';

const EXTERNAL_ID = /^[A-Za-z0-9._:/-]{1,100}$/;

/**
 * One row of an import (a spreadsheet row of a cell's secretary): the case, its candidate and the dates and data of
 * each step reached. docs/imports.md lists every column. A step is present when its date column is filled; its
 * other columns are then required as the event requires them.
 */
export function rowToCase(row: Record<string, unknown>): { ok: true; value: ImportedCase } | { ok: false; problems: FieldProblem[] } {
  const r = new RowReader(row);
  const externalId = r.text('externalId', { required: true, max: 100 });
  if (externalId !== undefined && !EXTERNAL_ID.test(externalId)) r.problem('externalId', 'externalId may hold letters, digits and . _ : / - (at most 100)');
  const givenOrganisationId = r.text('organisationId', { required: true });
  const organisationId = canonicalId(givenOrganisationId) ?? givenOrganisationId;
  if (givenOrganisationId !== undefined && canonicalId(givenOrganisationId) === null) r.problem('organisationId', 'organisationId must be a UUID');
  const openedOn = r.date('openedOn', { required: true });
  const candidate: Partial<Candidate> = {
    fullName: r.text('fullName', { required: true, max: 200 }),
    dateOfBirth: r.date('dateOfBirth', { required: true }),
    gender: r.oneOf('gender', GENDERS, { required: true }),
    ethnicity: r.text('ethnicity', { required: true, max: 100 }),
    religion: r.text('religion', { max: 100 }) ?? null,
    education: r.oneOf('education', EDUCATION_LEVELS, { required: true }),
    youthUnionMember: r.flag('youthUnionMember', false),
    tradeUnionMember: r.flag('tradeUnionMember', false),
    areaType: r.oneOf('areaType', AREA_TYPES, { fallback: 'standard' }),
    occupation: r.text('occupation', { required: true, max: 100 }),
  };

  const events: { event: DomainEvent; order: number }[] = [];
  const step = (type: EventType, on: BusinessDate | undefined, payload: Record<string, unknown>) => {
    if (on !== undefined) events.push({ event: { type, occurredOn: on, ...payload } as DomainEvent, order: ORDER.indexOf(type) });
  };
  const when = (field: string) => r.date(field);

  let on = when('awarenessCertificateOn');
  if (on) {
    step('AWARENESS_CERTIFICATE_RECORDED', on, {
      certificateNo: r.text('awarenessCertificateNo', { required: true, max: 100 }),
      // The date on the certificate, when it was issued before the step was recorded (default: the step's date).
      issuedOn: r.date('awarenessCertificateIssuedOn') ?? on,
      issuer: r.text('awarenessCertificateIssuer', { max: 200 }) ?? 'Trung tâm chính trị',
    });
  }
  on = when('dossierOpenedOn');
  if (on) step('DOSSIER_OPENED', on, { resolutionNo: r.text('dossierResolutionNo', { required: true, max: 100 }) });
  step('APPLICATION_FILED', when('applicationOn'), {});
  step('BIOGRAPHY_FILED', when('biographyOn'), {});
  on = when('biographyCertifiedOn');
  if (on) step('BIOGRAPHY_CERTIFIED', on, { politicalIssue: r.flag('politicalIssue', false) });
  on = when('introducingResolutionOn');
  if (on) step('INTRODUCING_RESOLUTION_RECORDED', on, { body: r.oneOf('introducingBody', ['youth_union', 'trade_union'] as const, { required: true }), resolutionNo: r.text('introducingResolutionNo', { required: true, max: 100 }) });
  for (const n of [1, 2]) {
    on = when(`sponsor${n}On`);
    if (!on) continue;
    const memberId = r.text(`sponsor${n}MemberId`, { max: 100 });
    step('SPONSOR_ADDED', on, {
      sponsor: {
        name: r.text(`sponsor${n}Name`, { required: true, max: 200 }),
        ...(memberId ? { memberId } : {}),
        fullMemberSince: r.date(`sponsor${n}FullMemberSince`, { required: true }),
        togetherSince: r.date(`sponsor${n}TogetherSince`, { required: true }),
        ...(r.flag(`sponsor${n}Replacement`, false) ? { replacement: true } : {}),
      },
    });
  }
  on = when('opinionsOn');
  if (on) {
    const organisations = (r.text('opinionsOrganisations', { max: 1000 }) ?? '').split(';').map((s) => s.trim()).filter(Boolean);
    step('OPINIONS_RECORDED', on, { organisations, residenceCell: r.flag('residenceCellOpinion', true) });
  }
  for (const [prefix, kind] of [['over60Consent', 'over_60'], ['educationExceptionConsent', 'education_exception'], ['lateCeremonyConsent', 'late_ceremony']] as const) {
    on = when(`${prefix}On`);
    if (on) step('CONSENT_RECORDED', on, { kind, issuer: r.text(`${prefix}Issuer`, { required: true, max: 200 }), documentNo: r.text(`${prefix}No`, { required: true, max: 100 }) });
  }
  on = when('cellVoteOn');
  if (on) step('CELL_VOTE_RECORDED', on, { fullMembers: r.count('cellFullMembers', { required: true }), excluded: r.count('cellExcluded') ?? 0, inFavour: r.count('cellInFavour', { required: true }) });
  on = when('grassrootsVoteOn');
  if (on) step('GRASSROOTS_VOTE_RECORDED', on, { committeeMembers: r.count('grassrootsCommitteeMembers', { required: true }), inFavour: r.count('grassrootsInFavour', { required: true }) });
  on = when('admissionExtendedOn');
  if (on) step('DEADLINE_EXTENDED', on, { deadlineKind: 'ADMISSION_DECISION', reason: r.text('admissionExtensionReason', { required: true, max: 2000 }) });
  on = when('admissionDecisionOn');
  if (on) {
    step('ADMISSION_DECIDED', on, {
      decisionNo: r.text('admissionDecisionNo', { required: true, max: 100 }),
      standingMembers: r.count('standingMembers', { required: true }),
      inFavour: r.count('standingInFavour', { required: true }),
      receivedOn: r.date('decisionReceivedOn') ?? on,
    });
  }
  on = when('ceremonyOn');
  if (on) {
    const helperMemberId = r.text('helperMemberId', { max: 100 });
    step('CEREMONY_HELD', on, { helper: { name: r.text('helperName', { required: true, max: 200 }), ...(helperMemberId ? { memberId: helperMemberId } : {}) } });
  }
  step('MEMBER_RECORDS_FILED', when('memberRecordsOn'), {});
  on = when('newMemberClassOn');
  if (on) step('NEW_MEMBER_CLASS_COMPLETED', on, { certificateNo: r.text('newMemberCertificateNo', { required: true, max: 100 }) });
  step('SELF_REVIEW_SUBMITTED', when('selfReviewOn'), {});
  step('HELPER_ASSESSMENT_SUBMITTED', when('helperAssessmentOn'), {});
  step('RECOGNITION_OPINIONS_RECORDED', when('recognitionOpinionsOn'), {});
  const motion = r.oneOf('recognitionMotion', ['recognise', 'remove'] as const, { fallback: 'recognise' });
  on = when('recognitionCellVoteOn');
  if (on) step('RECOGNITION_CELL_VOTE_RECORDED', on, { fullMembers: r.count('recognitionCellFullMembers', { required: true }), excluded: r.count('recognitionCellExcluded') ?? 0, inFavour: r.count('recognitionCellInFavour', { required: true }), motion });
  on = when('recognitionGrassrootsVoteOn');
  if (on) step('RECOGNITION_GRASSROOTS_VOTE_RECORDED', on, { committeeMembers: r.count('recognitionGrassrootsCommitteeMembers', { required: true }), inFavour: r.count('recognitionGrassrootsInFavour', { required: true }), motion });
  on = when('recognitionDecisionOn');
  if (on) {
    step('RECOGNITION_DECIDED', on, {
      decisionNo: r.text('recognitionDecisionNo', { required: true, max: 100 }),
      standingMembers: r.count('recognitionStandingMembers', { required: true }),
      inFavour: r.count('recognitionStandingInFavour', { required: true }),
      motion,
    });
  }
  on = when('withdrawnOn');
  if (on) step('WITHDRAWN', on, { reason: r.text('withdrawnReason', { required: true, max: 2000 }) });

  const unknown = Object.keys(row).filter((k) => !KNOWN_COLUMNS.has(k));
  for (const k of unknown) r.problem(k, `unknown column ${k}`);
  if (r.problems.length > 0) return { ok: false, problems: r.problems };

  // Steps on the same day keep the procedure's order; otherwise their dates order them.
  events.sort((a, b) => (a.event.occurredOn < b.event.occurredOn ? -1 : a.event.occurredOn > b.event.occurredOn ? 1 : a.order - b.order));
  return {
    ok: true,
    value: {
      externalId: externalId!,
      organisationId: organisationId!,
      openedOn: openedOn!,
      candidate: candidate as Candidate,
      events: events.map((e) => e.event),
      rowHash: rowHash(row),
    },
  };
}

/** The procedure's order of steps, for steps recorded on the same day. */
const ORDER: readonly EventType[] = EVENT_TYPES;

/** Every column an import row may hold (docs/imports.md). */
export const IMPORT_COLUMNS: readonly string[] = [
  'externalId', 'organisationId', 'openedOn',
  'fullName', 'dateOfBirth', 'gender', 'ethnicity', 'religion', 'education', 'youthUnionMember', 'tradeUnionMember', 'areaType', 'occupation',
  'awarenessCertificateOn', 'awarenessCertificateNo', 'awarenessCertificateIssuedOn', 'awarenessCertificateIssuer',
  'dossierOpenedOn', 'dossierResolutionNo', 'applicationOn', 'biographyOn', 'biographyCertifiedOn', 'politicalIssue',
  'introducingResolutionOn', 'introducingBody', 'introducingResolutionNo',
  ...[1, 2].flatMap((n) => [`sponsor${n}On`, `sponsor${n}Name`, `sponsor${n}MemberId`, `sponsor${n}FullMemberSince`, `sponsor${n}TogetherSince`, `sponsor${n}Replacement`]),
  'opinionsOn', 'opinionsOrganisations', 'residenceCellOpinion',
  ...['over60Consent', 'educationExceptionConsent', 'lateCeremonyConsent'].flatMap((p) => [`${p}On`, `${p}Issuer`, `${p}No`]),
  'cellVoteOn', 'cellFullMembers', 'cellExcluded', 'cellInFavour',
  'grassrootsVoteOn', 'grassrootsCommitteeMembers', 'grassrootsInFavour',
  'admissionExtendedOn', 'admissionExtensionReason',
  'admissionDecisionOn', 'admissionDecisionNo', 'standingMembers', 'standingInFavour', 'decisionReceivedOn',
  'ceremonyOn', 'helperName', 'helperMemberId', 'memberRecordsOn', 'newMemberClassOn', 'newMemberCertificateNo',
  'selfReviewOn', 'helperAssessmentOn', 'recognitionOpinionsOn', 'recognitionMotion',
  'recognitionCellVoteOn', 'recognitionCellFullMembers', 'recognitionCellExcluded', 'recognitionCellInFavour',
  'recognitionGrassrootsVoteOn', 'recognitionGrassrootsCommitteeMembers', 'recognitionGrassrootsInFavour',
  'recognitionDecisionOn', 'recognitionDecisionNo', 'recognitionStandingMembers', 'recognitionStandingInFavour',
  'withdrawnOn', 'withdrawnReason',
];
const KNOWN_COLUMNS = new Set(IMPORT_COLUMNS);

/** A stable hash of the row's filled cells (column order and empty cells do not matter). */
export function rowHash(row: Record<string, unknown>): string {
  const filled = Object.keys(row)
    .filter((k) => row[k] !== undefined && row[k] !== null && String(row[k]).trim() !== '')
    .sort()
    .map((k) => [k, String(row[k]).trim()]);
  return createHash('sha256').update(JSON.stringify(filled)).digest('hex');
}
