import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { onItsOwn, type PreparedStatement, type RowOf } from '@charterflow/database';
import { Organisation, OrganisationKind } from '../organisation';
import { ORGANISATIONS_TABLE } from '../tables';

type OrganisationRow = RowOf<typeof ORGANISATIONS_TABLE>;
const COLUMNS = 'id, name, kind, parent_id, path, authorised_to_admit, has_youth_union, has_trade_union, created_at, backlog_grace_working_days, rule_profile';

/** The unit's mass organisations (E7), as a node of a chain carries them. */
export interface MassOrganisationFlags {
  hasYouthUnion: boolean;
  hasTradeUnion: boolean;
}

function toOrganisation(r: OrganisationRow): Organisation {
  return {
    id: r.id,
    name: r.name,
    // The column's CHECK constraint admits only the kinds.
    kind: r.kind as OrganisationKind,
    parentId: r.parent_id,
    path: r.path,
    authorisedToAdmit: r.authorised_to_admit,
    hasYouthUnion: r.has_youth_union,
    hasTradeUnion: r.has_trade_union,
    backlogGraceWorkingDays: r.backlog_grace_working_days,
    ruleProfile: r.rule_profile,
    createdAt: r.created_at,
  };
}

const FIND_BY_ID: PreparedStatement = { name: 'organisations_find_by_id', text: `SELECT ${COLUMNS} FROM organisations WHERE id = $1` };

/** The only place that reads or writes `organisations`. */
@Injectable()
export class OrganisationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private async select(where: string, params: unknown[], orderBy = 'path'): Promise<Organisation[]> {
    const rows: OrganisationRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM organisations ${where} ORDER BY ${orderBy}`, params);
    return rows.map(toOrganisation);
  }

  /** One organisation by id: read on most requests (the scope asked for), so prepared once per connection. */
  async findById(id: string): Promise<Organisation | null> {
    const rows = await onItsOwn(this.dataSource)<OrganisationRow>(FIND_BY_ID, [id]);
    return rows.length ? toOrganisation(rows[0]) : null;
  }

  /**
   * The node and its ancestors, root first, in one statement (read on every dispatch: the facts the rules need and
   * the bodies that may act on a case).
   */
  async findChain(
    id: string,
  ): Promise<({ id: string; kind: OrganisationKind; authorisedToAdmit: boolean; path: string; ruleProfile: string } & MassOrganisationFlags)[]> {
    type ChainRow = {
      id: string;
      kind: OrganisationKind;
      authorised_to_admit: boolean;
      has_youth_union: boolean;
      has_trade_union: boolean;
      path: string;
      rule_profile: string;
    };
    const rows: ChainRow[] = await this.dataSource.query(
      `SELECT a.id, a.kind, a.authorised_to_admit, a.has_youth_union, a.has_trade_union, a.path, a.rule_profile
       FROM organisations o
       JOIN organisations a ON a.id = ANY (string_to_array(trim(both '/' from o.path), '/')::uuid[])
       WHERE o.id = $1
       ORDER BY length(a.path)`,
      [id],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      authorisedToAdmit: r.authorised_to_admit,
      hasYouthUnion: r.has_youth_union,
      hasTradeUnion: r.has_trade_union,
      path: r.path,
      ruleProfile: r.rule_profile,
    }));
  }

  /**
   * Renames a node and/or moves it (with its subtree) under `newParent`, in one transaction: both or neither. A move
   * rewrites every path below in one statement; cases keep their organisation id, so their history is untouched and
   * they are simply found under the new parent.
   */
  async update(
    node: Organisation,
    change: { name?: string; newParent?: Organisation; backlogGraceWorkingDays?: number | null; ruleProfile?: string } & Partial<MassOrganisationFlags>,
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      if (change.name !== undefined) await m.query(`UPDATE organisations SET name = $2 WHERE id = $1`, [node.id, change.name]);
      if (change.hasYouthUnion !== undefined) await m.query(`UPDATE organisations SET has_youth_union = $2 WHERE id = $1`, [node.id, change.hasYouthUnion]);
      if (change.hasTradeUnion !== undefined) await m.query(`UPDATE organisations SET has_trade_union = $2 WHERE id = $1`, [node.id, change.hasTradeUnion]);
      if (change.ruleProfile !== undefined) await m.query(`UPDATE organisations SET rule_profile = $2 WHERE id = $1`, [node.id, change.ruleProfile]);
      if (change.backlogGraceWorkingDays !== undefined) {
        await m.query(`UPDATE organisations SET backlog_grace_working_days = $2 WHERE id = $1`, [node.id, change.backlogGraceWorkingDays]);
      }
      if (change.newParent) {
        const newPath = `${change.newParent.path}${node.id}/`;
        await m.query(`UPDATE organisations SET parent_id = $2 WHERE id = $1`, [node.id, change.newParent.id]);
        await m.query(`UPDATE organisations SET path = $2 || substr(path, length($1) + 1) WHERE path LIKE $1 || '%'`, [node.path, newPath]);
      }
    });
  }

  /** Whether any node sits below `id`. */
  async hasChildren(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM organisations WHERE parent_id = $1 LIMIT 1`, [id]);
    return rows.length > 0;
  }

  findByIds(ids: string[]): Promise<Organisation[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.select('WHERE id = ANY($1::uuid[])', [ids]);
  }

  /** Children of `parentId`, or the roots when null; ordered by name. */
  findChildren(parentId: string | null): Promise<Organisation[]> {
    return parentId === null ? this.select('WHERE parent_id IS NULL', [], 'name, id') : this.select('WHERE parent_id = $1', [parentId], 'name, id');
  }

  /** Every node, or every node of the subtree under `pathPrefix`, each node before its subtree. */
  findAll(pathPrefix?: string): Promise<Organisation[]> {
    return pathPrefix === undefined ? this.select('', []) : this.select(`WHERE path LIKE $1 || '%'`, [pathPrefix]);
  }

  /**
   * Inserts a node. The id is drawn first so that the path (which ends with the node's own id) is written in the
   * same statement.
   */
  async insert(
    input: {
      name: string;
      kind: OrganisationKind;
      parent: Organisation | null;
      authorisedToAdmit: boolean;
      backlogGraceWorkingDays: number | null;
      ruleProfile: string;
    } & MassOrganisationFlags,
  ): Promise<Organisation> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH new_id AS (SELECT gen_random_uuid() AS id)
       INSERT INTO organisations (id, name, kind, parent_id, path, authorised_to_admit, has_youth_union, has_trade_union, backlog_grace_working_days, rule_profile, created_at)
       SELECT new_id.id, $1, $2, $3, $4 || new_id.id::text || '/', $5, $6, $7, $8, $9, now() FROM new_id
       RETURNING id`,
      [
        input.name,
        input.kind,
        input.parent?.id ?? null,
        input.parent?.path ?? '/',
        input.authorisedToAdmit,
        input.hasYouthUnion,
        input.hasTradeUnion,
        input.backlogGraceWorkingDays,
        input.ruleProfile,
      ],
    );
    const created = await this.findById(rows[0].id);
    if (!created) throw new Error(`organisation ${rows[0].id} vanished after its insert`);
    return created;
  }
}
