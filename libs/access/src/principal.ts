import { Role } from '@charterflow/procedure';
import { Scope } from '@charterflow/organisations';

/** The authenticated account behind a request, as loaded for that request (roles and place are current). */
export interface Principal {
  userId: string;
  username: string;
  organisationId: string | null;
  roles: Role[];
  sessionId: string;
  /** The subtree the account sees and acts in. */
  scope: Scope;
}
