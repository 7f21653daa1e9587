import { ALLOWED_PARENT_KINDS, BODY_KINDS, type BodyKind, mayBeAuthorisedToAdmit } from '@charterflow/procedure';
import type { ApiErrorBody, Explanation } from './errors';
import { explain } from './errors';

/** An organisation as `GET /organisations` answers it (the fields the tree needs). */
export interface OrgNode {
  id: string;
  name: string;
  kind: BodyKind;
  parentId: string | null;
  authorisedToAdmit: boolean;
  hasYouthUnion: boolean;
  hasTradeUnion: boolean;
  backlogGraceWorkingDays: number | null;
  /** A province's rule profile (ADR 0023); null on other kinds. */
  ruleProfile?: string | null;
}

/** A node of the tree in reading order, with how deep it sits below the account's top node (0). */
export interface TreeRow {
  node: OrgNode;
  depth: number;
}

/** The kinds of unit that may be created under a parent of this kind, from the top of the hierarchy down. */
export function kindsUnder(parentKind: BodyKind | null): BodyKind[] {
  return BODY_KINDS.filter((kind) => ALLOWED_PARENT_KINDS[kind].includes(parentKind));
}

/**
 * The subtree as rows in reading order: each node under its parent, siblings by name (Vietnamese collation). A node
 * whose parent the account does not see is a top of the list.
 */
export function treeRows(nodes: readonly OrgNode[]): TreeRow[] {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string | null, OrgNode[]>();
  for (const n of nodes) {
    const key = n.parentId !== null && ids.has(n.parentId) ? n.parentId : null;
    children.set(key, [...(children.get(key) ?? []), n]);
  }
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    for (const node of list) {
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      rows.push({ node, depth });
      visit(node.id, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}

/** The ids of a node and everything below it. */
export function subtreeOf(nodes: readonly OrgNode[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of nodes) {
      if (n.parentId !== null && out.has(n.parentId) && !out.has(n.id)) {
        out.add(n.id);
        grew = true;
      }
    }
  }
  return out;
}

/** The units a node may move under: of a kind the hierarchy allows, not itself, not below itself, not where it is. */
export function moveTargets(nodes: readonly OrgNode[], node: OrgNode): OrgNode[] {
  const below = subtreeOf(nodes, node.id);
  return nodes
    .filter((p) => !below.has(p.id) && p.id !== node.parentId && ALLOWED_PARENT_KINDS[node.kind].includes(p.kind))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** Whether the unit is of a kind that may be authorised to decide admissions itself. */
export function mayAuthorise(kind: BodyKind): boolean {
  return mayBeAuthorisedToAdmit(kind);
}

/** The backlog grace typed by a clerk: blank inherits (null), else a whole number of working days from 0 to 10. */
export function parseGrace(text: string): { ok: true; value: number | null } | { ok: false } {
  const s = text.trim();
  if (s === '') return { ok: true, value: null };
  if (!/^\d{1,2}$/.test(s)) return { ok: false };
  const value = Number(s);
  return value <= 10 ? { ok: true, value } : { ok: false };
}

/**
 * A refusal of an administration write in words: the server's own Vietnamese sentence when it gives one (the
 * organisation hierarchy's names the kinds and the article); a refusal by the hierarchy without one (a server of an
 * older version) as its situation; every other answer as the application explains it.
 */
export function explainAdmin(status: number, body: ApiErrorBody | null | undefined): Explanation {
  const b = body ?? {};
  if (b.messageVi) return { kind: 'text', vi: b.messageVi };
  if (b.code === 'RULE_VIOLATION' && b.rule === 'ORGANISATION_HIERARCHY') return { kind: 'key', key: 'admin.errors.hierarchy' };
  if (b.code === 'ALREADY_EXISTS') return { kind: 'key', key: 'admin.errors.exists' };
  return explain(status, b);
}
