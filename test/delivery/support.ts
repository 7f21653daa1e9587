import { DataSource } from 'typeorm';
import { FiringPhase, FiringResult, FiringService, PendingFiringsService, PlannedFiring } from '@charterflow/delivery';
import { BusinessDate } from '@charterflow/procedure';
import { API, createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { CaseBody, caseInCellReview, recordOn } from '../api/helpers';

/** The whole application (worker off) plus the delivery services the tests call directly. */
export interface DeliveryTestApp extends TestApp {
  firing: FiringService;
  pending: PendingFiringsService;
  db: DataSource;
}

export async function startDeliveryApp(today?: BusinessDate): Promise<DeliveryTestApp> {
  const t = await startTestApp({ today });
  return { ...t, firing: t.app.get(FiringService), pending: t.app.get(PendingFiringsService), db: t.app.get(DataSource) };
}

export interface DeadlineState {
  id: string;
  status: string;
  dueOn: string;
  generation: number;
  lateWorkingDays: number | null;
  closedOn: string | null;
}

/** The deadline row of `kind` of a case, with its generation (the API does not show it). */
export async function deadlineOf(db: DataSource, caseId: string, kind: string): Promise<DeadlineState> {
  const rows: { id: string; status: string; due_on: string; generation: number; late_working_days: number | null; closed_on: string | null }[] = await db.query(
    `SELECT id, status, due_on, generation, late_working_days, closed_on FROM deadlines WHERE case_id = $1 AND kind = $2 ORDER BY opened_on DESC, key DESC LIMIT 1`,
    [caseId, kind],
  );
  if (!rows[0]) throw new Error(`case ${caseId} has no ${kind} deadline`);
  const r = rows[0];
  return { id: r.id, status: r.status, dueOn: r.due_on, generation: r.generation, lateWorkingDays: r.late_working_days, closedOn: r.closed_on };
}

/** Sets the clock to `instant` and fires one firing. */
export async function fireAt(t: DeliveryTestApp, instant: string, ref: { deadlineId: string; generation: number; phase: FiringPhase }): Promise<FiringResult> {
  t.clock.set(instant);
  return t.firing.fire(ref);
}

export interface NotificationRow {
  id: string;
  organisation_id: string;
  role: string;
  kind: string;
  phase: string | null;
  due_on: string | null;
  title_vi: string;
  title_en: string;
  body_vi: string;
  body_en: string;
  dedupe_key: string;
  case_id: string | null;
}

export async function notificationsOf(db: DataSource, deadlineId: string): Promise<NotificationRow[]> {
  return db.query(`SELECT * FROM notifications WHERE deadline_id = $1 ORDER BY created_at, organisation_id, role`, [deadlineId]);
}

export async function outboxOf(db: DataSource, deadlineIds: readonly string[]): Promise<{ deadline_id: string; generation: number; topic: string }[]> {
  return db.query(`SELECT deadline_id, generation, topic FROM outbox WHERE deadline_id = ANY($1::uuid[]) ORDER BY id`, [deadlineIds]);
}

export async function deadlineIdsOf(db: DataSource, caseId: string): Promise<string[]> {
  return (await db.query(`SELECT id FROM deadlines WHERE case_id = $1`, [caseId])).map((r: { id: string }) => r.id);
}

/** phase → ISO instant of the pending firings of one deadline. */
export function byPhase(firings: readonly PlannedFiring[]): Record<string, string> {
  return Object.fromEntries(firings.map((f) => [f.phase, f.fireAt.toISOString()]));
}

/** A fresh organisation tree and a case whose cell voted on 2026-01-15: ADMISSION_DECISION due 2026-03-26. */
export async function caseAwaitingDecision(t: TestApp, tree?: OrganisationTree): Promise<{ tree: OrganisationTree; c: CaseBody }> {
  const org = tree ?? (await createOrganisationTree(t.http));
  t.setToday('2026-01-14');
  const ready = await caseInCellReview(t.http, org.cellId);
  const c = await recordOn(t, ready.id, 'CELL_VOTE_RECORDED', '2026-01-15', { fullMembers: 9, excluded: 0, inFavour: 6 });
  return { tree: org, c };
}

export async function getCase(t: TestApp, id: string): Promise<CaseBody & { deadlines: (CaseBody['deadlines'][number] & { lateWorkingDays: number | null; closedOn: string | null })[] }> {
  return (await t.http.get(`${API}/cases/${id}`).expect(200)).body;
}
