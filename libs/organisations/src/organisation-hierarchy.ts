import { OrganisationKind } from './entities/organisation.entity';

/** Which kinds of organisation a node of each kind may sit under (null = a root). */
export const ALLOWED_PARENT_KINDS: Record<OrganisationKind, readonly (OrganisationKind | null)[]> = {
  province: [null],
  commune: ['province'],
  grassroots: ['commune', 'province'],
  cell: ['grassroots', 'commune'],
};

/** Why a node of `kind` may not be placed under `parentKind` (null = no parent), or null when it may. */
export function hierarchyProblem(kind: OrganisationKind, parentKind: OrganisationKind | null, authorisedToAdmit: boolean): string | null {
  const allowed = ALLOWED_PARENT_KINDS[kind];
  if (!allowed.includes(parentKind)) {
    const where = allowed.map((k) => (k === null ? 'at the root' : `under a ${k}`)).join(' or ');
    const actual = parentKind === null ? 'at the root' : `under a ${parentKind}`;
    return `A ${kind} sits ${where}, not ${actual}.`;
  }
  if (authorisedToAdmit && kind !== 'grassroots') {
    return 'Only a grassroots committee can be authorised to decide admissions.';
  }
  return null;
}
