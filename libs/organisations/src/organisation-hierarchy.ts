import { ALLOWED_PARENT_KINDS, mayBeAuthorisedToAdmit } from '@charterflow/procedure';
import { OrganisationKind } from './organisation';

/** The kinds of body as staff read them, and where each may sit: declared once, in the procedure library. */
export { ALLOWED_PARENT_KINDS, BODY_KIND_LABELS as ORGANISATION_KIND_LABELS } from '@charterflow/procedure';

/** Why a node of `kind` may not be placed under `parentKind` (null = no parent), or null when it may. */
export function hierarchyProblem(kind: OrganisationKind, parentKind: OrganisationKind | null, authorisedToAdmit: boolean): string | null {
  const allowed = ALLOWED_PARENT_KINDS[kind];
  if (!allowed.includes(parentKind)) {
    const where = allowed.map((k) => (k === null ? 'at the root' : `under a ${k}`)).join(' or ');
    const actual = parentKind === null ? 'at the root' : `under a ${parentKind}`;
    return `A ${kind} sits ${where}, not ${actual}.`;
  }
  if (authorisedToAdmit && !mayBeAuthorisedToAdmit(kind)) {
    return 'Only a grassroots committee can be authorised to decide admissions.';
  }
  return null;
}
