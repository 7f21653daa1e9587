export const ORGANISATION_KINDS = ['province', 'commune', 'grassroots', 'cell'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

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
  createdAt: Date;
}

/** The range of `backlogGraceWorkingDays`. */
export const MAX_BACKLOG_GRACE_WORKING_DAYS = 10;
