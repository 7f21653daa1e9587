import { DataSource } from 'typeorm';
import { loadReminderPolicy, phasesOfKind, resolveReminderPolicyPath } from '@charterflow/delivery';
import { BusinessDate } from '@charterflow/procedure';

/**
 * Seeds `count` cases in `cellId`, each with an open ADMISSION_DECISION deadline due on `dueOn` (the insert trigger
 * writes their outbox rows) whose reminders are recorded as already sent, so only the escalations are pending.
 * Answers the deadlines' ids. The cases' snapshots hold only their state value (what a worklist reads of the case
 * rows other test files see in the shared database), not a whole aggregate.
 */
export async function seedDueEscalations(db: DataSource, cellId: string, count: number, dueOn: BusinessDate): Promise<string[]> {
  const policy = loadReminderPolicy(resolveReminderPolicyPath());
  const reminders = phasesOfKind(policy, 'ADMISSION_DECISION').filter((p) => p !== 'escalate');
  return db.transaction(async (m) => {
    const cases: { id: string }[] = await m.query(
      `INSERT INTO cases (organisation_id, state, snapshot, machine_version, procedure_version, version, candidate, search_text, last_seq, last_hash, created_at, updated_at)
       SELECT $1::uuid, 'superiorReview', '{"machine": {"value": "superiorReview"}}'::jsonb, 1, 'seeded', 1, jsonb_build_object('fullName', 'Ứng viên ' || n), 'ung vien ' || n, 1, 'seeded', now(), now()
       FROM generate_series(1, $2::int) AS n
       RETURNING id`,
      [cellId, count],
    );
    const deadlines: { id: string }[] = await m.query(
      `INSERT INTO deadlines (case_id, key, kind, base_on, due_on, original_due_on, status, source, rule_set, opened_on)
       SELECT id, 'ADMISSION_DECISION', 'ADMISSION_DECISION', $2::date - 70, $2::date, $2::date, 'open', 'QĐ294 §4.3.1', 'seeded', $2::date - 70
       FROM unnest($1::uuid[]) AS id
       RETURNING id`,
      [cases.map((c) => c.id), dueOn],
    );
    const ids = deadlines.map((d) => d.id);
    await m.query(
      `INSERT INTO deadline_firings (deadline_id, generation, phase, fire_at, fired_at, lateness_ms, outcome)
       SELECT d, 1, p.phase, $3::timestamptz, $3::timestamptz, 0, 'fired' FROM unnest($1::uuid[]) AS d CROSS JOIN unnest($2::text[]) AS p(phase)`,
      [ids, reminders, `${dueOn}T01:00:00Z`],
    );
    return ids;
  });
}
