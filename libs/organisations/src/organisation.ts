import { BODY_KINDS, BodyKind } from '@charterflow/procedure';

/** The kinds of organisation node: the bodies of the procedure library (CH Art. 11). */
export const ORGANISATION_KINDS = BODY_KINDS;
export type OrganisationKind = BodyKind;

/** A node of the party organisation tree (table `organisations`). */
export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  parentId: string | null;
  /** Ids from the root down to this node, each followed by '/': `/<root>/<child>/<self>/`. */
  path: string;
  authorisedToAdmit: boolean;
  /** The unit has a Youth Union organisation (E7; default true; ADR 0014). */
  hasYouthUnion: boolean;
  /** The unit has a trade-union organisation (E7; default true; ADR 0014). */
  hasTradeUnion: boolean;
  /**
   * Working days a limit keyed in already past waits before it alerts, for the cases below this node (ADR 0015);
   * null inherits from the nearest ancestor that has one, else the reminder policy's default.
   */
  backlogGraceWorkingDays: number | null;
  /** The rule profile a province's cases open under (ADR 0023); `central` on every other kind. */
  ruleProfile: string;
  createdAt: Date;
}

/** The range of `backlogGraceWorkingDays`. */
export const MAX_BACKLOG_GRACE_WORKING_DAYS = 10;
