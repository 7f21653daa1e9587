import { EntityManager } from 'typeorm';
import { Actor } from '@charterflow/kernel';

/** A case that a TRANSFERRED step moved to another cell (HD06 §3.9; ADR 0024), in the transaction that moved it. */
export interface CaseMoved {
  caseId: string;
  candidateName: string;
  fromOrganisationId: string;
  toOrganisationId: string;
  /** The transfer decision: its number and date. */
  decisionNo: string;
  decidedOn: string;
  actor: Actor;
  recordedAt: Date;
}

/**
 * Told of every case moved by a transfer, inside the transaction that moved it: the higher layers provide it (the
 * notifications to both cells); without one a move notifies nobody.
 */
export abstract class CaseMovedObserver {
  abstract caseMoved(m: EntityManager, moved: CaseMoved): Promise<void>;
}
