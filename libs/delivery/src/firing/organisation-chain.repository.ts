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
  /** `organisationId` and its ancestors, root first (the materialised path lists them). */
  async chainOf(m: EntityManager, organisationId: string): Promise<ChainOrganisation[]> {
    return m.query(
      `SELECT o.id, o.kind FROM organisations o
       WHERE o.id IN (SELECT s::uuid FROM organisations self, unnest(string_to_array(self.path, '/')) AS s WHERE self.id = $1 AND s <> '')
       ORDER BY length(o.path)`,
      [organisationId],
    );
  }
}
