import { and, assign, not, setup } from 'xstate';
import { Candidate } from '../model/candidate';
import { BusinessDate } from '../model/dates';
import { Readmission } from '../schema/readmission.schema';
import { firstViolation } from '../rules/catalogue';
import { introducersProblem, opinionsProblem, pendingVerifications } from '../rules/dossier';
import {
  factChanges,
  CaseFacts,
  escalatesOnFailure,
  grassrootsDecides,
  GuardEnv,
  initialFacts,
  isVillageCell,
  MachineEvent,
  transferAnnulsDecision,
  votePassed,
} from './facts';

export interface MachineInput {
  candidate: Candidate;
  openedOn: BusinessDate;
  procedureVersion: string;
  readmission?: Readmission | null;
  ruleProfile?: string;
}

/**
 * The event `decide` has just found to break no rule, while it runs the machine's transition for it: the env it made
 * for that event alone (carried by the machine event it sends) and the facts it judged. The `rulesPass` guard then
 * takes that verdict instead of evaluating the same table on the same facts a second time; on any other facts or
 * env it evaluates the table itself. A transition is synchronous, so no other step can run while this is set.
 */
let passedEnv: GuardEnv | null = null;
let passedFacts: CaseFacts | null = null;

/** Runs `transition` with the verdict that the event judged under `env` breaks no rule on `facts`. */
export function withRulesPassed<T>(env: GuardEnv, facts: CaseFacts, transition: () => T): T {
  passedEnv = env;
  passedFacts = facts;
  try {
    return transition();
  } finally {
    passedEnv = null;
    passedFacts = null;
  }
}

/** Certifying the biography: with a political issue the region waits for the conclusion. */
const certify = [
  { guard: and(['rulesPass', 'raisesPoliticalIssue']), target: 'politicalReview', actions: 'record' },
  { guard: 'rulesPass', target: 'certified', actions: 'record' },
] as const;

/**
 * The admission path (procedure doc §3.16; api.md "Top-level states"). Business time reaches the machine only as
 * events: there are no `after` timers. Every transition that accepts an event is guarded by `rulesPass`, which
 * evaluates the same rule table `decide` reports from, and records the event's facts with `record`.
 */
export const admissionMachine = setup({
  types: {
    context: {} as CaseFacts,
    events: {} as MachineEvent,
    input: {} as MachineInput,
  },
  guards: {
    rulesPass: ({ context, event }) =>
      (event.env === passedEnv && context === passedFacts) || firstViolation({ facts: context, event, env: event.env }) === null,
    votePassed: ({ event }) => votePassed(event),
    villageCell: ({ event }) => isVillageCell(event.env),
    grassrootsDecides: ({ event }) => grassrootsDecides(event.env),
    motionIsRemove: ({ event }) => 'motion' in event && event.motion === 'remove',
    raisesPoliticalIssue: ({ event }) => event.type === 'BIOGRAPHY_CERTIFIED' && event.politicalIssue,
    politicalIssueCleared: ({ event }) => event.type === 'POLITICAL_ISSUE_CONCLUDED' && event.conclusion === 'cleared',
    escalates: ({ context, event }) => escalatesOnFailure(context, event),
    transferAnnulsDecision: ({ context, event }) => transferAnnulsDecision(context, event.env),
    // Automatic progress of the dossier's regions (context only).
    verificationsPending: ({ context }) => pendingVerifications(context).length > 0,
    // Judged with the unit's flags (E7) that the recorded event carries. The machine's own events (a region done)
    // carry none and change no fact: the region completes, if at all, on the recorded event itself.
    introducersComplete: ({ context, event }) => {
      const organisation = (event as Partial<MachineEvent>).env?.organisation;
      return organisation !== undefined && introducersProblem(context, context.lastStepOn, organisation) === null;
    },
    opinionsComplete: ({ context }) => opinionsProblem(context) === null,
  },
  actions: {
    record: assign(({ context, event }) => factChanges(context, event)),
  },
}).createMachine({
  id: 'admission',
  context: ({ input }) => initialFacts(input),
  initial: 'sympathiser',
  states: {
    sympathiser: {
      on: {
        AWARENESS_CERTIFICATE_RECORDED: { guard: 'rulesPass', target: 'awarenessCertified', actions: 'record' },
        CONSENT_RECORDED: { guard: 'rulesPass', actions: 'record' },
        TRANSFERRED: { guard: 'rulesPass', actions: 'record' },
        WITHDRAWN: { guard: 'rulesPass', target: 'withdrawn', actions: 'record' },
      },
    },
    awarenessCertified: {
      on: {
        AWARENESS_CERTIFICATE_RECORDED: { guard: 'rulesPass', actions: 'record' },
        DOSSIER_OPENED: { guard: 'rulesPass', target: 'dossier', actions: 'record' },
        CONSENT_RECORDED: { guard: 'rulesPass', actions: 'record' },
        TRANSFERRED: { guard: 'rulesPass', actions: 'record' },
        WITHDRAWN: { guard: 'rulesPass', target: 'withdrawn', actions: 'record' },
      },
    },
    dossier: {
      type: 'parallel',
      onDone: { target: 'cellReview' },
      on: {
        VERIFICATION_REQUESTED: { guard: 'rulesPass', actions: 'record' },
        VERIFICATION_REPLIED: { guard: 'rulesPass', actions: 'record' },
        SPONSOR_ADDED: { guard: 'rulesPass', actions: 'record' },
        INTRODUCING_RESOLUTION_RECORDED: { guard: 'rulesPass', actions: 'record' },
        OPINIONS_RECORDED: { guard: 'rulesPass', actions: 'record' },
        AWARENESS_CERTIFICATE_RECORDED: { guard: 'rulesPass', actions: 'record' },
        CONSENT_RECORDED: { guard: 'rulesPass', actions: 'record' },
        TRANSFERRED: { guard: 'rulesPass', actions: 'record' },
        WITHDRAWN: { guard: 'rulesPass', target: 'withdrawn', actions: 'record' },
      },
      states: {
        application: {
          initial: 'pending',
          states: {
            pending: { on: { APPLICATION_FILED: { guard: 'rulesPass', target: 'filed', actions: 'record' } } },
            filed: { type: 'final' },
          },
        },
        biography: {
          initial: 'notFiled',
          states: {
            notFiled: { on: { BIOGRAPHY_FILED: { guard: 'rulesPass', target: 'filed', actions: 'record' } } },
            filed: {
              always: { guard: 'verificationsPending', target: 'verifying' },
              on: { BIOGRAPHY_CERTIFIED: certify },
            },
            verifying: {
              always: { guard: not('verificationsPending'), target: 'filed' },
              // Accepted only when every reply is in: the rule VERIFICATION_PENDING explains the refusal.
              on: { BIOGRAPHY_CERTIFIED: certify },
            },
            // A political issue keeps the dossier open until the competent committee concludes it (HD06 §3.4;
            // HD38 item 26): cleared → certified, not cleared → notAdmitted.
            politicalReview: {
              on: {
                POLITICAL_ISSUE_CONCLUDED: [
                  { guard: and(['rulesPass', 'politicalIssueCleared']), target: 'certified', actions: 'record' },
                  { guard: 'rulesPass', target: '#admission.notAdmitted', actions: 'record' },
                ],
              },
            },
            certified: { type: 'final' },
          },
        },
        introducers: {
          initial: 'incomplete',
          states: {
            incomplete: { always: { guard: 'introducersComplete', target: 'complete' } },
            complete: { type: 'final' },
          },
        },
        opinions: {
          initial: 'missing',
          states: {
            missing: { always: { guard: 'opinionsComplete', target: 'complete' } },
            complete: { type: 'final' },
          },
        },
      },
    },
    cellReview: {
      on: {
        CELL_VOTE_RECORDED: [
          { guard: and(['rulesPass', 'votePassed', 'villageCell']), target: 'superiorReview', actions: 'record' },
          { guard: and(['rulesPass', 'votePassed']), target: 'grassrootsReview', actions: 'record' },
          { guard: 'rulesPass', target: 'notAdmitted', actions: 'record' },
        ],
        VERIFICATION_REQUESTED: { guard: 'rulesPass', actions: 'record' },
        VERIFICATION_REPLIED: { guard: 'rulesPass', actions: 'record' },
        SPONSOR_ADDED: { guard: 'rulesPass', actions: 'record' },
        INTRODUCING_RESOLUTION_RECORDED: { guard: 'rulesPass', actions: 'record' },
        OPINIONS_RECORDED: { guard: 'rulesPass', actions: 'record' },
        AWARENESS_CERTIFICATE_RECORDED: { guard: 'rulesPass', actions: 'record' },
        CONSENT_RECORDED: { guard: 'rulesPass', actions: 'record' },
        TRANSFERRED: { guard: 'rulesPass', actions: 'record' },
        WITHDRAWN: { guard: 'rulesPass', target: 'withdrawn', actions: 'record' },
      },
    },
    grassrootsReview: {
      on: {
        GRASSROOTS_VOTE_RECORDED: [
          { guard: and(['rulesPass', 'votePassed', 'grassrootsDecides']), target: 'awaitingCeremony', actions: 'record' },
          { guard: and(['rulesPass', 'votePassed']), target: 'superiorReview', actions: 'record' },
          { guard: 'rulesPass', target: 'notAdmitted', actions: 'record' },
        ],
        DEADLINE_EXTENDED: { guard: 'rulesPass', actions: 'record' },
        CONSENT_RECORDED: { guard: 'rulesPass', actions: 'record' },
        TRANSFERRED: { guard: 'rulesPass', actions: 'record' },
        WITHDRAWN: { guard: 'rulesPass', target: 'withdrawn', actions: 'record' },
      },
    },
    superiorReview: {
      on: {
        ADMISSION_DECIDED: [
          { guard: and(['rulesPass', 'votePassed']), target: 'awaitingCeremony', actions: 'record' },
          { guard: 'rulesPass', target: 'notAdmitted', actions: 'record' },
        ],
        DEADLINE_EXTENDED: { guard: 'rulesPass', actions: 'record' },
        CONSENT_RECORDED: { guard: 'rulesPass', actions: 'record' },
        TRANSFER_DOSSIER_RECEIVED: { guard: 'rulesPass', actions: 'record' },
        TRANSFERRED: { guard: 'rulesPass', actions: 'record' },
        WITHDRAWN: { guard: 'rulesPass', target: 'withdrawn', actions: 'record' },
      },
    },
    awaitingCeremony: {
      on: {
        CEREMONY_HELD: { guard: 'rulesPass', target: 'probation', actions: 'record' },
        // D18: a decision issued more than 30 WD after the transfer decision is annulled and the dossier forwarded.
        TRANSFERRED: [
          { guard: and(['rulesPass', 'transferAnnulsDecision']), target: 'superiorReview', actions: 'record' },
          { guard: 'rulesPass', actions: 'record' },
        ],
        ADMISSION_ANNULLED: { guard: 'rulesPass', target: '#admission.annulled', actions: 'record' },
        CONSENT_RECORDED: { guard: 'rulesPass', actions: 'record' },
        WITHDRAWN: { guard: 'rulesPass', target: 'withdrawn', actions: 'record' },
      },
    },
    probation: {
      initial: 'serving',
      on: {
        NEW_MEMBER_CLASS_COMPLETED: { guard: 'rulesPass', actions: 'record' },
        MEMBER_RECORDS_FILED: { guard: 'rulesPass', actions: 'record' },
        HELPER_CHANGED: { guard: 'rulesPass', actions: 'record' },
        TRANSFERRED: { guard: 'rulesPass', actions: 'record' },
        ADMISSION_ANNULLED: { guard: 'rulesPass', target: '#admission.annulled', actions: 'record' },
      },
      states: {
        serving: {
          on: {
            // Removal for violating membership standards (S14b); a recognise motion is refused by rule.
            RECOGNITION_CELL_VOTE_RECORDED: [
              { guard: and(['rulesPass', 'votePassed', 'villageCell']), target: 'removalAtSuperior', actions: 'record' },
              { guard: and(['rulesPass', 'votePassed']), target: 'removalAtGrassroots', actions: 'record' },
              { guard: 'rulesPass', target: 'serving', actions: 'record' },
            ],
            PROBATION_ENDED: { guard: 'rulesPass', target: '#admission.recognitionReview.atCell', actions: 'record' },
          },
        },
        removalAtGrassroots: {
          on: {
            RECOGNITION_GRASSROOTS_VOTE_RECORDED: [
              { guard: and(['rulesPass', 'votePassed', 'grassrootsDecides']), target: '#admission.removed', actions: 'record' },
              { guard: and(['rulesPass', 'votePassed']), target: 'removalAtSuperior', actions: 'record' },
              { guard: 'rulesPass', target: 'serving', actions: 'record' },
            ],
            DEADLINE_EXTENDED: { guard: 'rulesPass', actions: 'record' },
            PROBATION_ENDED: { guard: 'rulesPass', target: '#admission.recognitionReview.atGrassroots', actions: 'record' },
          },
        },
        removalAtSuperior: {
          on: {
            RECOGNITION_DECIDED: [
              { guard: and(['rulesPass', 'votePassed']), target: '#admission.removed', actions: 'record' },
              { guard: 'rulesPass', target: 'serving', actions: 'record' },
            ],
            DEADLINE_EXTENDED: { guard: 'rulesPass', actions: 'record' },
            PROBATION_ENDED: { guard: 'rulesPass', target: '#admission.recognitionReview.atSuperior', actions: 'record' },
          },
        },
      },
    },
    recognitionReview: {
      initial: 'atCell',
      on: {
        SELF_REVIEW_SUBMITTED: { guard: 'rulesPass', actions: 'record' },
        HELPER_ASSESSMENT_SUBMITTED: { guard: 'rulesPass', actions: 'record' },
        RECOGNITION_OPINIONS_RECORDED: { guard: 'rulesPass', actions: 'record' },
        // Steps of the probation entered after the engine ended it: accepted when dated inside the probation
        // (PROBATION_STEP_AFTER_END), recorded as probation facts (api.md v1.1; ADR 0015).
        NEW_MEMBER_CLASS_COMPLETED: { guard: 'rulesPass', actions: 'record' },
        MEMBER_RECORDS_FILED: { guard: 'rulesPass', actions: 'record' },
        HELPER_CHANGED: { guard: 'rulesPass', actions: 'record' },
        TRANSFERRED: { guard: 'rulesPass', actions: 'record' },
        ADMISSION_ANNULLED: { guard: 'rulesPass', target: '#admission.annulled', actions: 'record' },
      },
      states: {
        atCell: {
          on: {
            RECOGNITION_CELL_VOTE_RECORDED: [
              { guard: and(['rulesPass', 'votePassed', 'villageCell']), target: 'atSuperior', actions: 'record' },
              { guard: and(['rulesPass', 'votePassed']), target: 'atGrassroots', actions: 'record' },
              { guard: and(['rulesPass', 'escalates']), target: '#admission.escalated', actions: 'record' },
              { guard: 'rulesPass', target: 'atCell', actions: 'record' },
            ],
          },
        },
        atGrassroots: {
          on: {
            RECOGNITION_GRASSROOTS_VOTE_RECORDED: [
              { guard: and(['rulesPass', 'votePassed', 'grassrootsDecides', 'motionIsRemove']), target: '#admission.removed', actions: 'record' },
              { guard: and(['rulesPass', 'votePassed', 'grassrootsDecides']), target: '#admission.fullMember', actions: 'record' },
              { guard: and(['rulesPass', 'votePassed']), target: 'atSuperior', actions: 'record' },
              { guard: and(['rulesPass', 'escalates']), target: '#admission.escalated', actions: 'record' },
              { guard: 'rulesPass', target: 'atGrassroots', actions: 'record' },
            ],
            DEADLINE_EXTENDED: { guard: 'rulesPass', actions: 'record' },
          },
        },
        atSuperior: {
          on: {
            RECOGNITION_DECIDED: [
              { guard: and(['rulesPass', 'votePassed', 'motionIsRemove']), target: '#admission.removed', actions: 'record' },
              { guard: and(['rulesPass', 'votePassed']), target: '#admission.fullMember', actions: 'record' },
              { guard: 'rulesPass', target: 'atSuperior', actions: 'record' },
            ],
            DEADLINE_EXTENDED: { guard: 'rulesPass', actions: 'record' },
          },
        },
      },
    },
    /** Three failed votes of a lower body (QĐ294 §4.2.3): the competent committee decides. */
    escalated: {
      on: {
        RECOGNITION_DECIDED: [
          { guard: and(['rulesPass', 'votePassed', 'motionIsRemove']), target: 'removed', actions: 'record' },
          { guard: and(['rulesPass', 'votePassed']), target: 'fullMember', actions: 'record' },
          { guard: 'rulesPass', actions: 'record' },
        ],
        ADMISSION_ANNULLED: { guard: 'rulesPass', target: '#admission.annulled', actions: 'record' },
      },
    },
    /**
     * The path ends here, but the cell still announces the decision and hands over the card at its next regular
     * meetings (HD06 §4.5b; QĐ294 §6.1.1; A24): the state accepts those two records and nothing else, so it is not
     * an xstate final state (ADR 0016). FINAL_STATES still lists it: no step of the procedure follows.
     */
    fullMember: {
      on: {
        RECOGNITION_ANNOUNCED: { guard: 'rulesPass', actions: 'record' },
        MEMBER_CARD_HANDED_OVER: { guard: 'rulesPass', actions: 'record' },
        ADMISSION_ANNULLED: { guard: 'rulesPass', target: '#admission.annulled', actions: 'record' },
        RECOGNITION_ANNULLED: { guard: 'rulesPass', target: 'annulled', actions: 'record' },
      },
    },
    notAdmitted: { type: 'final' },
    removed: { type: 'final' },
    withdrawn: { type: 'final' },
    /** The committee that decided annulled its admission or recognition decision (S14e; ADR 0024); the reason is kept. */
    annulled: { type: 'final' },
  },
});

export type AdmissionMachine = typeof admissionMachine;
