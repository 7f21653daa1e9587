import { transferAwaitingDossier, transfersOf } from '../machine/facts';
import { DeadlineLength } from '../model/deadlines';
import type { DeadlineDefinition } from './table';

const wd = (amount: number): DeadlineLength => ({ amount, unit: 'workingDays' });

/**
 * The limits of a transfer while the dossier is with the competent committee (D17; HD06 §3.9b; ADR 0024): the origin
 * forwards the dossier within 15 working days of the transfer decision; the destination's competent committee decides
 * within 30 working days of receiving it — also after an admission decision the transfer annulled (D18, §3.9c), for
 * which the texts set no forwarding limit.
 */
export const TRANSFER_DEADLINES: readonly DeadlineDefinition[] = [
  {
    kind: 'TRANSFER_FORWARDING',
    openIn: ['superiorReview'],
    extension: null,
    description: 'The origin forwards the dossier of a candidate transferred while it is with the competent committee within 15 working days of the transfer decision.',
    source: () => 'HD06 §3.9b',
    lengths: (rs) => ({ default: wd(rs.transfer.forwardingWorkingDays) }),
    opens: (step) => {
      const e = step.event;
      // D17 only: after an annulment (D18) the texts set no forwarding limit; the destination's decision limit runs.
      if (e.type !== 'TRANSFERRED' || transferAwaitingDossier(step.after.facts)?.stage !== 'atCompetentCommittee') return [];
      const n = transfersOf(step.after.facts).length;
      return [{ key: `TRANSFER_FORWARDING:${n}`, baseOn: e.occurredOn, ruleSetDate: e.occurredOn, reference: e.decisionNo }];
    },
    closes: (step) => (step.event.type === 'TRANSFER_DOSSIER_RECEIVED' ? 'byDate' : step.event.type === 'ADMISSION_DECIDED' ? 'met' : null),
    openWhile: (after) => after.state === 'superiorReview',
  },
  {
    kind: 'TRANSFER_DECISION',
    openIn: ['superiorReview'],
    extension: null,
    description: 'The destination’s competent committee decides on a transferred dossier within 30 working days of receiving it (or reports why).',
    source: () => 'HD06 §3.9b–c',
    lengths: (rs) => ({ default: wd(rs.transfer.decisionWorkingDays) }),
    opens: (step) => {
      const e = step.event;
      if (e.type !== 'TRANSFER_DOSSIER_RECEIVED') return [];
      const last = transfersOf(step.after.facts).at(-1);
      return [{ key: `TRANSFER_DECISION:${transfersOf(step.after.facts).length}`, baseOn: e.occurredOn, ruleSetDate: e.occurredOn, reference: last?.decisionNo ?? null }];
    },
    closes: (step) => (step.event.type === 'ADMISSION_DECIDED' ? 'byDate' : null),
    openWhile: (after) => after.state === 'superiorReview',
  },
];
