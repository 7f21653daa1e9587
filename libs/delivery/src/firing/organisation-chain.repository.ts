import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OrganisationKind } from '@charterflow/organisations';

export interface ChainOrganisation {
  id: string;
  kind: OrganisationKind;
}

/** Reads the organisation tree for delivery: an organisation and its ancestors, in one query. */
@Injectable()
export class OrganisationChainRepository {
  /** Each of `organisationIds` with its ancestors, root first (the materialised path lists them), in one query. */
  async chainsOf(m: EntityManager, organisationIds: readonly string[]): Promise<Map<string, ChainOrganisation[]>> {
    const chains = new Map<string, ChainOrganisation[]>();
    if (organisationIds.length === 0) return chains;
    const rows: (ChainOrganisation & { self: string })[] = await m.query(
      `SELECT self.id AS self, o.id, o.kind
       FROM organisations self
       CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from self.path), '/')::uuid[]) AS s
       JOIN organisations o ON o.id = s
       WHERE self.id = ANY($1::uuid[])
       ORDER BY self.id, length(o.path)`,
      [[...new Set(organisationIds)]],
    );
    for (const { self, id, kind } of rows) chains.set(self, [...(chains.get(self) ?? []), { id, kind }]);
    return chains;
  }
}
