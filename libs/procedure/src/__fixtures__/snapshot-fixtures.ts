import { CaseAggregate } from '../model/engine';
import { TopState } from '../model/states';
import {
  AUTHORISED_GRASSROOTS,
  CaseDriver,
  makeEnv,
  PASSING_CELL_VOTE,
  toAwarenessCertified,
  toCellReview,
  toProbation,
  toRecognitionReview,
} from './scenario';

const recognise = { fullMembers: 9, excluded: 1, inFavour: 6, motion: 'recognise' as const };

/** One case per top-level state, driven through the engine. Used to (re)write `snapshots/<state>.json`. */
export function buildFixtureAggregates(): Record<TopState, CaseAggregate> {
  const at = (f: (c: CaseDriver) => unknown, c = new CaseDriver()): CaseAggregate => {
    f(c);
    return c.aggregate;
  };
  const toGrassroots = (c: CaseDriver) => toCellReview(c).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
  const toSuperior = (c: CaseDriver) => toGrassroots(c).ok('GRASSROOTS_VOTE_RECORDED', '2025-11-20', { committeeMembers: 9, inFavour: 6 });
  const toCeremony = (c: CaseDriver) =>
    toSuperior(c).ok('ADMISSION_DECIDED', '2025-12-15', { decisionNo: 'QD-1', standingMembers: 7, inFavour: 4, receivedOn: '2025-12-17' });
  const failThrice = (c: CaseDriver) => {
    toRecognitionReview(c);
    for (const on of ['2027-01-15', '2027-02-15', '2027-03-15']) c.ok('RECOGNITION_CELL_VOTE_RECORDED', on, { ...recognise, inFavour: 5 });
  };
  return {
    sympathiser: at(() => undefined),
    awarenessCertified: at((c) => toAwarenessCertified(c)),
    dossier: at((c) => toAwarenessCertified(c).ok('DOSSIER_OPENED', '2025-10-01', { resolutionNo: 'NQ-7' }).ok('APPLICATION_FILED', '2025-10-02')),
    cellReview: at(toCellReview),
    grassrootsReview: at(toGrassroots),
    superiorReview: at(toSuperior),
    awaitingCeremony: at(toCeremony),
    probation: at(toProbation),
    recognitionReview: at(toRecognitionReview),
    fullMember: at(
      (c) => {
        toRecognitionReview(c);
        c.ok('RECOGNITION_CELL_VOTE_RECORDED', '2027-01-15', recognise);
        c.ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2027-01-20', { committeeMembers: 15, inFavour: 10, motion: 'recognise' });
      },
      new CaseDriver(makeEnv('2030-12-31', AUTHORISED_GRASSROOTS)),
    ),
    notAdmitted: at((c) => toCellReview(c).ok('CELL_VOTE_RECORDED', '2025-11-10', { fullMembers: 8, excluded: 0, inFavour: 5 })),
    removed: at((c) =>
      toProbation(c)
        .ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-06-01', { ...recognise, motion: 'remove' })
        .ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2026-06-10', { committeeMembers: 9, inFavour: 6, motion: 'remove' })
        .ok('RECOGNITION_DECIDED', '2026-06-20', { decisionNo: 'QD-X', standingMembers: 7, inFavour: 4, motion: 'remove' }),
    ),
    withdrawn: at((c) => toAwarenessCertified(c).ok('WITHDRAWN', '2025-09-20', { reason: 'personal' })),
    escalated: at(failThrice),
    annulled: at((c) => toCeremony(c).ok('ADMISSION_ANNULLED', '2026-01-05', { decisionNo: 'QD-1', reason: 'standards_not_met' })),
  };
}
