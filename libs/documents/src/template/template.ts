import { Block, Line } from '../model/document';
import { parseMarkup } from '../model/markup';
import { PLACEHOLDERS } from '../data/placeholders';
import { DocumentContext } from '../data/document-context';
import { BLANK } from '../text/vi-format';

/**
 * A form as data: blocks whose text is written in the markup of `parseMarkup` with `{placeholder}`s in it. Filling a
 * template with a case gives the document model the renderers print.
 */
export type TemplateLine = Omit<Line, 'runs'> & { text: string };
export type TemplateBlock =
  | ({ kind: 'line' } & TemplateLine)
  | { kind: 'columns'; split: number; left: TemplateLine[]; right: TemplateLine[] }
  | { kind: 'table'; widths: number[]; header: string[]; rows: string[][]; size?: number }
  | { kind: 'pageBreak' };

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9.]*)\}/g;

/** The placeholder names a text uses, in order. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** The text with each placeholder replaced by its value, or the dotted blank where the case has none. */
export function fillText(text: string, context: DocumentContext): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const placeholder = PLACEHOLDERS[name];
    if (!placeholder) throw new Error(`unknown placeholder {${name}}`);
    return placeholder.value(context) ?? BLANK;
  });
}

/** A template line's markup parsed into runs that still hold their placeholders. */
function compileLine(line: TemplateLine): Line {
  const { text, ...layout } = line;
  return { ...layout, runs: parseMarkup(text) };
}

/** The template as a document model whose texts still hold their placeholders. */
export function compileBlocks(blocks: readonly TemplateBlock[]): Block[] {
  return blocks.map((block): Block => {
    switch (block.kind) {
      case 'line':
        return { kind: 'line', ...compileLine(block) };
      case 'columns':
        return { ...block, left: block.left.map(compileLine), right: block.right.map(compileLine) };
      case 'table':
      case 'pageBreak':
        return block;
    }
  });
}

function fillLine(line: Line, context: DocumentContext): Line {
  return { ...line, runs: line.runs.map((run) => ({ ...run, text: fillText(run.text, context) })) };
}

/** Blocks with every placeholder replaced from the case (built-in templates compiled, or read from a Word file). */
export function fillBlocks(blocks: readonly Block[], context: DocumentContext): Block[] {
  return blocks.map((block): Block => {
    switch (block.kind) {
      case 'line':
        return { kind: 'line', ...fillLine(block, context) };
      case 'columns':
        return { ...block, left: block.left.map((l) => fillLine(l, context)), right: block.right.map((l) => fillLine(l, context)) };
      case 'table':
        return { ...block, header: block.header.map((h) => fillText(h, context)), rows: block.rows.map((r) => r.map((cell) => fillText(cell, context))) };
      case 'pageBreak':
        return block;
    }
  });
}

/** Every placeholder the blocks name. */
export function templatePlaceholders(blocks: readonly Block[]): string[] {
  const lineText = (l: Line) => l.runs.map((r) => r.text).join('');
  const texts = blocks.flatMap((b) => {
    switch (b.kind) {
      case 'line':
        return [lineText(b)];
      case 'columns':
        return [...b.left, ...b.right].map(lineText);
      case 'table':
        return [...b.header, ...b.rows.flat()];
      case 'pageBreak':
        return [];
    }
  });
  return [...new Set(texts.flatMap(placeholdersIn))];
}

