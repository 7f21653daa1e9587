import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One time limit of one case (table `deadlines`), upserted by (case, key) from the aggregate's records. */
@Entity({ name: 'deadlines' })
@Unique('deadlines_case_id_key_key', ['caseId', 'key'])
export class DeadlineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'base_on', type: 'date' })
  baseOn: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ name: 'original_due_on', type: 'date' })
  originalDueOn: string;

  @Column({ name: 'extended_by', type: 'integer', default: 0 })
  extendedBy: number;

  @Column({ type: 'text' })
  status: 'open' | 'met' | 'missed' | 'cancelled';

  @Column({ type: 'text' })
  source: string;

  @Column({ name: 'rule_set', type: 'text' })
  ruleSet: string;

  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ name: 'late_working_days', type: 'integer', nullable: true })
  lateWorkingDays: number | null;

  @Column({ type: 'text', nullable: true })
  reference: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
