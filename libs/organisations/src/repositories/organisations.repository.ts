import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Organisation, OrganisationKind } from '../entities/organisation.entity';

/** The only place that reads or writes `organisations`. */
@Injectable()
export class OrganisationsRepository {
  constructor(@InjectRepository(Organisation) private readonly repo: Repository<Organisation>) {}

  findById(id: string): Promise<Organisation | null> {
    return this.repo.findOne({ where: { id } });
  }

  /** A node's kind with its parent's kind and authorisation, in one statement (read on every dispatch). */
  async findWithParent(id: string): Promise<{ kind: OrganisationKind; parentKind: OrganisationKind | null; parentAuthorisedToAdmit: boolean } | null> {
    const rows: { kind: OrganisationKind; parent_kind: OrganisationKind | null; parent_authorised: boolean | null }[] = await this.repo.query(
      `SELECT o.kind, p.kind AS parent_kind, p.authorised_to_admit AS parent_authorised
       FROM organisations o LEFT JOIN organisations p ON p.id = o.parent_id WHERE o.id = $1`,
      [id],
    );
    if (rows.length === 0) return null;
    return { kind: rows[0].kind, parentKind: rows[0].parent_kind, parentAuthorisedToAdmit: rows[0].parent_authorised === true };
  }

  findByIds(ids: string[]): Promise<Organisation[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.repo.find({ where: { id: In(ids) } });
  }

  /** Children of `parentId`, or the roots when null; ordered by name. */
  findChildren(parentId: string | null): Promise<Organisation[]> {
    return this.repo
      .createQueryBuilder('o')
      .where(parentId === null ? 'o.parent_id IS NULL' : 'o.parent_id = :parentId', { parentId })
      .orderBy('o.name')
      .addOrderBy('o.id')
      .getMany();
  }

  findAll(): Promise<Organisation[]> {
    return this.repo.createQueryBuilder('o').orderBy('o.path').getMany();
  }

  /**
   * Inserts a node. The id is drawn first so that the path (which ends with the node's own id) is written in the
   * same statement.
   */
  async insert(input: { name: string; kind: OrganisationKind; parent: Organisation | null; authorisedToAdmit: boolean }): Promise<Organisation> {
    const rows: { id: string }[] = await this.repo.query(
      `WITH new_id AS (SELECT gen_random_uuid() AS id)
       INSERT INTO organisations (id, name, kind, parent_id, path, authorised_to_admit, created_at)
       SELECT new_id.id, $1, $2, $3, $4 || new_id.id::text || '/', $5, now() FROM new_id
       RETURNING id`,
      [input.name, input.kind, input.parent?.id ?? null, input.parent?.path ?? '/', input.authorisedToAdmit],
    );
    return (await this.findById(rows[0].id)) as Organisation;
  }
}
