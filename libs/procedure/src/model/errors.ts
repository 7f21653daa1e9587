import { EventType } from './events';
import { TopState } from './states';

/** A procedure rule refused the event. `rule` is an api.md rule id (or one of ours), `source` the article. */
export interface RuleViolation {
  code: 'RULE_VIOLATION';
  rule: string;
  source: string;
  /** English, for developers and logs. */
  message: string;
  /** Vietnamese, for staff. */
  messageVi: string;
  /** Optional machine-readable facts behind the refusal (e.g. `{ ageInMonths: 215 }`). */
  details?: Record<string, unknown>;
}

export interface EventNotAllowed {
  code: 'EVENT_NOT_ALLOWED';
  state: TopState;
  allowedEvents: EventType[];
  message: string;
  messageVi: string;
}

export type DomainRefusal = RuleViolation | EventNotAllowed;
