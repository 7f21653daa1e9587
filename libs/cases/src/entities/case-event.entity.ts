import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One step of a case's history (table `case_events`): append-only, enforced by a trigger, and hash-chained. */
@Entity({ name: 'case_events' })
@Unique('case_events_case_id_seq_key', ['caseId', 'seq'])
export class CaseEventEntity {
  /** bigserial: pg hands int8 over as a string. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', precision: 3 })
  recordedAt: Date;

  @Column({ type: 'jsonb' })
  actor: Record<string, unknown>;

  @Column({ name: 'from_state', type: 'text', nullable: true })
  fromState: string | null;

  @Column({ name: 'to_state', type: 'text' })
  toState: string;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash: string;

  @Column({ type: 'text' })
  hash: string;
}
