import { OrganisationKind } from './organisation';

/** Which kinds of organisation a node of each kind may sit under (null = a root). */
/** The kinds of body as staff read them, Vietnamese first. */
export const ORGANISATION_KIND_LABELS: Readonly<Record<OrganisationKind, { vi: string; en: string }>> = {
  province: { vi: 'Tỉnh ủy, thành ủy', en: 'Province committee' },
  commune: { vi: 'Đảng ủy xã, phường, đặc khu (cấp trên trực tiếp cơ sở)', en: 'Commune or ward committee' },
  grassroots: { vi: 'Đảng ủy cơ sở', en: 'Grassroots committee' },
  cell: { vi: 'Chi bộ', en: 'Cell' },
};

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
