import { addDays, BusinessDate } from '@charterflow/procedure';
import { stringify } from 'csv-stringify/sync';
import { IMPORT_COLUMNS } from '@charterflow/intake';

const shift = (d: BusinessDate, n: number) => addDays(d, n);
const years = (d: BusinessDate, n: number) => `${Number(d.slice(0, 4)) + n}${d.slice(4)}`;

/** Which rules a generated row breaks (the expected findings of the audit). */
export interface Breaches {
  lateDecision?: boolean;
  underAge?: boolean;
  staleCertificate?: boolean;
  /** Voted in one block with other candidates (A12). */
  blockVote?: boolean;
  /** Admitted at a joint ceremony (A16). */
  jointCeremony?: boolean;
}

/**
 * A row of a case admitted and in probation: opened on `openedOn`, cell vote 10 days later, grassroots vote 7 days
 * after, decision 30 days after the cell vote (100 when `lateDecision`), ceremony 14 days after the decision.
 */
export function probationerRow(externalId: string, organisationId: string, openedOn: BusinessDate, b: Breaches = {}): Record<string, string> {
  const cellVoteOn = shift(openedOn, 10);
  const decisionOn = shift(cellVoteOn, b.lateDecision ? 100 : 30);
  const ceremonyOn = shift(decisionOn, 14);
  return {
    externalId,
    organisationId,
    openedOn,
    fullName: `Người nhập ${externalId}`,
    dateOfBirth: b.underAge ? shift(years(cellVoteOn, -17), 0) : '2000-03-15',
    gender: Number(externalId.replace(/\D/g, '')) % 2 ? 'male' : 'female',
    ethnicity: 'Kinh',
    education: 'upper_secondary',
    youthUnionMember: 'true',
    tradeUnionMember: 'false',
    occupation: 'worker',
    awarenessCertificateOn: shift(openedOn, 1),
    awarenessCertificateNo: `CN-${externalId}`,
    // A certificate older than 60 months at the cell vote, recorded with its real date of issue.
    ...(b.staleCertificate ? { awarenessCertificateIssuedOn: shift(years(cellVoteOn, -5), -31) } : {}),
    dossierOpenedOn: shift(openedOn, 3),
    dossierResolutionNo: 'NQ-1',
    applicationOn: shift(openedOn, 3),
    biographyOn: shift(openedOn, 3),
    biographyCertifiedOn: shift(openedOn, 4),
    introducingResolutionOn: shift(openedOn, 4),
    introducingBody: 'youth_union',
    introducingResolutionNo: 'NQ-DTN-1',
    sponsor1On: shift(openedOn, 4),
    sponsor1Name: 'Trần Văn Bình',
    sponsor1FullMemberSince: '2015-01-01',
    sponsor1TogetherSince: '2023-01-01',
    opinionsOn: shift(openedOn, 5),
    opinionsOrganisations: 'Công đoàn; Hội Phụ nữ',
    residenceCellOpinion: 'true',
    cellVoteOn,
    cellFullMembers: '9',
    cellExcluded: '0',
    cellInFavour: '6',
    ...(b.blockVote ? { cellVotedIndividually: 'false' } : {}),
    grassrootsVoteOn: shift(cellVoteOn, 7),
    grassrootsCommitteeMembers: '9',
    grassrootsInFavour: '6',
    admissionDecisionOn: decisionOn,
    admissionDecisionNo: `QĐ-${externalId}`,
    standingMembers: '7',
    standingInFavour: '4',
    ceremonyOn,
    helperName: 'Trần Văn Bình',
    ...(b.jointCeremony ? { ceremonyIndividually: 'false' } : {}),
    memberRecordsOn: shift(ceremonyOn, 5),
  };
}

/** Rows as a CSV file with every import column in the header (and `extraColumns`, which no import knows, after them). */
export function toCsv(rows: Record<string, string>[], extraColumns: readonly string[] = []): string {
  return stringify(rows, { header: true, columns: [...IMPORT_COLUMNS, ...extraColumns] });
}
