import { DocumentContext } from '../data/document-context';
import { DocumentInput } from '../data/document-input';
import { Block, DocumentModel } from '../model/document';
import { compileBlocks, fillBlocks } from '../template/template';
import { FORM_6_KND } from './admission-cell-resolution';
import { FORM_9_KND } from './admission-decision';
import { FORM_7_KND, FORM_14_KND } from './appraisals';
import { FORM_8_KND, FORM_15_KND } from './grassroots-resolutions';
import { FORM_1_KND, FORM_2_KND, FORM_10_KND, FORM_11_KND } from './handwritten';
import { FORM_3_KND, FORM_4_KND } from './introductions';
import { FORM_5_KND, FORM_12_KND } from './opinions';
import { FORM_13_KND } from './recognition-cell-resolution';
import { FORM_16_KND } from './recognition-decision';
import { FormDefinition } from './form';

/** The built-in forms, in the order of the procedure. */
export const FORMS: readonly FormDefinition[] = [
  FORM_1_KND,
  FORM_2_KND,
  FORM_3_KND,
  FORM_4_KND,
  FORM_5_KND,
  FORM_6_KND,
  FORM_7_KND,
  FORM_8_KND,
  FORM_9_KND,
  FORM_10_KND,
  FORM_11_KND,
  FORM_12_KND,
  FORM_13_KND,
  FORM_14_KND,
  FORM_15_KND,
  FORM_16_KND,
];

export function formById(id: string): FormDefinition | undefined {
  return FORMS.find((f) => f.id === id);
}

/** Whether the case holds what the form is filled from. */
export function isAvailable(form: FormDefinition, input: DocumentInput): boolean {
  return form.available(new DocumentContext(input));
}

/**
 * The form filled from the case, as a document model; a repeated form prints one copy per step of its type, each
 * on its own page. `blocks` replaces the built-in template's (a template a province uploaded, read as blocks).
 */
export function fillForm(form: FormDefinition, input: DocumentInput, blocks: readonly Block[] = compileBlocks(form.blocks)): DocumentModel {
  const context = new DocumentContext(input);
  const contexts = form.repeatFor ? context.all(form.repeatFor).map((step) => context.withCurrent(step)) : [context];
  const filled: Block[] = contexts.flatMap((c, i) => [...(i > 0 ? [{ kind: 'pageBreak' } as const] : []), ...fillBlocks(blocks, c)]);
  return { title: form.title, blocks: filled };
}
