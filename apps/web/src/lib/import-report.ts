import { EVENT_LABELS, RULE_DEFINITIONS, STATE_LABELS, type TopState } from '@charterflow/procedure';
import { viDate } from './dates';
import { basisText } from './errors';
import type { Lang } from './payload';
import type { Schemas } from '../api/client';

/** One reason a row of an import was refused, as the report of `POST /imports` gives it (the typed client's shape). */
export type RowError = Schemas['ImportRowErrorDto'];

/** A reason in words: a translation key with its values (the step, its date, the rule's sentence, its article). */
export interface RowReason {
  key: string;
  values: Record<string, string>;
}

function stepOf(e: RowError, lang: Lang): string {
  const label = e.eventType ? (EVENT_LABELS as Partial<Record<string, { vi: string; en: string }>>)[e.eventType] : undefined;
  return label ? label[lang] : '';
}

/**
 * Why a row was refused, in the clerk's language: a column of the file at fault (by the label the API gives it, from
 * the event schema, with the header the file names it by, which is how the clerk finds it in the spreadsheet),
 * a step refused by a rule (the rule's own sentence and article), a step the case could not take in its stage, or a
 * case already imported from other content. Never the English message or an id.
 */
export function rowReason(e: RowError, lang: Lang): RowReason {
  const step = stepOf(e, lang);
  const on = e.occurredOn ? viDate(e.occurredOn) : '';
  if (e.code === 'RULE_VIOLATION' && e.rule) {
    const rule = (RULE_DEFINITIONS as Partial<Record<string, { descriptionVi: string; descriptionEn: string; source: string }>>)[e.rule];
    const source = e.source ?? rule?.source;
    return {
      key: step ? 'admin.imports.ruleAt' : 'admin.imports.rule',
      values: {
        step,
        on,
        text: rule ? (lang === 'vi' ? rule.descriptionVi : rule.descriptionEn) : '',
        source: source ? basisText(source, lang) : '',
      },
    };
  }
  if (e.code === 'EVENT_NOT_ALLOWED') {
    const state = e.state ? (STATE_LABELS as Partial<Record<string, { vi: string; en: string }>>)[e.state as TopState] : undefined;
    return { key: 'admin.imports.notAllowed', values: { step, on, state: state ? state[lang] : '' } };
  }
  if (e.code === 'CONFLICT_EXISTING_CASE') return { key: 'admin.imports.conflict', values: {} };
  if (e.field === 'row') return { key: 'admin.imports.badRow', values: {} };
  if (e.field && e.fieldLabel) return { key: 'admin.imports.columnNamed', values: { label: e.fieldLabel[lang], column: e.field } };
  // A column no import knows: only its header names it.
  if (e.field) return { key: 'admin.imports.column', values: { column: e.field } };
  return { key: 'admin.imports.other', values: {} };
}

