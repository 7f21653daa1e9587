import { ORGANISATION_KIND_LABELS, OrganisationKind } from '@charterflow/organisations';
import {
  AREA_TYPE_LABELS,
  AreaType,
  DEADLINE_KIND_LABELS,
  DEADLINE_STATUS_LABELS,
  DeadlineKind,
  DeadlineStatus,
  EDUCATION_LABELS,
  EducationLevel,
  EVENT_DEFINITIONS,
  EVENT_LABELS,
  EVENT_TYPES,
  EventType,
  exampleOf,
  fieldsOf,
  GENDER_LABELS,
  Gender,
  STATE_LABELS,
  TopState,
} from '@charterflow/procedure';

// The console's Vietnamese labels, read from where each fact is declared: the procedure's states, events, deadlines
// and candidate fields, the organisations' kinds. Nothing is named here.

type Labels<K extends string> = Readonly<Record<K, { vi: string; en: string }>>;
const vi = <K extends string>(labels: Labels<K>): Readonly<Record<K, string>> =>
  Object.fromEntries(Object.entries<{ vi: string }>(labels).map(([key, label]) => [key, label.vi])) as Record<K, string>;

export const STATE_LABELS_VI = vi<TopState>(STATE_LABELS);
export const EVENT_LABELS_VI = vi<EventType>(EVENT_LABELS);
export const DEADLINE_KIND_LABELS_VI = vi<DeadlineKind>(DEADLINE_KIND_LABELS);
export const DEADLINE_STATUS_LABELS_VI = vi<DeadlineStatus>(DEADLINE_STATUS_LABELS);
export const ORGANISATION_KIND_LABELS_VI = vi<OrganisationKind>(ORGANISATION_KIND_LABELS);
export const GENDER_LABELS_VI = vi<Gender>(GENDER_LABELS);
export const EDUCATION_LABELS_VI = vi<EducationLevel>(EDUCATION_LABELS);
export const AREA_TYPE_LABELS_VI = vi<AreaType>(AREA_TYPE_LABELS);

/** `TODAY` in a template is replaced in the browser by today's date in Asia/Ho_Chi_Minh. */
export const TODAY_PLACEHOLDER = 'TODAY';

/**
 * The payload of each event type beyond `type` and `occurredOn` (api.md "Events"), prefilled in the console's editor:
 * read from the event schema, texts left empty for staff to fill in (the API names any field still missing).
 */
export const EVENT_TEMPLATES: Readonly<Record<EventType, Record<string, unknown>>> = Object.fromEntries(
  EVENT_TYPES.map((type) => [type, exampleOf(fieldsOf(EVENT_DEFINITIONS[type].schema), TODAY_PLACEHOLDER, { blankTexts: true })]),
) as Record<EventType, Record<string, unknown>>;
