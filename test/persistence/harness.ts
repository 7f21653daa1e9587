import { DataSource } from 'typeorm';
import { Candidate, createWorkingDayCalendar, DomainEvent } from '@charterflow/procedure';
import {
  ApplyTimedEvents,
  CaseEventsRepository,
  CaseQueries,
  CasesRepository,
  CasesService,
  CaseStore,
  DeadlinesRepository,
  DecisionEnvs,
  IdempotencyKeysRepository,
  KeptCaseViews,
  OpenCase,
  RecordEvent,
} from '@charterflow/cases';
import { OrganisationsRepository, OrganisationsService, OrganisationView } from '@charterflow/organisations';
import { Actor, DomainException, FixedClock } from '@charterflow/kernel';

export const CANDIDATE: Candidate = {
  fullName: 'Nguyễn Thị Lan',
  dateOfBirth: '2000-03-15',
  gender: 'female',
  ethnicity: 'Kinh',
  religion: null,
  education: 'upper_secondary',
  youthUnionMember: true,
  tradeUnionMember: false,
  areaType: 'standard',
  occupation: 'worker',
};

/** A back-office account over the whole tree: these suites test storage, not access (see test/access). */
export const STAFF: Actor = { kind: 'user', userId: 'u-1', username: 'van-phong', organisationId: null, roles: ['admin'] };

/** Events of the early procedure, valid in this order from a case opened on 2026-05-04 (the clock says 2026-06-01). */
export const OPENED_ON = '2026-05-04';
export const CERTIFICATE: DomainEvent = {
  type: 'AWARENESS_CERTIFICATE_RECORDED',
  occurredOn: '2026-05-11',
  certificateNo: 'CN-7',
  issuedOn: '2026-05-08',
  issuer: 'Trung tâm chính trị phường',
};
export const DOSSIER_OPENED: DomainEvent = { type: 'DOSSIER_OPENED', occurredOn: '2026-05-12', resolutionNo: 'NQ-12' };
export const APPLICATION_FILED: DomainEvent = { type: 'APPLICATION_FILED', occurredOn: '2026-05-13' };
export const BIOGRAPHY_FILED: DomainEvent = { type: 'BIOGRAPHY_FILED', occurredOn: '2026-05-13' };

export interface Harness {
  clock: FixedClock;
  organisations: OrganisationsService;
  cases: CasesService;
  tree: { province: OrganisationView; commune: OrganisationView; grassroots: OrganisationView; cell: OrganisationView };
}

/** The services wired by hand over a real DataSource, with a small organisation tree. */
export async function buildHarness(dataSource: DataSource): Promise<Harness> {
  const clock = new FixedClock('2026-06-01T03:00:00.000Z');
  const organisations = new OrganisationsService(new OrganisationsRepository(dataSource));
  const calendar = createWorkingDayCalendar([]);
  const envs = new DecisionEnvs(clock, { calendarFor: () => calendar, allCalendars: () => [calendar] });
  const casesRepository = new CasesRepository(dataSource);
  const history = new CaseEventsRepository(dataSource);
  const deadlines = new DeadlinesRepository(dataSource);
  const store = new CaseStore(dataSource, clock, envs, casesRepository, history, deadlines, new IdempotencyKeysRepository(dataSource));
  const cases = new CasesService(
    new OpenCase(clock, organisations, envs, store),
    new RecordEvent(store, organisations),
    new ApplyTimedEvents(store),
    new CaseQueries(organisations, casesRepository, history, deadlines, new KeptCaseViews()),
  );
  const province = await organisations.create({ name: 'Tỉnh ủy Bắc Ninh', kind: 'province' });
  const commune = await organisations.create({ name: 'Đảng ủy phường Kinh Bắc', kind: 'commune', parentId: province.id });
  const grassroots = await organisations.create({ name: 'Đảng ủy Công ty Hạ Long', kind: 'grassroots', parentId: commune.id });
  const cell = await organisations.create({ name: 'Chi bộ Phân xưởng 1', kind: 'cell', parentId: grassroots.id });
  return { clock, organisations, cases, tree: { province, commune, grassroots, cell } };
}

/** The DomainException a promise rejects with (fails the test when it resolves or rejects otherwise). */
export async function domainError(promise: Promise<unknown>): Promise<DomainException> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof DomainException) return e;
    throw e;
  }
  throw new Error('expected a DomainException, but the call succeeded');
}

export async function countRows(dataSource: DataSource, table: 'case_events' | 'deadlines' | 'idempotency_keys', caseId?: string): Promise<number> {
  const [{ n }] = await dataSource.query(
    caseId && table !== 'idempotency_keys' ? `SELECT count(*)::int AS n FROM ${table} WHERE case_id = $1` : `SELECT count(*)::int AS n FROM ${table}`,
    caseId && table !== 'idempotency_keys' ? [caseId] : [],
  );
  return n;
}
