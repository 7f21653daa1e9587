import { Injectable } from '@nestjs/common';
import { ChainNode, DEFAULT_RULE_PROFILE, OrganisationFacts, ruleProfileById, ruleProfileIds } from '@charterflow/procedure';
import { MAX_BACKLOG_GRACE_WORKING_DAYS, Organisation, ORGANISATION_KINDS, OrganisationKind } from './organisation';
import { HierarchyProblem, hierarchyProblem, moveIntoOwnSubtreeProblem } from './organisation-hierarchy';
import { OrganisationsRepository } from './repositories/organisations.repository';
import { canonicalId, DomainException, isUuid } from '@charterflow/kernel';
import { pathInScope, Scope, WHOLE_TREE } from './scope';

/** An organisation as the API shows it. */
export interface OrganisationView {
  id: string;
  name: string;
  kind: OrganisationKind;
  parentId: string | null;
  authorisedToAdmit: boolean;
  /** The unit has a Youth Union organisation (E7, ADR 0014). */
  hasYouthUnion: boolean;
  /** The unit has a trade-union organisation (E7, ADR 0014). */
  hasTradeUnion: boolean;
  /** The backlog grace set on this node (ADR 0015); null: inherited. */
  backlogGraceWorkingDays: number | null;
  /** A province's rule profile (ADR 0023); null on every other kind (its cases follow their province's). */
  ruleProfile: string | null;
  /** Ids from the root down to this node, each followed by '/'. */
  path: string;
  createdAt: string;
}

/** What dispatching an event needs to know about a case's cell: the rules' facts and the bodies above it. */
export interface CellContext {
  facts: OrganisationFacts;
  /** Root first, the cell last. */
  chain: ChainNode[];
  /** The province the cell belongs to (the root of its chain): its calendar is the case's. */
  provinceId: string | null;
}

export interface UpdateOrganisationInput {
  name?: string;
  /** Moves the node and its subtree under another parent. */
  parentId?: string;
  /** Whether the unit has a Youth Union / a trade-union organisation (E7); unchanged when absent. */
  hasYouthUnion?: boolean;
  hasTradeUnion?: boolean;
  /** Sets the backlog grace of the node (null: inherit again). */
  backlogGraceWorkingDays?: number | null;
  /** A province's rule profile (ADR 0023): the cases opened afterwards are judged under it. */
  ruleProfile?: string;
}

export interface CreateOrganisationInput {
  name: string;
  kind: OrganisationKind;
  parentId?: string | null;
  authorisedToAdmit?: boolean;
  /** Whether the unit has a Youth Union / a trade-union organisation (E7); default true. */
  hasYouthUnion?: boolean;
  hasTradeUnion?: boolean;
  backlogGraceWorkingDays?: number | null;
  /** A province's rule profile (default `central`). */
  ruleProfile?: string;
}

/**
 * A rule profile given must be one of RULE_PROFILES (VALIDATION_FAILED otherwise) and may be set on a province only
 * (RULE_VIOLATION `RULE_PROFILE_PROVINCE_ONLY`: the implementing rules are the province's).
 */
function checkRuleProfile(value: unknown, kind: OrganisationKind): string | undefined {
  if (value === undefined) return undefined;
  const ids = ruleProfileIds();
  if (typeof value !== 'string' || !ids.includes(value)) {
    throw DomainException.validation([
      {
        field: 'ruleProfile',
        message: `ruleProfile must be one of ${ids.join(', ')}`,
        labelVi: 'Quy định áp dụng',
        messageVi: `«Quy định áp dụng» phải là một trong: ${ids.map((id) => ruleProfileById(id).label.vi).join('; ')}`,
      },
    ]);
  }
  if (kind !== 'province') {
    throw new DomainException('RULE_VIOLATION', `Only a province chooses a rule profile; this organisation is a ${kind}.`, {
      rule: 'RULE_PROFILE_PROVINCE_ONLY',
      source: 'HN02 (quy định thi hành của tỉnh ủy, thành ủy)',
      messageVi: 'Chỉ đảng bộ tỉnh, thành phố mới chọn quy định áp dụng; các tổ chức đảng trực thuộc áp dụng quy định của tỉnh, thành phố.',
      kind,
    });
  }
  return value;
}

/** A flag given must be a boolean (VALIDATION_FAILED naming it otherwise). */
function flagsOf(input: { hasYouthUnion?: unknown; hasTradeUnion?: unknown }): { hasYouthUnion?: boolean; hasTradeUnion?: boolean } {
  const bad = (['hasYouthUnion', 'hasTradeUnion'] as const).filter((f) => input[f] !== undefined && typeof input[f] !== 'boolean');
  if (bad.length) throw DomainException.validation(bad.map((field) => ({ field, message: `${field} must be a boolean` })));
  return {
    ...(input.hasYouthUnion !== undefined ? { hasYouthUnion: input.hasYouthUnion as boolean } : {}),
    ...(input.hasTradeUnion !== undefined ? { hasTradeUnion: input.hasTradeUnion as boolean } : {}),
  };
}

/** VALIDATION_FAILED unless the grace is null/absent or a whole number of working days 0–10. */
function checkBacklogGrace(value: unknown): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_BACKLOG_GRACE_WORKING_DAYS) {
    throw DomainException.validation([
      { field: 'backlogGraceWorkingDays', message: `backlogGraceWorkingDays must be a whole number of working days from 0 to ${MAX_BACKLOG_GRACE_WORKING_DAYS}, or null` },
    ]);
  }
}


/** The party organisation tree: province → commune → grassroots committee → cell. */
@Injectable()
export class OrganisationsService {
  constructor(private readonly organisations: OrganisationsRepository) {}

  /**
   * Creates a node under a parent in `scope` (a parent outside it answers exactly as an unknown one). A root (a
   * province) needs the whole tree's scope.
   */
  async create(input: CreateOrganisationInput, scope: Scope = WHOLE_TREE): Promise<OrganisationView> {
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (!name) throw DomainException.validation([{ field: 'name', message: 'name is required' }]);
    if (!ORGANISATION_KINDS.includes(input.kind)) {
      throw DomainException.validation([{ field: 'kind', message: `kind must be one of ${ORGANISATION_KINDS.join(', ')}` }]);
    }
    const parentId = input.parentId ?? null;
    if (parentId === null && scope.pathPrefix !== null) {
      throw new DomainException('FORBIDDEN', 'Only an administrator of the whole tree may create a root organisation.', { permission: 'organisations.createRoot' });
    }
    const parent = parentId === null ? null : await this.findInScope(parentId, scope);
    if (parentId !== null && !parent) {
      throw DomainException.validation([{ field: 'parentId', message: `organisation ${parentId} does not exist` }]);
    }
    const authorisedToAdmit = input.authorisedToAdmit ?? false;
    const flags = flagsOf(input);
    checkBacklogGrace(input.backlogGraceWorkingDays);
    const problem = hierarchyProblem(input.kind, parent?.kind ?? null, authorisedToAdmit);
    if (problem) throw hierarchyRefusal(problem, { kind: input.kind, parentKind: parent?.kind ?? null });
    const ruleProfile = checkRuleProfile(input.ruleProfile, input.kind) ?? DEFAULT_RULE_PROFILE;
    return toView(
      await this.organisations.insert({
        name,
        kind: input.kind,
        parent,
        authorisedToAdmit,
        hasYouthUnion: flags.hasYouthUnion ?? true,
        hasTradeUnion: flags.hasTradeUnion ?? true,
        backlogGraceWorkingDays: input.backlogGraceWorkingDays ?? null,
        ruleProfile,
      }),
    );
  }

  /** One node; NOT_FOUND when unknown or outside `scope`. */
  async get(id: string, scope: Scope = WHOLE_TREE): Promise<OrganisationView> {
    return toView(await this.require(id, scope));
  }

  /**
   * Children of `parentId` when given (NOT_FOUND when the parent is outside `scope`), else every organisation in
   * `scope` (ordered by path: each node before its subtree).
   */
  async list(filter: { parentId?: string } = {}, scope: Scope = WHOLE_TREE): Promise<OrganisationView[]> {
    if (filter.parentId === undefined) return (await this.organisations.findAll(scope.pathPrefix ?? undefined)).map(toView);
    await this.require(filter.parentId, scope);
    return (await this.organisations.findChildren(filter.parentId)).map(toView);
  }

  /**
   * Renames a node and/or moves it (with its subtree) under another parent in `scope`, and/or sets whether its unit has
   * a Youth Union or a trade union (E7: read by the engine at the next step of every case below it). The node itself
   * must lie in `scope` and must not be its top for a move (an account cannot move the node it is attached to). The
   * hierarchy rules hold as on creation; a node cannot move under itself or its own subtree.
   */
  async update(id: string, input: UpdateOrganisationInput, scope: Scope = WHOLE_TREE): Promise<OrganisationView> {
    const node = await this.require(id, scope);
    // Everything is checked before anything is written: a refused move leaves the name as it was too.
    let name: string | undefined;
    const flags = flagsOf(input);
    if (input.name !== undefined) {
      name = typeof input.name === 'string' ? input.name.trim() : '';
      if (!name) throw DomainException.validation([{ field: 'name', message: 'name must not be empty' }]);
    }
    checkBacklogGrace(input.backlogGraceWorkingDays);
    const ruleProfile = checkRuleProfile(input.ruleProfile, node.kind);
    let newParent: Organisation | undefined;
    if (input.parentId !== undefined && input.parentId !== node.parentId) {
      if (scope.organisationId === id) {
        throw new DomainException('FORBIDDEN', 'An account cannot move the organisation it is attached to.', { permission: 'organisations.move' });
      }
      const parent = await this.findInScope(input.parentId, scope);
      if (!parent) throw DomainException.validation([{ field: 'parentId', message: `organisation ${input.parentId} does not exist` }]);
      if (parent.path.startsWith(node.path)) throw hierarchyRefusal(moveIntoOwnSubtreeProblem());
      const problem = hierarchyProblem(node.kind, parent.kind, node.authorisedToAdmit);
      if (problem) throw hierarchyRefusal(problem, { kind: node.kind, parentKind: parent.kind });
      newParent = parent;
    }
    const grace = input.backlogGraceWorkingDays;
    if (name !== undefined || newParent || Object.keys(flags).length || grace !== undefined || ruleProfile !== undefined) {
      await this.organisations.update(node, { name, newParent, ...flags, backlogGraceWorkingDays: grace, ruleProfile });
    }
    return toView(await this.require(id));
  }

  /**
   * The scope of an account attached to `organisationId` (null: the whole tree), or of a unit chosen within `within`.
   * NOT_FOUND for an unknown id or one outside `within`.
   */
  async scopeOf(organisationId: string | null, within: Scope = WHOLE_TREE): Promise<Scope> {
    if (organisationId === null) return WHOLE_TREE;
    const org = await this.require(organisationId, within);
    return { organisationId: org.id, pathPrefix: org.path };
  }

  /** The node and its ancestors, root first (one statement). NOT_FOUND for an unknown id. */
  async chainOf(given: string): Promise<ChainNode[]> {
    const id = canonicalId(given) ?? given;
    const chain = isUuid(id) ? await this.organisations.findChain(id) : [];
    if (chain.length === 0 || chain[chain.length - 1].id !== id) throw DomainException.notFound('Organisation', id);
    return chain.map((n) => ({
      id: n.id,
      kind: n.kind,
      authorisedToAdmit: n.authorisedToAdmit,
      hasYouthUnion: n.hasYouthUnion,
      hasTradeUnion: n.hasTradeUnion,
      ruleProfile: n.ruleProfile,
    }));
  }

  /** The facts and the chain of bodies of a case's cell, in one statement. */
  async cellContext(cellId: string): Promise<CellContext> {
    return cellContextOf(await this.chainOf(cellId));
  }

  /** The ancestors of `id`, root first (excluding `id` itself). */
  async ancestors(id: string): Promise<OrganisationView[]> {
    const org = await this.require(id);
    const ids = org.path.split('/').filter((s) => s && s !== org.id);
    const rows = await this.organisations.findByIds(ids);
    return ids.map((a) => rows.find((r) => r.id === a)).filter((r): r is Organisation => !!r).map(toView);
  }

  /** The current names of organisations by id (unknown ids left out), e.g. to name the units in a case history. */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.map((id) => canonicalId(id)).filter((id): id is string => id !== null))];
    return new Map((await this.organisations.findByIds(wanted)).map((o) => [o.id, o.name]));
  }

  private async findOrNull(id: string): Promise<Organisation | null> {
    const canonical = canonicalId(id);
    return canonical ? this.organisations.findById(canonical) : null;
  }

  private async findInScope(id: string, scope: Scope): Promise<Organisation | null> {
    const org = await this.findOrNull(id);
    return org && pathInScope(org.path, scope) ? org : null;
  }

  private async require(id: string, scope: Scope = WHOLE_TREE): Promise<Organisation> {
    const org = await this.findInScope(id, scope);
    if (!org) throw DomainException.notFound('Organisation', id);
    return org;
  }
}

function toView(o: Organisation): OrganisationView {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    parentId: o.parentId,
    authorisedToAdmit: o.authorisedToAdmit,
    hasYouthUnion: o.hasYouthUnion,
    hasTradeUnion: o.hasTradeUnion,
    backlogGraceWorkingDays: o.backlogGraceWorkingDays,
    ruleProfile: o.kind === 'province' ? o.ruleProfile : null,
    path: o.path,
    createdAt: o.createdAt.toISOString(),
  };
}

/**
 * What the rules need of a case's cell, from its chain (root first, the cell last): whether its grassroots
 * committee may decide admissions, whether it sits directly under a commune committee, and whether its unit has a
 * Youth Union and a trade union (E7: not when the cell or any organisation above it says it has none; ADR 0014).
 * RULE_VIOLATION `CASE_ORGANISATION_NOT_CELL` when the chain does not end with a cell.
 */
export function cellContextOf(chain: ChainNode[]): CellContext {
  const cell = chain[chain.length - 1];
  if (cell.kind !== 'cell') {
    throw new DomainException('RULE_VIOLATION', `Organisation ${cell.id} is a ${cell.kind}; a case belongs to a cell.`, {
      rule: 'CASE_ORGANISATION_NOT_CELL',
      source: 'CH Art. 4(3); HD06 §3.6 (the cell votes the admission)',
    });
  }
  const parent = chain[chain.length - 2];
  return {
    facts: {
      authorisedToAdmit: parent?.kind === 'grassroots' && parent.authorisedToAdmit,
      directlyUnderSuperior: parent?.kind === 'commune',
      hasYouthUnion: chain.every((n) => n.hasYouthUnion !== false),
      hasTradeUnion: chain.every((n) => n.hasTradeUnion !== false),
      // The province's implementing rules (ADR 0023): read by the engine when a case opens, kept by the case.
      ruleProfile: (chain[0]?.kind === 'province' && chain[0].ruleProfile) || DEFAULT_RULE_PROFILE,
    },
    chain,
    provinceId: chain[0]?.kind === 'province' ? chain[0].id : null,
  };
}

/** RULE_VIOLATION of the organisation hierarchy, with the clerk's Vietnamese sentence like the engine's refusals (ADR 0018). */
function hierarchyRefusal(problem: HierarchyProblem, details: Record<string, unknown> = {}): DomainException {
  return new DomainException('RULE_VIOLATION', problem.message, { rule: 'ORGANISATION_HIERARCHY', source: problem.source, messageVi: problem.messageVi, ...details });
}
