import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import { __unsafe_getAllOwnEventDescriptors, SnapshotFrom } from 'xstate';
import { addDays } from '../calendar/business-date';
import { FINAL_STATES, TOP_STATES, TopState } from '../model/states';
import { DomainEvent } from '../model/events';
import { OrganisationFacts } from '../model/engine';
import { AUTHORISED_GRASSROOTS, CANDIDATE, ORDINARY_CELL, SPONSOR, VILLAGE_CELL } from '../__fixtures__/scenario';
import { admissionMachine } from './admission.machine';
import { MachineEvent } from './facts';

type Snap = SnapshotFrom<typeof admissionMachine>;

const input = { candidate: CANDIDATE, openedOn: '2025-09-01', procedureVersion: 'qd294-2025' };

const withEnv = (event: DomainEvent, organisation: OrganisationFacts = ORDINARY_CELL): MachineEvent =>
  ({ ...event, env: { today: '2099-12-31', organisation, openDeadlines: [] } });

/** Sample events for a snapshot: dated the day after the last step, with payloads that make guards pass or fail. */
function sampleEvents(s: Snap): MachineEvent[] {
  const on = addDays(s.context.lastStepOn, 1);
  const orgs = [ORDINARY_CELL, VILLAGE_CELL, AUTHORISED_GRASSROOTS];
  const motions = ['recognise', 'remove'] as const;
  const events: MachineEvent[] = [
    withEnv({ type: 'AWARENESS_CERTIFICATE_RECORDED', occurredOn: on, certificateNo: 'c', issuedOn: on, issuer: 'x' }),
    withEnv({ type: 'DOSSIER_OPENED', occurredOn: on, resolutionNo: 'r' }),
    withEnv({ type: 'APPLICATION_FILED', occurredOn: on }),
    withEnv({ type: 'BIOGRAPHY_FILED', occurredOn: on }),
    withEnv({ type: 'VERIFICATION_REQUESTED', occurredOn: on, requestId: 'v1', scope: 'domestic', subject: 's' }),
    withEnv({ type: 'VERIFICATION_REPLIED', occurredOn: on, requestId: 'v1' }),
    withEnv({ type: 'BIOGRAPHY_CERTIFIED', occurredOn: on, politicalIssue: false }),
    withEnv({ type: 'SPONSOR_ADDED', occurredOn: on, sponsor: SPONSOR }),
    withEnv({ type: 'INTRODUCING_RESOLUTION_RECORDED', occurredOn: on, body: 'youth_union', resolutionNo: 'r' }),
    withEnv({ type: 'OPINIONS_RECORDED', occurredOn: on, organisations: ['Đoàn'], residenceCell: true }),
    withEnv({ type: 'CONSENT_RECORDED', occurredOn: on, kind: 'over_60', issuer: 'x', documentNo: 'd' }),
    withEnv({ type: 'DEADLINE_EXTENDED', occurredOn: on, deadlineKind: 'ADMISSION_DECISION', reason: 'r' }),
    withEnv({ type: 'CEREMONY_HELD', occurredOn: on, helper: { name: 'h' } }),
    withEnv({ type: 'MEMBER_RECORDS_FILED', occurredOn: on }),
    withEnv({ type: 'NEW_MEMBER_CLASS_COMPLETED', occurredOn: on, certificateNo: 'n' }),
    withEnv({ type: 'PROBATION_ENDED', occurredOn: s.context.probationEndOn ?? on }),
    withEnv({ type: 'SELF_REVIEW_SUBMITTED', occurredOn: on }),
    withEnv({ type: 'HELPER_ASSESSMENT_SUBMITTED', occurredOn: on }),
    withEnv({ type: 'RECOGNITION_OPINIONS_RECORDED', occurredOn: on }),
    withEnv({ type: 'WITHDRAWN', occurredOn: on, reason: 'r' }),
    withEnv({ type: 'ADMISSION_ANNULLED', occurredOn: on, decisionNo: 'd', reason: 'standards_not_met' }),
  ];
  for (const org of orgs) {
    for (const inFavour of [6, 5]) {
      events.push(withEnv({ type: 'CELL_VOTE_RECORDED', occurredOn: on, fullMembers: 8, excluded: 0, inFavour }, org));
      events.push(withEnv({ type: 'GRASSROOTS_VOTE_RECORDED', occurredOn: on, committeeMembers: 8, inFavour }, org));
      for (const motion of motions) {
        events.push(withEnv({ type: 'RECOGNITION_CELL_VOTE_RECORDED', occurredOn: on, fullMembers: 8, excluded: 0, inFavour, motion }, org));
        events.push(withEnv({ type: 'RECOGNITION_GRASSROOTS_VOTE_RECORDED', occurredOn: on, committeeMembers: 8, inFavour, motion }, org));
      }
    }
  }
  for (const inFavour of [4, 3]) {
    events.push(withEnv({ type: 'ADMISSION_DECIDED', occurredOn: on, decisionNo: 'd', standingMembers: 6, inFavour, receivedOn: on }));
    for (const motion of motions) {
      events.push(withEnv({ type: 'RECOGNITION_DECIDED', occurredOn: on, decisionNo: 'd', standingMembers: 6, inFavour, motion }));
    }
  }
  return events;
}

/** States are told apart by their value and the facts that steer guards (not by dates), per phase. */
function serializeState(s: Snap): string {
  const c = s.context;
  const top = topOf(s);
  const early = ['sympathiser', 'awarenessCertified', 'dossier', 'cellReview'].includes(top);
  const late = ['probation', 'recognitionReview', 'escalated'].includes(top);
  return JSON.stringify({
    value: s.value,
    status: s.status,
    ...(early
      ? {
          cert: !!c.certificate,
          pending: Object.values(c.verifications).filter((v) => !v.repliedOn).length,
          verified: Object.keys(c.verifications).length,
          sponsors: Math.min(c.sponsors.length, 2),
          resolution: !!c.introducingResolution,
          opinions: !!c.opinions,
        }
      : {}),
    ...(late
      ? {
          recDocs: [c.newMemberClass, c.selfReviewOn, c.helperAssessmentOn, c.recognitionOpinionsOn].filter(Boolean).length,
          motion: c.pendingMotion,
          failures: c.recognitionFailures,
        }
      : {}),
  });
}

const topOf = (s: Snap): TopState => (typeof s.value === 'string' ? s.value : Object.keys(s.value)[0]) as TopState;

describe('admission machine graph', () => {
  const paths = getShortestPaths(admissionMachine, { input, events: sampleEvents, serializeState });

  it('reaches every top-level state', () => {
    const reached = new Set(paths.map((p) => topOf(p.state)));
    expect([...reached].sort()).toEqual([...TOP_STATES].sort());
  });

  it('has a path to every final state; final states are done but fullMember, which takes only the announcement and the card', () => {
    for (const final of FINAL_STATES) {
      const path = paths.find((p) => topOf(p.state) === final);
      expect(path).toBeDefined();
      expect(path!.state.status).toBe(final === 'fullMember' ? 'active' : 'done');
    }
    const full = paths.find((p) => topOf(p.state) === 'fullMember')!.state;
    expect(__unsafe_getAllOwnEventDescriptors(full).sort()).toEqual(['ADMISSION_ANNULLED', 'MEMBER_CARD_HANDED_OVER', 'RECOGNITION_ANNOUNCED', 'RECOGNITION_ANNULLED']);
    expect(paths.find((p) => topOf(p.state) === 'escalated')!.state.status).toBe('active');
  });

  it('the shortest path to fullMember passes through the whole procedure in order', () => {
    const path = paths
      .filter((p) => topOf(p.state) === 'fullMember')
      .sort((a, b) => a.steps.length - b.steps.length)[0];
    const order: TopState[] = [];
    for (const step of path.steps) {
      const top = topOf(step.state);
      if (order[order.length - 1] !== top) order.push(top);
    }
    for (const expected of ['sympathiser', 'awarenessCertified', 'dossier', 'cellReview', 'awaitingCeremony', 'probation', 'recognitionReview', 'fullMember']) {
      expect(order).toContain(expected);
    }
    expect(order.indexOf('dossier')).toBeLessThan(order.indexOf('cellReview'));
    expect(order.indexOf('probation')).toBeLessThan(order.indexOf('recognitionReview'));
  });

  it('simple paths: removal during probation or after it, and recognition once the dossier is complete', () => {
    const passing = (s: Snap) =>
      sampleEvents(s).filter(
        (e) =>
          e.env.organisation === ORDINARY_CELL &&
          (e.type === 'PROBATION_ENDED' ||
            ((e.type === 'RECOGNITION_CELL_VOTE_RECORDED' || e.type === 'RECOGNITION_GRASSROOTS_VOTE_RECORDED') && e.inFavour === 6) ||
            (e.type === 'RECOGNITION_DECIDED' && e.inFavour === 4)),
      );
    const serving = paths.find((p) => JSON.stringify(p.state.value) === JSON.stringify({ probation: 'serving' }))!.state;
    const fromServing = getSimplePaths(admissionMachine, {
      input,
      fromState: serving,
      serializeState,
      events: (s: Snap) => passing(s).filter((e) => !('motion' in e) || e.motion === 'remove'),
      toState: (s: Snap) => s.status === 'done' || topOf(s) === 'fullMember',
    });
    const removed = fromServing.filter((p) => topOf(p.state) === 'removed');
    expect(removed.some((p) => p.steps.every((st) => topOf(st.state) !== 'recognitionReview'))).toBe(true); // S14b
    expect(removed.some((p) => p.steps.some((st) => topOf(st.state) === 'recognitionReview'))).toBe(true);

    const ready = paths.find(
      (p) => JSON.stringify(p.state.value) === JSON.stringify({ recognitionReview: 'atCell' }) && serializeState(p.state).includes('"recDocs":4'),
    )!.state;
    const fromReady = getSimplePaths(admissionMachine, { input, fromState: ready, serializeState, events: passing, toState: (s: Snap) => s.status === 'done' || topOf(s) === 'fullMember' });
    const ends = new Set(fromReady.map((p) => topOf(p.state)));
    expect([...ends].sort()).toEqual(['fullMember', 'removed']);
  });
});
