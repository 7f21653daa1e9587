import { fieldsOf, READMISSION_SCHEMA } from '@charterflow/procedure';
import { viDate } from './dates';
import { type Lang, type PayloadLine, valueInWords } from './payload';

/** The party age as the case view carries it (ADR 0022). */
export interface PartyAge {
  partyAgeFrom?: string | null;
  partyAgeGaps?: readonly { from: string; to: string }[];
}

/** The facts of a re-admission in words, field by field as the schema declares them; empty for a first admission. */
export function readmissionLines(readmission: unknown, lang: Lang): PayloadLine[] {
  if (typeof readmission !== 'object' || readmission === null) return [];
  const value = readmission as Record<string, unknown>;
  return fieldsOf(READMISSION_SCHEMA).flatMap((field) => {
    const words = valueInWords(field, value[field.name], lang);
    return words === null ? [] : [{ label: field.shape.meta['x-labels'][lang], value: words }];
  });
}

/** The periods left out of the party age, dd/mm/yyyy – dd/mm/yyyy. */
export function gapsInWords(membership: PartyAge): string[] {
  return (membership.partyAgeGaps ?? []).map((g) => `${viDate(g.from)} – ${viDate(g.to)}`);
}
