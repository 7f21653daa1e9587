import { DocumentInput, DocumentSigner, DocumentStep } from '../data/document-input';

const secretary = { fullName: 'Phạm Thị Hương', title: 'Bí thư chi bộ' };
const grassrootsSecretary = { fullName: 'Lê Văn Thắng', title: 'Bí thư Đảng ủy' };
const deputy = { fullName: 'Đỗ Minh Tuấn', title: 'Phó Bí thư Thường trực' };

const step = (type: DocumentStep['type'], occurredOn: string, payload: Record<string, unknown> = {}, signer: DocumentSigner | null = secretary): DocumentStep => ({ type, occurredOn, payload, signer });

/**
 * A candidate carried from the sympathiser list to full membership in Hà Nội, every step recorded: the fixture the
 * forms are filled from in tests. Names carry every kind of Vietnamese diacritic.
 */
export const ADMITTED_CASE: DocumentInput = {
  candidate: {
    fullName: 'Nguyễn Thị Ngọc Ánh',
    dateOfBirth: '1998-02-07',
    gender: 'female',
    ethnicity: 'Kinh',
    religion: null,
    education: 'university',
    youthUnionMember: true,
    tradeUnionMember: true,
    areaType: 'standard',
    occupation: 'Giáo viên',
  },
  membership: { admissionDecisionOn: '2025-03-12', probationStartOn: '2025-03-28', probationEndOn: '2026-03-28', fullMemberSince: '2026-03-28', partyAgeFrom: '2025-03-12', partyAgeGaps: [] },
  chain: [
    { name: 'Thành ủy Hà Nội', kind: 'province' },
    { name: 'Đảng ủy phường Đống Đa', kind: 'commune' },
    { name: 'Đảng ủy Trường THPT Kim Liên', kind: 'grassroots' },
    { name: 'Chi bộ Giáo viên', kind: 'cell' },
  ],
  history: [
    step('CASE_OPENED', '2024-05-06'),
    step('AWARENESS_CERTIFICATE_RECORDED', '2024-06-20', { certificateNo: '1542/GCN-TTCT', issuedOn: '2024-06-18', issuer: 'Trung tâm Chính trị phường Đống Đa' }),
    step('DOSSIER_OPENED', '2024-07-01', { resolutionNo: '27-NQ/ĐU' }, grassrootsSecretary),
    step('APPLICATION_FILED', '2024-07-08'),
    step('BIOGRAPHY_FILED', '2024-07-15'),
    step('VERIFICATION_REQUESTED', '2024-07-22', { requestId: '31-CV/ĐU', scope: 'domestic', subject: 'Cha: Nguyễn Văn Hưởng' }, grassrootsSecretary),
    step('VERIFICATION_REPLIED', '2024-08-26', { requestId: '31-CV/ĐU' }, grassrootsSecretary),
    step('BIOGRAPHY_CERTIFIED', '2024-09-09', {}, grassrootsSecretary),
    step('SPONSOR_ADDED', '2024-10-02', { sponsor: { name: 'Trần Quốc Việt', memberId: '01.234567', fullMemberSince: '2012-05-19', togetherSince: '2020-09-01' } }),
    step('INTRODUCING_RESOLUTION_RECORDED', '2024-10-04', { body: 'youth_union', resolutionNo: '05-NQ/ĐTN' }),
    step('OPINIONS_RECORDED', '2024-10-10', { organisations: ['Đoàn TNCS Hồ Chí Minh', 'Công đoàn trường'], residenceCell: true }),
    step('CELL_VOTE_RECORDED', '2024-11-14', { fullMembers: 11, excluded: 2, inFavour: 6 }),
    step('GRASSROOTS_VOTE_RECORDED', '2024-12-05', { committeeMembers: 9, inFavour: 8 }, grassrootsSecretary),
    step('ADMISSION_DECIDED', '2025-03-12', { decisionNo: '1287-QĐ/ĐU', standingMembers: 7, inFavour: 6 }, deputy),
    step('CEREMONY_HELD', '2025-03-28', { helper: { name: 'Hoàng Thị Thu Hằng', memberId: '01.765432' } }),
    step('MEMBER_RECORDS_FILED', '2025-04-15'),
    step('NEW_MEMBER_CLASS_COMPLETED', '2025-06-20', { certificateNo: '88/GCN-ĐVM' }),
    step('PROBATION_ENDED', '2026-03-28', {}, { fullName: 'Hệ thống', title: null }),
    step('SELF_REVIEW_SUBMITTED', '2026-03-30'),
    step('HELPER_ASSESSMENT_SUBMITTED', '2026-03-31'),
    step('RECOGNITION_OPINIONS_RECORDED', '2026-04-02'),
    step('RECOGNITION_CELL_VOTE_RECORDED', '2026-04-09', { fullMembers: 12, excluded: 0, inFavour: 10, motion: 'recognise' }),
    step('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2026-04-16', { committeeMembers: 9, inFavour: 9, motion: 'recognise' }, grassrootsSecretary),
    step('RECOGNITION_DECIDED', '2026-05-07', { decisionNo: '2045-QĐ/ĐU', standingMembers: 7, inFavour: 5, motion: 'recognise' }, deputy),
  ],
};

/** The same case just after its cell vote: the forms of later steps are not available yet. */
export const AFTER_CELL_VOTE: DocumentInput = {
  ...ADMITTED_CASE,
  membership: { admissionDecisionOn: null, probationStartOn: null, probationEndOn: null, fullMemberSince: null, partyAgeFrom: null, partyAgeGaps: [] },
  history: ADMITTED_CASE.history.filter((s) => s.occurredOn <= '2024-11-14'),
};
