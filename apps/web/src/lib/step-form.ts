import type { FieldEntry } from '@charterflow/procedure';
import { parseViDate } from './dates';

/**
 * The values of a step form as the inputs hold them, and the body sent to `POST /cases/{id}/events`. Every field comes
 * from the event schema (`fieldsOf`): a field added to the schema appears in the form with no change here.
 *
 * Inputs hold: dates as `YYYY-MM-DD` or '' (the date picker shows dd/mm/yyyy), counts as a number or null, texts as
 * strings, a list of texts as one text with one item per line, flags as booleans (an optional one null until
 * answered), choices as a value or null, groups as nested values.
 */
export type FormValue = string | number | boolean | null | FormValues;
export interface FormValues {
  [name: string]: FormValue;
}

/** Empty values to fill in: nothing is pre-filled except the business date (today) — a clerk must type every count. */
export function initialValues(fields: readonly FieldEntry[], today: string): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    switch (f.shape.kind) {
      case 'date':
        out[f.name] = f.name === 'occurredOn' ? today : '';
        break;
      case 'count':
      case 'choice':
        out[f.name] = null;
        break;
      case 'flag':
        // A required yes/no starts at no; an optional one starts unanswered (the schema says what its absence means).
        out[f.name] = f.required ? false : null;
        break;
      case 'text':
      case 'texts':
        out[f.name] = '';
        break;
      case 'group':
        out[f.name] = initialValues(f.shape.fields, today);
        break;
    }
  }
  return out;
}

/** A problem of one field, by its path (`sponsor.name`), as a key of the translations. */
export interface FieldProblem {
  path: string;
  key: 'form.required' | 'form.dateInvalid';
}

/** The fields left empty that the schema requires (and dates that are not real dates). */
export function missingFields(fields: readonly FieldEntry[], values: FormValues, prefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const f of fields) {
    const path = `${prefix}${f.name}`;
    const value = values[f.name];
    if (f.shape.kind === 'group') {
      const inner = (value ?? {}) as FormValues;
      const filled = Object.values(inner).some((v) => v !== '' && v !== null && v !== false);
      if (f.required || filled) problems.push(...missingFields(f.shape.fields, inner, `${path}.`));
      continue;
    }
    if (f.shape.kind === 'flag') continue;
    const empty = value === null || value === undefined || value === '';
    if (empty) {
      if (f.required && f.shape.kind !== 'texts') problems.push({ path, key: 'form.required' });
      continue;
    }
    if (f.shape.kind === 'date' && (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))) problems.push({ path, key: 'form.dateInvalid' });
  }
  return problems;
}

/** The event body: `type` and the filled fields in the schema's shapes; optional fields left empty are left out. */
export function toEventBody(type: string, fields: readonly FieldEntry[], values: FormValues): Record<string, unknown> {
  return { type, ...bodyOf(fields, values) };
}

function bodyOf(fields: readonly FieldEntry[], values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const value = values[f.name];
    switch (f.shape.kind) {
      case 'group': {
        const inner = bodyOf(f.shape.fields, (value ?? {}) as FormValues);
        if (f.required || Object.keys(inner).length > 0) out[f.name] = inner;
        break;
      }
      case 'texts': {
        const items = typeof value === 'string' ? value.split('\n').map((s) => s.trim()).filter(Boolean) : [];
        if (f.required || items.length > 0) out[f.name] = items;
        break;
      }
      case 'flag':
        if (f.required || value === true || value === false) out[f.name] = value === true;
        break;
      case 'text': {
        const text = typeof value === 'string' ? value.trim() : '';
        if (text !== '' || f.required) out[f.name] = text;
        break;
      }
      default:
        if (value !== null && value !== undefined && value !== '') out[f.name] = value;
    }
  }
  return out;
}

/** `YYYY-MM-DD` from what the date field holds or what was typed into it (dd/mm/yyyy), else null. */
export function dateInput(text: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  return parseViDate(text);
}
