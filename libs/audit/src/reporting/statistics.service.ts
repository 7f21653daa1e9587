import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { OrganisationsService, OrganisationView, Scope } from '@charterflow/organisations';
import { CATEGORY_KEYS, CATEGORY_LABELS, CategoryKey, categoriesOf } from './categories';
import { monthsOfPeriod, parsePeriod, parseRequestedPeriod, Period, PERIOD_YEARS, yearsOf } from './periods';
import { OutcomeRow, StatisticsRepository, SubtreeNode } from './statistics.repository';
import { loadTerms } from './terms';
import { Actor, Clock, DomainException } from '@charterflow/kernel';

/** One line of the statistics table: an organisation (or the total) and its counts. */
export interface StatisticsLine {
  organisationId: string | null;
  organisationName: string;
  admissions: number;
  categories: Record<CategoryKey, number>;
  byOccupation: Record<string, number>;
  recognitions: number;
  removals: number;
}

export interface AdmissionStatistics {
  organisation: { id: string; name: string; kind: string };
  period: Period;
  /** One line per direct child organisation, then the whole subtree. */
  rows: StatisticsLine[];
  total: StatisticsLine;
  /** Grassroots committees (and commune committees for their village cells) that admitted anyone in the period. */
  admittingUnits: { total: number; withAdmissions: number; share: number | null };
  /**
   * The whole subtree month by month, every month of the period in order (none left out for having no outcome): what
   * the period answered for each month alone would count.
   */
  months: MonthCounts[];
  /** The categories in the order of the published counts, with their names (Vietnamese first) for a screen to show. */
  categoryLabels: Readonly<Record<CategoryKey, { vi: string; en: string }>>;
}

/** The admissions, recognitions and removals of the subtree in one month (`2026-03`) of a period. */
export interface MonthCounts {
  month: string;
  admissions: number;
  recognitions: number;
  removals: number;
}

export interface TargetProgress {
  organisationId: string;
  organisationName: string;
  period: Period;
  target: number;
  admitted: number;
  /** admitted / target, rounded to 0.1 %; null for a target of 0. */
  sharePercent: number | null;
  note: string | null;
  setBy: string;
  setAt: string;
  /** For a term target: the sum of the same organisation's yearly targets inside the term. */
  yearlyTargetsSum?: number;
}

/** How many answers (organisation and period) a process keeps: a province's communes for a few periods each. */
const STATISTICS_ANSWERS_KEPT = 500;

const emptyLine = (organisationId: string | null, organisationName: string): StatisticsLine => ({
  organisationId,
  organisationName,
  admissions: 0,
  categories: Object.fromEntries(CATEGORY_KEYS.map((k) => [k, 0])) as Record<CategoryKey, number>,
  byOccupation: {},
  recognitions: 0,
  removals: 0,
});

/**
 * Admissions, recognitions and removals per period and subtree, by the categories of the procedure specification
 * §8, with the share of admitting units that admitted anyone; and admission targets with progress. An admission is
 * counted on the date of the decision that admitted (party age runs from it: CH Art. 5; QĐ294 §4.5), not on the
 * ceremony; a recognition on the decision recognising; a removal on the step that removed.
 */
@Injectable()
export class StatisticsService {
  /** Answers given, by organisation and period, with the province version each was computed at. */
  private readonly answers = new LRUCache<string, { version: string; answer: AdmissionStatistics }>({ max: STATISTICS_ANSWERS_KEPT });

  constructor(
    private readonly repository: StatisticsRepository,
    private readonly organisations: OrganisationsService,
    private readonly clock: Clock,
  ) {}

  period(id: string | undefined, field = 'period'): Period {
    const p = id ? parseRequestedPeriod(id, loadTerms()) : null;
    if (!p) throw DomainException.validation([{ field, message: `${field} must be a month (2026-03), quarter (2026-Q1), half-year (2026-H1), year (2026) of ${PERIOD_YEARS.min}–${PERIOD_YEARS.max} or a configured term (${loadTerms().map((t) => t.id).join(', ')})` }]);
    return p;
  }

  /**
   * The statistics of an organisation's subtree for a period. An answer is kept (in this process, for the
   * STATISTICS_ANSWERS_KEPT most recently asked organisation and period) with the version of its province it was
   * computed at, and given again while that version has not moved: every committed change of what the answer is
   * computed from (an outcome, an organisation of the province, a candidate) moves it (ADR 0030). The version is read
   * before anything the answer is computed from (the organisation itself included), so an answer is never kept under
   * a version older than what it saw.
   */
  async admissions(organisationId: string | undefined, periodId: string | undefined, scope: Scope): Promise<AdmissionStatistics> {
    const period = this.period(periodId);
    const version = await this.repository.versionOf(this.organisationIdOf(organisationId, scope));
    const organisation = await this.organisationOf(organisationId, scope);
    const key = `${organisation.id} ${period.id}`;
    const kept = this.answers.get(key);
    if (kept?.version === version) return kept.answer;
    const answer = await this.compute(organisation, period);
    this.answers.set(key, { version, answer });
    return answer;
  }

  private async compute(organisation: OrganisationView, period: Period): Promise<AdmissionStatistics> {
    const [orgs, children] = await Promise.all([this.repository.subtree(organisation.path), this.repository.children(organisation.id)]);
    const outcomes = await this.repository.outcomes(organisation.path, period.from, period.to);
    const lines = new Map(children.map((c) => [c.id, emptyLine(c.id, c.name)]));
    const total = emptyLine(organisation.id, organisation.name);
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const admittingUnits = unitsOf(orgs, byId);
    // The child a case counts under: the id that follows the organisation's own in the case's path.
    const depth = pathIds(organisation.path).length;
    const admittedBy = new Set<string>();
    const months = new Map(monthsOfPeriod(period).map((month) => [month, { month, admissions: 0, recognitions: 0, removals: 0 }]));
    for (const row of outcomes) {
      const month = months.get(row.on.slice(0, 7));
      if (month) month[OUTCOME_COUNT[row.kind]] += 1;
      const child = lines.get(pathIds(row.organisationPath)[depth]);
      for (const line of [total, ...(child ? [child] : [])]) count(line, row);
      if (row.kind === 'admission') {
        const unit = admittingUnitOf(row.organisationPath, byId);
        if (unit) admittedBy.add(unit);
      }
    }
    return {
      organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind },
      period,
      rows: [...lines.values()],
      total,
      admittingUnits: {
        total: admittingUnits.length,
        withAdmissions: admittedBy.size,
        share: admittingUnits.length ? Math.round((admittedBy.size / admittingUnits.length) * 1000) / 10 : null,
      },
      months: [...months.values()],
      categoryLabels: CATEGORY_LABELS,
    };
  }

  /** Sets (or replaces) the admission target of an organisation of the caller's subtree for a term or a year. */
  async setTarget(organisationId: string, periodId: string, input: { admissions: number; note?: string | null }, actor: Actor, scope: Scope): Promise<TargetProgress> {
    const period = this.period(periodId);
    if (period.kind !== 'term' && period.kind !== 'year') throw DomainException.validation([{ field: 'period', message: 'a target is set for a term (2025-2030) or a year (2026)' }]);
    if (!Number.isInteger(input.admissions) || input.admissions < 0) throw DomainException.validation([{ field: 'admissions', message: 'admissions must be a whole number ≥ 0' }]);
    const organisation = await this.organisations.get(organisationId, scope);
    await this.repository.upsertTarget({
      organisationId: organisation.id,
      periodId: period.id,
      periodKind: period.kind,
      admissions: input.admissions,
      note: input.note ?? null,
      setBy: { userId: actor.userId, username: actor.username, organisationId: actor.organisationId, roles: actor.roles },
      setAt: this.clock.now(),
    });
    return (await this.targets(organisation.id, period.id, scope)).find((t) => t.organisationId === organisation.id)!;
  }

  /** Targets of the subtree (optionally of one period) with the admissions achieved against each. */
  async targets(organisationId: string | undefined, periodId: string | undefined, scope: Scope): Promise<TargetProgress[]> {
    const organisation = await this.organisationOf(organisationId, scope);
    const only = periodId ? [this.period(periodId).id] : undefined;
    const rows = await this.repository.targets(organisation.path, only);
    const all = await this.repository.targets(organisation.path);
    const out: TargetProgress[] = [];
    for (const t of rows) {
      const period = parsePeriod(t.periodId, loadTerms())!;
      const admitted = await this.repository.countAdmissions(t.organisationPath, period.from, period.to);
      const yearly = period.kind === 'term' ? all.filter((y) => y.organisationId === t.organisationId && y.periodKind === 'year' && yearsOf(period).includes(y.periodId)) : [];
      out.push({
        organisationId: t.organisationId,
        organisationName: t.organisationName,
        period,
        target: t.admissions,
        admitted,
        sharePercent: t.admissions > 0 ? Math.round((admitted / t.admissions) * 1000) / 10 : null,
        note: t.note,
        setBy: typeof t.setBy.username === 'string' ? t.setBy.username : '',
        setAt: t.setAt.toISOString(),
        ...(period.kind === 'term' ? { yearlyTargetsSum: yearly.reduce((s, y) => s + y.admissions, 0) } : {}),
      });
    }
    return out;
  }

  private async organisationOf(organisationId: string | undefined, scope: Scope): Promise<OrganisationView> {
    return this.organisations.get(this.organisationIdOf(organisationId, scope), scope);
  }

  /** The organisation asked for, else the caller's own. */
  private organisationIdOf(organisationId: string | undefined, scope: Scope): string {
    const id = organisationId ?? scope.organisationId;
    if (!id) throw DomainException.validation([{ field: 'organisationId', message: 'organisationId is required for an account over the whole tree' }]);
    return id;
  }
}

/** Which count an outcome adds to, in a line of the table and in a month. */
const OUTCOME_COUNT = { admission: 'admissions', recognition: 'recognitions', removal: 'removals' } as const satisfies Record<OutcomeRow['kind'], keyof MonthCounts>;

function count(line: StatisticsLine, row: OutcomeRow): void {
  line[OUTCOME_COUNT[row.kind]] += 1;
  if (row.kind === 'admission') {
    const cats = categoriesOf(row.candidate, row.on);
    for (const k of CATEGORY_KEYS) if (cats[k]) line.categories[k] += 1;
    const occupation = row.candidate.occupation ?? 'unknown';
    line.byOccupation[occupation] = (line.byOccupation[occupation] ?? 0) + 1;
  }
}

/** The ids of a materialised path, root first. */
function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** The units that admit: grassroots committees, and commune committees for the cells directly under them. */
function unitsOf(orgs: SubtreeNode[], byId: ReadonlyMap<string, SubtreeNode>): string[] {
  const units = new Set<string>();
  for (const o of orgs) {
    if (o.kind === 'grassroots') units.add(o.id);
    if (o.kind === 'cell' && o.parentId !== null) {
      const parent = byId.get(o.parentId);
      if (parent?.kind === 'commune') units.add(parent.id);
    }
  }
  return [...units];
}

/** The admitting unit of a cell: its nearest grassroots committee, or the commune committee of a village cell. */
function admittingUnitOf(cellPath: string, byId: ReadonlyMap<string, SubtreeNode>): string | null {
  const ids = pathIds(cellPath).reverse().slice(1);
  for (const id of ids) {
    const o = byId.get(id);
    if (o?.kind === 'grassroots') return o.id;
  }
  const parent = ids.length > 0 ? byId.get(ids[0]) : undefined;
  return parent?.kind === 'commune' ? parent.id : null;
}
