import { Inject, Injectable } from '@nestjs/common';
import { DecisionEnv } from '@charterflow/procedure';
import { CALENDAR_PROVIDER, CalendarProvider, canonicalId, Clock, DomainException } from '@charterflow/kernel';
import { CellContext } from '@charterflow/organisations';

/** What the pure engine decides against: today, the cell's organisation facts and the province's calendar. */
@Injectable()
export class DecisionEnvs {
  constructor(
    private readonly clock: Clock,
    @Inject(CALENDAR_PROVIDER) private readonly calendars: CalendarProvider,
  ) {}

  of(context: CellContext, opts: { waiveRules?: boolean } = {}): DecisionEnv {
    return {
      today: this.clock.today(),
      organisation: context.facts,
      calendar: this.calendars.calendarFor(context.provinceId),
      ...(opts.waiveRules !== undefined ? { waiveRules: opts.waiveRules } : {}),
    };
  }
}

/** The canonical spelling of a case id; anything that is not a UUID names no case. */
export function requireCaseId(id: string): string {
  const canonical = canonicalId(id);
  if (canonical === null) throw DomainException.notFound('Case', String(id));
  return canonical;
}
