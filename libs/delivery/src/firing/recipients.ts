import { EscalationPolicy, ORGANISATION_LEVELS, OrganisationLevel, PolicyRecipient, RecipientRole } from '../policy/reminder-policy';
import { ChainOrganisation } from './organisation-chain.repository';

/** One inbox a notification goes to. */
export interface Recipient {
  organisationId: string;
  role: RecipientRole;
}

const RANK: Record<OrganisationLevel, number> = Object.fromEntries(ORGANISATION_LEVELS.map((level, i) => [level, i])) as Record<OrganisationLevel, number>;

/**
 * The organisation at `level` seen from the case's cell (`chain` is root first, the cell last): the cell itself, or
 * the nearest ancestor of that kind. Where the tree skips the level (a cell directly under a commune has no
 * grassroots committee) the nearest existing ancestor above it stands in. Null when nothing is that high.
 */
export function organisationAt(chain: readonly ChainOrganisation[], level: OrganisationLevel): ChainOrganisation | null {
  for (let i = chain.length - 1; i >= 0; i -= 1) {
    if (RANK[chain[i].kind] >= RANK[level]) return chain[i];
  }
  return null;
}

/** The inboxes of the policy's recipients, without duplicates, in policy order. */
export function resolveRecipients(chain: readonly ChainOrganisation[], recipients: readonly PolicyRecipient[]): Recipient[] {
  return unique(
    recipients.flatMap((r) => {
      const org = organisationAt(chain, r.at);
      return org ? [{ organisationId: org.id, role: r.role }] : [];
    }),
  );
}

/** Who leads the organisation superior to one of kind `kind`: officers of a committee, not a cell secretary. */
export function officerRoleOf(kind: ChainOrganisation['kind']): RecipientRole {
  return kind === 'grassroots' ? 'grassroots_officer' : kind === 'cell' ? 'cell_secretary' : 'superior_officer';
}

/**
 * Where an escalation goes: `superior` → the parent of each alerted organisation (its officers); a list → those
 * recipients. The alerted organisations themselves are told too (they come after, duplicates removed).
 */
export function escalationRecipients(chain: readonly ChainOrganisation[], alerted: readonly Recipient[], escalation: EscalationPolicy): Recipient[] {
  let superiors: Recipient[];
  if (escalation.to === 'superior') {
    superiors = alerted.flatMap((a) => {
      const i = chain.findIndex((o) => o.id === a.organisationId);
      const parent = i > 0 ? chain[i - 1] : null;
      return parent ? [{ organisationId: parent.id, role: officerRoleOf(parent.kind) }] : [];
    });
  } else {
    superiors = resolveRecipients(chain, escalation.to);
  }
  return unique([...superiors, ...alerted]);
}

function unique(list: Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return list.filter((r) => {
    const key = `${r.organisationId}:${r.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
