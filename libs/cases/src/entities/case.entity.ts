import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One admission case (table `cases`). Written only through raw SQL in CasesRepository: the version check is an
 * explicit `UPDATE … WHERE version = $n`, never `save()`.
 */
@Entity({ name: 'cases' })
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  state: string;

  /** The CaseAggregate (machine snapshot + deadlines). */
  @Column({ type: 'jsonb' })
  snapshot: unknown;

  @Column({ name: 'machine_version', type: 'integer' })
  machineVersion: number;

  @Column({ name: 'procedure_version', type: 'text' })
  procedureVersion: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  candidate: unknown;

  /** Candidate name lower-cased without diacritics, for `q` searches. */
  @Column({ name: 'search_text', type: 'text' })
  searchText: string;

  @Column({ name: 'last_seq', type: 'integer' })
  lastSeq: number;

  @Column({ name: 'last_hash', type: 'text' })
  lastHash: string;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
