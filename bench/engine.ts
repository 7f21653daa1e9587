import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import { CasesService } from '@charterflow/cases';
import { loadConfig } from '@charterflow/config';
import { OrganisationsService } from '@charterflow/organisations';
import { BusinessDate, Candidate, DomainEvent } from '@charterflow/procedure';
import { Pool } from './pg';
import { runConcurrently } from './stats';
import { Actor, FixedClock } from '@charterflow/kernel';

/** The day cases are opened (the cell resolution putting the person on the sympathiser list). */
export const OPENED_ON: BusinessDate = '2026-01-05';
/** The day of the measured step; the clock stands at 10:00 Ho Chi Minh City time on it, so no date is in the future. */
export const STEP_ON: BusinessDate = '2026-01-06';
const NOW = `${STEP_ON}T03:00:00.000Z`;

/** The measured event: the first step after CASE_OPENED (sympathiser → awarenessCertified, opens one deadline). */
export const MEASURED_EVENT: DomainEvent = {
  type: 'AWARENESS_CERTIFICATE_RECORDED',
  occurredOn: STEP_ON,
  certificateNo: 'CN-BENCH',
  issuedOn: STEP_ON,
  issuer: 'Trung tâm chính trị phường',
};
const STATE_AFTER = 'awarenessCertified';

/** A back-office account over the whole tree (the access checks run as for any request). */
const STAFF: Actor = { kind: 'user', userId: null, username: 'staff', organisationId: null, roles: ['admin'] };

function candidate(i: number): Candidate {
  return {
    fullName: `Nguyễn Văn Thử ${i}`,
    dateOfBirth: '2000-03-15',
    gender: 'male',
    ethnicity: 'Kinh',
    religion: null,
    education: 'upper_secondary',
    youthUnionMember: true,
    tradeUnionMember: false,
    areaType: 'standard',
    occupation: 'worker',
  };
}

/** The whole application (no HTTP) on the benchmark database, driven through its services. */
export class EngineSide {
  private cellId = '';
  private created = 0;

  private constructor(
    private readonly app: INestApplicationContext,
    private readonly cases: CasesService,
    private readonly organisations: OrganisationsService,
    readonly dataSource: DataSource,
  ) {}

  /**
   * Boots the application context with a pool of `poolSize` connections (DATABASE_POOL_SIZE); TypeORM runs the
   * migrations on initialise. The in-process worker stays off.
   */
  static async start(databaseUrl: string, poolSize: number): Promise<EngineSide> {
    const config = loadConfig({
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: String(poolSize),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      RUN_WORKER: 'false',
      JWT_SECRET: 'bench-bench-bench-bench-bench-bench-1',
    });
    const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, clock: new FixedClock(NOW) }), { logger: false });
    return new EngineSide(app, app.get(CasesService), app.get(OrganisationsService), app.get(DataSource));
  }

  /** TypeORM's connection pool (a pg Pool): its size and a handle to pre-open connections. */
  get pool(): Pool & { options: { max: number } } {
    return (this.dataSource.driver as unknown as { master: Pool & { options: { max: number } } }).master;
  }

  /** province → commune → grassroots committee (not authorised to admit) → cell; cases are opened in the cell. */
  async createOrganisationTree(): Promise<void> {
    const province = await this.organisations.create({ name: 'Tỉnh ủy Benchmark', kind: 'province' });
    const commune = await this.organisations.create({ name: 'Đảng ủy phường Benchmark', kind: 'commune', parentId: province.id });
    const grassroots = await this.organisations.create({ name: 'Đảng ủy cơ sở Benchmark', kind: 'grassroots', parentId: commune.id });
    const cell = await this.organisations.create({ name: 'Chi bộ Benchmark', kind: 'cell', parentId: grassroots.id });
    this.cellId = cell.id;
  }

  /** Opens `count` cases through CasesService.create; checks that the measured event is allowed on them. */
  async createCases(count: number, concurrency: number): Promise<string[]> {
    const ids: string[] = [];
    const tasks = Array.from({ length: count }, () => async () => {
      const view = await this.cases.create({ organisationId: this.cellId, occurredOn: OPENED_ON, candidate: candidate((this.created += 1)) }, STAFF);
      if (!view.allowedEvents.includes(MEASURED_EVENT.type)) throw new Error(`${MEASURED_EVENT.type} is not allowed in state ${view.state}`);
      ids.push(view.id);
    });
    await runConcurrently(tasks, concurrency);
    return ids;
  }

  /** One measured operation: dispatch the event on a case still at version 1. */
  dispatchTask(caseId: string): () => Promise<void> {
    return async () => {
      const view = await this.cases.dispatch(caseId, MEASURED_EVENT, STAFF);
      if (view.version !== 2 || view.state !== STATE_AFTER) throw new Error(`case ${caseId} is ${view.state} v${view.version} after the dispatch`);
    };
  }

  /** Rows `MEASURED_EVENT` wrote across all cases (for the final consistency check). */
  async measuredEventRows(): Promise<number> {
    const [{ n }]: { n: number }[] = await this.dataSource.query(`SELECT count(*)::int AS n FROM case_events WHERE type = $1`, [MEASURED_EVENT.type]);
    return n;
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}
