import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { isPlaceholder, PLACEHOLDERS } from '../data/placeholders';
import { DocumentContext } from '../data/document-context';
import { BLANK } from '../text/vi-format';

/**
 * A form's Word template uploaded by a province (ADR 0021): a .docx whose text holds `{placeholder}`s of the
 * dictionary (`PLACEHOLDERS`). docxtemplater reads and fills it; loops, conditions and any other tag syntax are not
 * part of the contract and are refused with the names they use.
 */
export type TemplateProblem =
  | { code: 'TEMPLATE_NOT_DOCX'; message: string }
  | { code: 'TEMPLATE_SYNTAX'; message: string; errors: string[] }
  | { code: 'TEMPLATE_PLACEHOLDER_UNKNOWN'; message: string; placeholders: string[] }
  | { code: 'TEMPLATE_WITHOUT_PLACEHOLDERS'; message: string };

export class TemplateRefused extends Error {
  constructor(readonly problem: TemplateProblem) {
    super(problem.message);
  }
}

type Parser = (tag: string, meta?: { tag?: { module?: string } }) => { get(): string };

function open(content: Buffer, parser: Parser): Docxtemplater {
  let zip: PizZip;
  try {
    zip = new PizZip(content);
  } catch {
    throw new TemplateRefused({ code: 'TEMPLATE_NOT_DOCX', message: 'the file is not a Word document (.docx)' });
  }
  if (!zip.file('word/document.xml')) throw new TemplateRefused({ code: 'TEMPLATE_NOT_DOCX', message: 'the file is not a Word document (.docx)' });
  try {
    return new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true, errorLogging: false, parser });
  } catch (error) {
    const errors = ((error as { properties?: { errors?: { properties?: { explanation?: string } }[] } }).properties?.errors ?? [])
      .map((e) => e.properties?.explanation ?? '')
      .filter((e) => e !== '');
    throw new TemplateRefused({ code: 'TEMPLATE_SYNTAX', message: 'the template has malformed placeholders', errors: errors.length ? errors : [String((error as Error).message)] });
  }
}

/**
 * Checks an uploaded template: a Word file, well-formed tags, each a placeholder of the dictionary, at least one.
 * Returns the placeholders it uses, in order of first use.
 */
export function checkWordTemplate(content: Buffer): string[] {
  const seen: string[] = [];
  const unknown: string[] = [];
  open(content, (tag, meta) => {
    // A loop, condition or raw-XML tag (`{#x}`, `{^x}`, `{@x}`) is named by the module that reads it.
    const plain = meta?.tag?.module === undefined;
    if (!seen.includes(tag)) seen.push(tag);
    if ((!plain || !isPlaceholder(tag)) && !unknown.includes(tag)) unknown.push(tag);
    return { get: () => '' };
  });
  if (unknown.length) {
    throw new TemplateRefused({ code: 'TEMPLATE_PLACEHOLDER_UNKNOWN', message: `unknown placeholders: ${unknown.map((t) => `{${t}}`).join(', ')}`, placeholders: unknown });
  }
  if (seen.length === 0) throw new TemplateRefused({ code: 'TEMPLATE_WITHOUT_PLACEHOLDERS', message: 'the template has no placeholder: nothing would be filled from the case' });
  return seen;
}

/** The template filled from the case, as a Word file. */
export function fillWordTemplate(content: Buffer, context: DocumentContext): Buffer {
  const document = open(content, (tag) => ({ get: () => PLACEHOLDERS[tag]?.value(context) ?? BLANK }));
  document.render({});
  const zip = document.getZip() as PizZip;
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
