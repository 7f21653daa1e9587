import { EventType, votePassed } from '@charterflow/procedure';
import { DocumentContext, eventOf } from '../data/document-context';
import { TemplateBlock } from '../template/template';

/**
 * One form of the Central Organisation Commission's guidance (1-KNĐ … 16-KNĐ), built in: its ids, its title and
 * the template it is printed from. `id` is the ASCII id of the API (`9-KND`), `code` the form's own name (`9-KNĐ`).
 */
export interface FormDefinition {
  id: string;
  code: string;
  /** The document's title as staff read it in the list of documents. */
  title: string;
  /** Whether the case holds what the form is filled from (else 422 DOCUMENT_NOT_AVAILABLE). */
  available(context: DocumentContext): boolean;
  /** Printed once per recorded step of this type (one introduction letter per sponsor). */
  repeatFor?: EventType;
  /** Written by hand by the candidate or member: offered with the known fields printed and the rest blank. */
  handwritten?: boolean;
  blocks: readonly TemplateBlock[];
}

/** The form's ASCII id from its code: 9-KNĐ → 9-KND. */
export function asciiFormId(code: string): string {
  return code.replace(/Đ/g, 'D');
}

/** A step of this type is recorded. */
export const recorded = (type: EventType) => (c: DocumentContext) => c.last(type) !== null;

/** The last step of this type is a vote or decision that reached its threshold (the paper that admits or recognises). */
export const passed = (type: EventType) => (c: DocumentContext) => {
  const step = c.last(type);
  return step !== null && votePassed(eventOf(step));
};

/** As `passed`, for a vote or decision on a motion (recognise or remove): only the one on this motion. */
export const passedWith = (type: EventType, motion: string) => (c: DocumentContext) => passed(type)(c) && c.last(type)?.payload.motion === motion;
