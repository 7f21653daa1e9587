import { DomainRefusal } from '@charterflow/procedure';
import { DomainException } from '@charterflow/kernel';

/** The engine's refusal as the one exception the API maps: RULE_VIOLATION or EVENT_NOT_ALLOWED (both 422). */
export function refusalToException(refusal: DomainRefusal): DomainException {
  if (refusal.code === 'RULE_VIOLATION') {
    return new DomainException('RULE_VIOLATION', refusal.message, {
      rule: refusal.rule,
      source: refusal.source,
      messageVi: refusal.messageVi,
      details: refusal.details ?? {},
    });
  }
  return new DomainException('EVENT_NOT_ALLOWED', refusal.message, {
    state: refusal.state,
    allowedEvents: refusal.allowedEvents,
    messageVi: refusal.messageVi,
  });
}
