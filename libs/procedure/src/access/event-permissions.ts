import { EventType } from '../model/events';
import { BodyKind } from './bodies';
import { actingRoleOf, Role } from './roles';

/**
 * Which body records each event of a case, as the rules name it. A level is resolved against the case's cell:
 *
 * - `cell`: the cell itself (its secretary or cell committee).
 * - `grassroots`: the grassroots committee above the cell; for a cell directly under a commune committee (a village
 *   cell), that commune committee, which then plays the grassroots committee's part.
 * - `competent`: the committee that decides admission and recognition: the grassroots committee when it is
 *   authorised to admit (QĐ294 §22.1), otherwise the nearest commune or province committee above the grassroots
 *   level (QĐ294 §4.3.1–4.3.2).
 *
 * `engine` events are recorded by the engine itself, never by staff (api.md: PROBATION_ENDED; CASE_OPENED is the
 * row written by POST /cases, itself governed by `OPEN_CASE_LEVELS`).
 */
export type BodyLevel = 'cell' | 'grassroots' | 'competent';

export interface EventPermission {
  levels: readonly BodyLevel[] | 'engine';
  source: string;
}

export const EVENT_PERMISSIONS: Readonly<Record<EventType, EventPermission>> = {
  CASE_OPENED: { levels: 'engine', source: 'written by POST /cases (see OPEN_CASE_LEVELS)' },
  AWARENESS_CERTIFICATE_RECORDED: { levels: ['cell', 'grassroots'], source: 'HD38 I.1.1(c)(d): the cell proposes, the grassroots committee sends people to class' },
  DOSSIER_OPENED: { levels: ['grassroots'], source: 'HD38 I.1.1(c): the grassroots committee allows the dossier to start' },
  APPLICATION_FILED: { levels: ['cell'], source: 'HD06 §3.2: the application is handed to the cell' },
  BIOGRAPHY_FILED: { levels: ['cell'], source: 'HD06 §3.3: the biography is handed to the cell' },
  VERIFICATION_REQUESTED: { levels: ['cell', 'grassroots'], source: 'HD06 §3.4: the cell committee and the grassroots committee organise the verification' },
  VERIFICATION_REPLIED: { levels: ['cell', 'grassroots'], source: 'HD06 §3.4d' },
  BIOGRAPHY_CERTIFIED: { levels: ['grassroots'], source: 'HD06 §3.3b: the grassroots committee certifies the biography' },
  POLITICAL_ISSUE_CONCLUDED: { levels: ['competent'], source: 'HD06 §3.4; HD38 I.1.4 item 26; QĐ294 §3.3: political issues are concluded by the competent committee (QĐ 367-QĐ/TW)' },
  SPONSOR_ADDED: { levels: ['cell'], source: 'CH Art. 4(2); QĐ294 §3.2: sponsors report to the cell' },
  INTRODUCING_RESOLUTION_RECORDED: { levels: ['cell'], source: 'CH Art. 4(1): the resolution is filed with the cell' },
  OPINIONS_RECORDED: { levels: ['cell'], source: 'HD06 §3.5: the cell committee collects the opinions' },
  CONSENT_RECORDED: { levels: ['competent'], source: 'HD06 §1.1, §1.2b, §3.7b–c; QĐ294 §4.1: consents come from superior committees' },
  CELL_VOTE_RECORDED: { levels: ['cell'], source: 'CH Art. 4(3): the cell votes' },
  GRASSROOTS_VOTE_RECORDED: { levels: ['grassroots'], source: 'HD06 §3.6c: the grassroots committee votes' },
  ADMISSION_DECIDED: { levels: ['competent'], source: 'QĐ294 §4.3.1–4.3.2, §22.1: the competent committee decides' },
  DEADLINE_EXTENDED: { levels: ['competent'], source: 'QĐ294 §4.3.1: the competent committee extends its own limit' },
  CEREMONY_HELD: { levels: ['cell'], source: 'HD06 §3.8: the cell holds the ceremony' },
  MEMBER_RECORDS_FILED: { levels: ['cell', 'grassroots'], source: 'HD 12-HD/BTCTW 2022 §2.2: biography and card of the new member' },
  NEW_MEMBER_CLASS_COMPLETED: { levels: ['cell', 'grassroots'], source: 'HD06 §4.1: the new-member class certificate' },
  PROBATION_ENDED: { levels: 'engine', source: 'api.md: sent by the engine itself on the probation end date' },
  SELF_REVIEW_SUBMITTED: { levels: ['cell'], source: 'HD06 §4.2: the probationer reports to the cell' },
  HELPER_ASSESSMENT_SUBMITTED: { levels: ['cell'], source: 'HD06 §4.3: the helper reports to the cell' },
  RECOGNITION_OPINIONS_RECORDED: { levels: ['cell'], source: 'HD06 §4.4: the cell committee collects the opinions' },
  RECOGNITION_CELL_VOTE_RECORDED: { levels: ['cell'], source: 'CH Art. 5; QĐ294 §4.2.1: the cell votes recognition' },
  RECOGNITION_GRASSROOTS_VOTE_RECORDED: { levels: ['grassroots'], source: 'HD06 §4.5: the grassroots committee votes' },
  RECOGNITION_DECIDED: { levels: ['competent'], source: 'QĐ294 §4.3.1–4.3.2, §22.1: the competent committee decides' },
  RECOGNITION_ANNOUNCED: { levels: ['cell'], source: 'HD06 §4.5b: the cell announces the decision at its next regular meeting' },
  MEMBER_CARD_HANDED_OVER: { levels: ['cell', 'grassroots'], source: 'QĐ294 §6.1.1: the card is handed over at the next regular cell meeting' },
  HELPER_CHANGED: { levels: ['cell'], source: 'HD06 §3.10, §4.3: the cell assigns the probationer’s helper' },
  TRANSFERRED: { levels: ['grassroots', 'competent'], source: 'HD06 §3.9: the origin certifies a pending candidate (grassroots committee) or forwards the dossier or decision (competent committee); ADR 0024' },
  TRANSFER_DOSSIER_RECEIVED: { levels: ['competent'], source: 'HD06 §3.9b: the destination’s competent committee receives the dossier' },
  ADMISSION_ANNULLED: { levels: ['competent'], source: 'QĐ294 §4.4: the committee that decided annuls its decision' },
  RECOGNITION_ANNULLED: { levels: ['competent'], source: 'QĐ294 §4.4: the committee that decided annuls its decision' },
  WITHDRAWN: { levels: ['cell', 'grassroots'], source: 'the cell or the grassroots committee records that the candidate left the path' },
};

/** Who may open a case (POST /cases): the cell resolution putting the person on the sympathiser list (HD38 I.1.1(d)). */
export const OPEN_CASE_LEVELS: readonly BodyLevel[] = ['cell', 'grassroots'];

/** One node of the chain from the root down to the case's cell. */
export interface ChainNode {
  id: string;
  kind: BodyKind;
  authorisedToAdmit: boolean;
  /** The organisation's unit has a Youth Union / a trade union (E7, ADR 0014). Absent → true. */
  hasYouthUnion?: boolean;
  hasTradeUnion?: boolean;
  /** A province's rule profile (ADR 0023). Absent → `central`. */
  ruleProfile?: string;
}

export interface Bodies {
  cell: ChainNode;
  grassroots: ChainNode | null;
  competent: ChainNode | null;
}

/**
 * The bodies acting on a case whose cell ends `chain` (root first, the cell last). Null where the tree has no such
 * body (e.g. a cell under a grassroots committee sitting at the root).
 */
export function bodiesOf(chain: readonly ChainNode[]): Bodies {
  const cell = chain[chain.length - 1];
  if (!cell || cell.kind !== 'cell') throw new Error('the chain must end with a cell');
  const above = chain.slice(0, -1).reverse(); // nearest first
  const grassroots = above.find((n) => n.kind === 'grassroots') ?? (above[0]?.kind === 'commune' ? above[0] : null);
  let competent: ChainNode | null;
  if (grassroots?.kind === 'grassroots' && grassroots.authorisedToAdmit) competent = grassroots;
  else if (grassroots?.kind === 'commune') competent = grassroots;
  else {
    const from = grassroots ? above.indexOf(grassroots) + 1 : 0;
    competent = above.slice(from).find((n) => n.kind === 'commune' || n.kind === 'province') ?? null;
  }
  return { cell, grassroots, competent };
}

/** The account asking to record an event. */
export interface Recorder {
  organisationId: string | null;
  roles: readonly string[];
}

export type RecordVerdict =
  | { allowed: true; as: BodyLevel | 'admin' }
  | { allowed: false; permission: string; reason: string; requiredRoles: Role[] };

/**
 * Whether `who` may record an event at one of `levels` on the case whose chain is given. Deny by default:
 * allowed only to an account of exactly the body a level names holding the role that body acts through, or to an
 * admin whose organisation is on the chain (the case lies in its subtree). Inspectors never record.
 */
export function mayAct(who: Recorder, permission: string, levels: readonly BodyLevel[] | 'engine', chain: readonly ChainNode[]): RecordVerdict {
  if (levels === 'engine') {
    return { allowed: false, permission, reason: `${permission} is recorded by the engine itself; staff cannot send it`, requiredRoles: [] };
  }
  const bodies = bodiesOf(chain);
  const inSubtree = who.organisationId === null || chain.some((n) => n.id === who.organisationId);
  if (who.roles.includes('admin') && inSubtree) return { allowed: true, as: 'admin' };
  const required: Role[] = [];
  for (const level of levels) {
    const body = bodies[level];
    if (!body) continue;
    const role = actingRoleOf(body.kind);
    if (!required.includes(role)) required.push(role);
    if (who.organisationId === body.id && who.roles.includes(role)) return { allowed: true, as: level };
  }
  const where = levels.map((l) => (bodies[l] ? `${l} (${actingRoleOf(bodies[l].kind)} of organisation ${bodies[l].id})` : null)).filter(Boolean);
  return {
    allowed: false,
    permission,
    reason: `${permission} may be recorded only by the ${where.join(' or ') || 'body the rules name (none found above this cell)'}`,
    requiredRoles: required,
  };
}

/** `mayAct` for an event type of the table above. */
export function mayRecord(who: Recorder, type: EventType, chain: readonly ChainNode[]): RecordVerdict {
  return mayAct(who, type, EVENT_PERMISSIONS[type].levels, chain);
}
