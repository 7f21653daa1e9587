import { ALLOWED_PARENT_KINDS, BODY_KIND_LABELS, BODY_KINDS, mayBeAuthorisedToAdmit, sourceVi, withBasisVi } from '@charterflow/procedure';
import { OrganisationKind } from './organisation';

/** The kinds of body as staff read them, and where each may sit: declared once, in the procedure library. */
export { ALLOWED_PARENT_KINDS, BODY_KIND_LABELS as ORGANISATION_KIND_LABELS } from '@charterflow/procedure';

/** The basis of the organisation system (which body sits under which), and of who may decide admissions itself. */
export const HIERARCHY_SOURCE = 'CH Art. 11 (organisation system)';
export const AUTHORISED_TO_ADMIT_SOURCE = 'QĐ294 §22.1';

/** A refusal of the organisation hierarchy: the sentence, the clerk's Vietnamese one (with its basis) and the source. */
export interface HierarchyProblem {
  message: string;
  messageVi: string;
  source: string;
}

const kindVi = (kind: OrganisationKind) => `«${BODY_KIND_LABELS[kind].vi}»`;
const placeVi = (parent: OrganisationKind | null) => (parent === null ? 'ở cấp cao nhất của cây tổ chức' : `trực thuộc ${kindVi(parent)}`);

function problem(message: string, sentenceVi: string, source: string): HierarchyProblem {
  return { message, messageVi: withBasisVi(sentenceVi, sourceVi(source)), source };
}

/** Why a node of `kind` may not be placed under `parentKind` (null = no parent), or null when it may. */
export function hierarchyProblem(kind: OrganisationKind, parentKind: OrganisationKind | null, authorisedToAdmit: boolean): HierarchyProblem | null {
  const allowed = ALLOWED_PARENT_KINDS[kind];
  if (!allowed.includes(parentKind)) {
    const where = allowed.map((k) => (k === null ? 'at the root' : `under a ${k}`)).join(' or ');
    const actual = parentKind === null ? 'at the root' : `under a ${parentKind}`;
    return problem(
      `A ${kind} sits ${where}, not ${actual}.`,
      `Đơn vị loại ${kindVi(kind)} chỉ được đặt ${allowed.map(placeVi).join(' hoặc ')}, không được đặt ${placeVi(parentKind)}`,
      HIERARCHY_SOURCE,
    );
  }
  if (authorisedToAdmit && !mayBeAuthorisedToAdmit(kind)) {
    const authorisable = BODY_KINDS.filter(mayBeAuthorisedToAdmit).map(kindVi).join(', ');
    return problem(
      'Only a grassroots committee can be authorised to decide admissions.',
      `Chỉ ${authorisable} mới được ủy quyền quyết định kết nạp đảng viên; đơn vị loại ${kindVi(kind)} thì không`,
      AUTHORISED_TO_ADMIT_SOURCE,
    );
  }
  return null;
}

/** Why a node may not move under itself or under its own subtree. */
export function moveIntoOwnSubtreeProblem(): HierarchyProblem {
  return problem(
    'An organisation cannot move under itself or under its own subtree.',
    'Không thể chuyển một đơn vị về trực thuộc chính nó hoặc một đơn vị cấp dưới của nó',
    HIERARCHY_SOURCE,
  );
}
