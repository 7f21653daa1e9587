import { Injectable } from '@nestjs/common';
import { OrganisationFacts } from '@charterflow/procedure';
import { DomainException } from '@charterflow/database/errors/domain.exception';
import { Organisation, ORGANISATION_KINDS, OrganisationKind } from './entities/organisation.entity';
import { hierarchyProblem } from './organisation-hierarchy';
import { OrganisationsRepository } from './repositories/organisations.repository';

/** An organisation as the API shows it. */
export interface OrganisationView {
  id: string;
  name: string;
  kind: OrganisationKind;
  parentId: string | null;
  authorisedToAdmit: boolean;
  /** Ids from the root down to this node, each followed by '/'. */
  path: string;
  createdAt: string;
}

export interface CreateOrganisationInput {
  name: string;
  kind: OrganisationKind;
  parentId?: string | null;
  authorisedToAdmit?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The party organisation tree: province → commune → grassroots committee → cell. */
@Injectable()
export class OrganisationsService {
  constructor(private readonly organisations: OrganisationsRepository) {}

  async create(input: CreateOrganisationInput): Promise<OrganisationView> {
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (!name) throw DomainException.validation([{ field: 'name', message: 'name is required' }]);
    if (!ORGANISATION_KINDS.includes(input.kind)) {
      throw DomainException.validation([{ field: 'kind', message: `kind must be one of ${ORGANISATION_KINDS.join(', ')}` }]);
    }
    const parentId = input.parentId ?? null;
    const parent = parentId === null ? null : await this.findOrNull(parentId);
    if (parentId !== null && !parent) {
      throw DomainException.validation([{ field: 'parentId', message: `organisation ${parentId} does not exist` }]);
    }
    const authorisedToAdmit = input.authorisedToAdmit ?? false;
    const problem = hierarchyProblem(input.kind, parent?.kind ?? null, authorisedToAdmit);
    if (problem) {
      throw new DomainException('RULE_VIOLATION', problem, {
        rule: 'ORGANISATION_HIERARCHY',
        source: 'Điều lệ Đảng (CH) Art. 11 (organisation system)',
        kind: input.kind,
        parentKind: parent?.kind ?? null,
      });
    }
    return toView(await this.organisations.insert({ name, kind: input.kind, parent, authorisedToAdmit }));
  }

  async get(id: string): Promise<OrganisationView> {
    return toView(await this.require(id));
  }

  /** Children of `parentId` when given, else every organisation (ordered by path: each node before its subtree). */
  async list(filter: { parentId?: string } = {}): Promise<OrganisationView[]> {
    const rows = filter.parentId === undefined ? await this.organisations.findAll() : await this.organisations.findChildren(filter.parentId);
    return rows.map(toView);
  }

  /**
   * The path prefix shared by `id` and every organisation below it: `path LIKE prefix || '%'` (an index range scan)
   * selects the subtree. NOT_FOUND for an unknown id.
   */
  async subtreeFilter(id: string): Promise<{ pathPrefix: string }> {
    return { pathPrefix: (await this.require(id)).path };
  }

  /** True when `id` is `ancestorId` or lies below it. */
  async isWithin(id: string, ancestorId: string): Promise<boolean> {
    const org = await this.findOrNull(id);
    return !!org && org.path.includes(`/${ancestorId}/`);
  }

  /** The ancestors of `id`, root first (excluding `id` itself). */
  async ancestors(id: string): Promise<OrganisationView[]> {
    const org = await this.require(id);
    const ids = org.path.split('/').filter((s) => s && s !== org.id);
    const rows = await this.organisations.findByIds(ids);
    return ids.map((a) => rows.find((r) => r.id === a)).filter((r): r is Organisation => !!r).map(toView);
  }

  /**
   * What the procedure rules need to know about a cell: whether its grassroots committee may decide admissions
   * and whether it sits directly under a commune committee. RULE_VIOLATION `CASE_ORGANISATION_NOT_CELL` when `cellId`
   * is not a cell.
   */
  async factsForCell(cellId: string): Promise<OrganisationFacts> {
    const cell = UUID.test(cellId) ? await this.organisations.findWithParent(cellId) : null;
    if (!cell) throw DomainException.notFound('Organisation', cellId);
    if (cell.kind !== 'cell') {
      throw new DomainException('RULE_VIOLATION', `Organisation ${cellId} is a ${cell.kind}; a case belongs to a cell.`, {
        rule: 'CASE_ORGANISATION_NOT_CELL',
        source: 'CH Art. 4(3); HD06 §3.6 (the cell votes the admission)',
      });
    }
    return {
      authorisedToAdmit: cell.parentKind === 'grassroots' && cell.parentAuthorisedToAdmit,
      directlyUnderSuperior: cell.parentKind === 'commune',
    };
  }

  private async findOrNull(id: string): Promise<Organisation | null> {
    return UUID.test(id) ? this.organisations.findById(id) : null;
  }

  private async require(id: string): Promise<Organisation> {
    const org = await this.findOrNull(id);
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
    path: o.path,
    createdAt: o.createdAt.toISOString(),
  };
}
