import { CANDIDATE_SCHEMA, EVENT_DEFINITIONS, type EventType, type FieldEntry, fieldsOf } from '@charterflow/procedure';
import { viDate } from './dates';

export type Lang = 'vi' | 'en';

/** One line of a recorded step in words: the field's label and its value as a clerk reads it. */
export interface PayloadLine {
  label: string;
  value: string;
}

/** The fields a step's form asks for and its history shows, read from the event schema (`occurredOn` first). */
export function eventFields(type: EventType): FieldEntry[] {
  return fieldsOf(EVENT_DEFINITIONS[type].schema);
}

const YES_NO: Record<Lang, [string, string]> = { vi: ['Có', 'Không'], en: ['Yes', 'No'] };

/** The name of an organisation the account can see, by id; undefined for one it cannot (never shown by its id). */
export type UnitNames = (id: string) => string | undefined;

const OTHER_UNIT: Record<Lang, string> = { vi: 'Đơn vị ngoài phạm vi của tài khoản', en: 'A unit outside your part of the tree' };

/**
 * A value of one field in words (dates dd/mm/yyyy, choices by their label, yes/no, organisations by their name), or
 * null when empty.
 */
export function valueInWords(field: FieldEntry, value: unknown, lang: Lang, unitNames: UnitNames = () => undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const shape = field.shape;
  switch (shape.kind) {
    case 'date':
      return typeof value === 'string' ? viDate(value) : plain(value);
    case 'flag':
      return value === true ? YES_NO[lang][0] : YES_NO[lang][1];
    case 'choice': {
      const labels = shape.meta['x-enum-labels'];
      return typeof value === 'string' ? (labels?.[value]?.[lang] ?? value) : plain(value);
    }
    case 'texts':
      return Array.isArray(value) ? (value.length > 0 ? value.map(plain).join('; ') : null) : plain(value);
    case 'group': {
      if (typeof value !== 'object') return plain(value);
      const parts = payloadLinesOf(shape.fields, value as Record<string, unknown>, lang, unitNames);
      return parts.length > 0 ? parts.map((p) => `${p.label}: ${p.value}`).join(', ') : null;
    }
    case 'text':
      if (shape.meta['x-organisation-kinds'] && typeof value === 'string') return unitNames(value) ?? OTHER_UNIT[lang];
      return plain(value);
    case 'count':
      return plain(value);
  }
}

/** A scalar as text; anything else (a value the schema does not describe) as it was stored. */
function plain(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

function payloadLinesOf(fields: readonly FieldEntry[], payload: Record<string, unknown>, lang: Lang, unitNames?: UnitNames): PayloadLine[] {
  const lines: PayloadLine[] = [];
  for (const field of fields) {
    const words = valueInWords(field, payload[field.name], lang, unitNames);
    if (words !== null) lines.push({ label: field.shape.meta['x-labels'][lang], value: words });
  }
  return lines;
}

/**
 * The payload of a recorded step in words, in the order the schema declares its fields. The business date is shown
 * apart (the timeline's own date), so `occurredOn` is left out; a field the schema no longer declares is not shown.
 */
export function payloadLines(type: string, payload: Record<string, unknown>, lang: Lang, unitNames?: UnitNames): PayloadLine[] {
  if (!(type in EVENT_DEFINITIONS)) return [];
  return payloadLinesOf(
    eventFields(type as EventType).filter((f) => f.name !== 'occurredOn'),
    payload,
    lang,
    unitNames,
  );
}

/** The candidate of a case in words, field by field as the candidate schema declares them. */
export function candidateLines(candidate: Record<string, unknown>, lang: Lang): PayloadLine[] {
  return payloadLinesOf(fieldsOf(CANDIDATE_SCHEMA), candidate, lang);
}
