import { addDays, addMonths, BusinessDate, createWorkingDayCalendar, maxDate, WorkingDayCalendar } from '@charterflow/procedure';
import { loadOfficialCalendars } from '@charterflow/calendar';

/**
 * Fifty paper dossiers of a cell catching up its backlog, generated from a fixed seed (the same dossiers on every
 * run). Each lists its steps in the order a clerk keys them in from the paper file, which is not the order of their
 * dates: the biography chain first, then the other dossier parts in any order (most dated before the certification);
 * after a probation that has ended, the recognition papers first and the steps of the probation afterwards.
 * `breaches` are the audit checks (A-numbers) the dossier is known to break; every other check must pass.
 */
export interface PaperStep {
  type: string;
  on: BusinessDate;
  payload: Record<string, unknown>;
}

export interface PaperDossier {
  no: number;
  candidate: { fullName: string; dateOfBirth: BusinessDate };
  openedOn: BusinessDate;
  /** Steps after CASE_OPENED, in the clerk's order. */
  steps: PaperStep[];
  breaches: string[];
  finalState: 'probation' | 'recognitionReview' | 'fullMember';
}

export const BACKLOG_TODAY: BusinessDate = '2026-12-01';
export const BACKLOG_SEED = 20261201;

/** mulberry32: a small deterministic generator. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const GIVEN = ['Văn An', 'Thị Bình', 'Minh Châu', 'Quốc Dũng', 'Thị Hà', 'Đức Huy', 'Thu Lan', 'Văn Nam', 'Thị Oanh', 'Hữu Phúc'];

export function backlogDossiers(count = 50, seed = BACKLOG_SEED, calendar: WorkingDayCalendar = createWorkingDayCalendar(loadOfficialCalendars())): PaperDossier[] {
  const rand = generator(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const wd = (from: BusinessDate, n: number) => calendar.addWorkingDays(from, n);
  const out: PaperDossier[] = [];
  for (let no = 1; no <= count; no += 1) {
    const breaches: string[] = [];
    const openedOn = addDays('2025-05-05', int(0, 200));
    const certOn = addDays(openedOn, int(5, 15));
    const dossierOn = addDays(certOn, int(5, 15));
    const bioOn = addDays(dossierOn, int(1, 5));
    const requestOn = addDays(bioOn, int(1, 5));
    // Every tenth dossier (from the 3rd): the verification reply came later than 30 working days (A23).
    const lateReply = no % 10 === 3;
    if (lateReply) breaches.push('A23');
    const replyOn = wd(requestOn, lateReply ? int(31, 38) : int(5, 25));
    const certifiedOn = addDays(replyOn, int(1, 5));
    const parts: PaperStep[] = [
      { type: 'APPLICATION_FILED', on: addDays(dossierOn, int(0, 20)), payload: {} },
      {
        type: 'SPONSOR_ADDED',
        on: addDays(dossierOn, int(0, 25)),
        payload: { sponsor: { name: 'Trần Văn Bình', memberId: 'M-001', fullMemberSince: '2010-01-01', togetherSince: '2022-01-01' } },
      },
      { type: 'INTRODUCING_RESOLUTION_RECORDED', on: addDays(dossierOn, int(0, 25)), payload: { body: 'youth_union', resolutionNo: `NQ-DTN-${no}` } },
      { type: 'OPINIONS_RECORDED', on: addDays(dossierOn, int(0, 25)), payload: { organisations: ['Đoàn TNCS Hồ Chí Minh'], residenceCell: true } },
    ];
    // The clerk's order of the independent parts: shuffled.
    for (let i = parts.length - 1; i > 0; i -= 1) {
      const j = int(0, i);
      [parts[i], parts[j]] = [parts[j], parts[i]];
    }
    const lastPart = [certifiedOn, ...parts.map((p) => p.on)].reduce((a, b) => maxDate(a, b));
    const cellVoteOn = maxDate(addDays(lastPart, int(2, 7)), addDays('2025-07-01', int(0, 14)));
    const grassrootsOffset = int(3, 10);
    const grassrootsOn = wd(cellVoteOn, grassrootsOffset);
    // Every seventh dossier (from the 2nd): the competent committee decided later than 45 working days (A15).
    const lateDecision = no % 7 === 2;
    if (lateDecision) breaches.push('A15');
    const decisionOn = wd(cellVoteOn, lateDecision ? int(46, 55) : int(grassrootsOffset + 2, 40));
    const receivedOn = wd(decisionOn, int(0, 2));
    const ceremonyOn = wd(receivedOn, int(3, 20));
    const recordsOn = wd(ceremonyOn, int(3, 25));
    const classOn = addDays(ceremonyOn, int(60, 200));
    const probationEndOn = addMonths(ceremonyOn, 12);

    const steps: PaperStep[] = [
      { type: 'AWARENESS_CERTIFICATE_RECORDED', on: certOn, payload: { certificateNo: `CN-${no}`, issuedOn: certOn, issuer: 'Trung tâm chính trị phường' } },
      { type: 'DOSSIER_OPENED', on: dossierOn, payload: { resolutionNo: `NQ-${no}` } },
      { type: 'BIOGRAPHY_FILED', on: bioOn, payload: {} },
      { type: 'VERIFICATION_REQUESTED', on: requestOn, payload: { requestId: `TT-${no}`, scope: 'domestic', subject: 'Cha đẻ' } },
      { type: 'VERIFICATION_REPLIED', on: replyOn, payload: { requestId: `TT-${no}` } },
      { type: 'BIOGRAPHY_CERTIFIED', on: certifiedOn, payload: { politicalIssue: false } },
      ...parts,
      { type: 'CELL_VOTE_RECORDED', on: cellVoteOn, payload: { fullMembers: 9, excluded: 0, inFavour: int(6, 9) } },
      { type: 'GRASSROOTS_VOTE_RECORDED', on: grassrootsOn, payload: { committeeMembers: 9, inFavour: int(6, 9) } },
      { type: 'ADMISSION_DECIDED', on: decisionOn, payload: { decisionNo: `QĐ-${no}`, standingMembers: 7, inFavour: int(4, 7), receivedOn } },
      { type: 'CEREMONY_HELD', on: ceremonyOn, payload: { helper: { name: 'Trần Văn Bình', memberId: 'M-001' } } },
    ];
    const probationSteps: PaperStep[] = [
      { type: 'NEW_MEMBER_CLASS_COMPLETED', on: classOn, payload: { certificateNo: `BD-${no}` } },
      { type: 'MEMBER_RECORDS_FILED', on: recordsOn, payload: {} },
    ];

    let finalState: PaperDossier['finalState'] = 'probation';
    if (probationEndOn > BACKLOG_TODAY) {
      // Still in probation: what has happened so far, the later-dated class keyed in before the records.
      steps.push(...probationSteps.filter((s) => s.on <= BACKLOG_TODAY));
    } else {
      let recCellOn = wd(probationEndOn, int(2, 15));
      let recGrassrootsOn = wd(recCellOn, int(2, 6));
      let recDecisionOn = wd(recGrassrootsOn, int(2, 10));
      if (recDecisionOn > BACKLOG_TODAY && wd(probationEndOn, 30) < BACKLOG_TODAY) {
        // The cell's 30 working days are over by today: the recognition was done quickly.
        recCellOn = wd(probationEndOn, 2);
        recGrassrootsOn = wd(recCellOn, 2);
        recDecisionOn = wd(recGrassrootsOn, 2);
      }
      const selfReviewOn = wd(probationEndOn, 1) <= BACKLOG_TODAY ? wd(probationEndOn, 1) : probationEndOn;
      const recognitionPapers: PaperStep[] = [
        { type: 'SELF_REVIEW_SUBMITTED', on: selfReviewOn, payload: {} },
        { type: 'HELPER_ASSESSMENT_SUBMITTED', on: selfReviewOn, payload: {} },
        { type: 'RECOGNITION_OPINIONS_RECORDED', on: selfReviewOn, payload: {} },
      ];
      // The recognition papers first, then the steps of the probation (dated inside it, keyed in after its end).
      steps.push(recognitionPapers[0], ...probationSteps, ...recognitionPapers.slice(1));
      if (recDecisionOn <= BACKLOG_TODAY) {
        finalState = 'fullMember';
        steps.push(
          { type: 'RECOGNITION_CELL_VOTE_RECORDED', on: recCellOn, payload: { fullMembers: 9, excluded: 0, inFavour: 8, motion: 'recognise' } },
          { type: 'RECOGNITION_GRASSROOTS_VOTE_RECORDED', on: recGrassrootsOn, payload: { committeeMembers: 9, inFavour: 8, motion: 'recognise' } },
          { type: 'RECOGNITION_DECIDED', on: recDecisionOn, payload: { decisionNo: `QĐ-CT-${no}`, standingMembers: 7, inFavour: 6, motion: 'recognise' } },
          // Announced at the cell's next regular meeting, within the month (A24, ADR 0016); no draw, so the other
          // dossiers stay as they were.
          { type: 'RECOGNITION_ANNOUNCED', on: wd(recDecisionOn, 5) <= BACKLOG_TODAY ? wd(recDecisionOn, 5) : BACKLOG_TODAY, payload: {} },
        );
      } else {
        finalState = 'recognitionReview';
      }
    }
    out.push({
      no,
      candidate: { fullName: `${SURNAMES[no % 10]} ${GIVEN[(no * 7) % 10]}`, dateOfBirth: addDays('1997-01-10', int(0, 2500)) },
      openedOn,
      steps,
      breaches,
      finalState,
    });
  }
  return out;
}
