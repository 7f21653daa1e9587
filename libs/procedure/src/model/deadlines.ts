import { BusinessDate } from './dates';

export const DEADLINE_KINDS = [
  'AWARENESS_CERTIFICATE_EXPIRY',
  'DOSSIER_DOCUMENTS_EXPIRY',
  'VERIFICATION_REPLY',
  'ADMISSION_DECISION',
  'CEREMONY',
  'MEMBER_RECORDS',
  'PROBATION_END',
  'RECOGNITION_CELL_REVIEW',
  'RECOGNITION_DECISION',
  'RECOGNITION_ANNOUNCEMENT',
  // Limits only some rule profiles have (ADR 0023).
  'DOSSIER_DISPATCH',
  'GRASSROOTS_RESOLUTION',
  'DATABASE_ENTRY',
  'RECOGNITION_REVOTE',
  'TRANSFER_FORWARDING',
  'TRANSFER_DECISION',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export type DeadlineStatus = 'open' | 'met' | 'missed' | 'cancelled';

export interface DeadlineLength {
  amount: number;
  unit: 'workingDays' | 'months';
}

/**
 * One time limit of one case. Pure data, computed by libs/procedure; libs/cases stores a row per record
 * (unique per case and `key`) and never computes dates itself.
 */
export interface DeadlineRecord {
  /** Unique within the case, stable across steps: e.g. `CEREMONY`, `VERIFICATION_REPLY:req-7`. A re-opened limit gets a new key suffix `#2`. */
  key: string;
  kind: DeadlineKind;
  /** The business date the limit counts from (counting starts the day after). */
  baseOn: BusinessDate;
  length: DeadlineLength;
  /** Last allowed day (inclusive). */
  dueOn: BusinessDate;
  /** Due date before any extension. */
  originalDueOn: BusinessDate;
  /** Working days added by DEADLINE_EXTENDED (0 when not extended). */
  extendedBy: number;
  status: DeadlineStatus;
  /** Rule source, e.g. `QĐ294 §4.3.1`. */
  source: string;
  /** Procedure version whose numbers were used (chosen by the date of the triggering event). */
  ruleSet: string;
  openedOn: BusinessDate;
  closedOn: BusinessDate | null;
  /** Working days after `dueOn` when closed late (status `missed`), else null. */
  lateWorkingDays: number | null;
  /** Free reference, e.g. the verification requestId. */
  reference: string | null;
}
