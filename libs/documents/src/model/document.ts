/**
 * A printable document as the renderers read it: A4 pages of blocks in the order they print. One model feeds both
 * the PDF and the Word renderer, so a form is defined once (ADR 0021).
 */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

/** One line (paragraph) of text made of runs. `size` in points; 14 when absent (the body size of party documents). */
export interface Line {
  runs: Run[];
  align?: Align;
  size?: number;
  /** The first line indented, as body paragraphs of party documents are. */
  indent?: boolean;
  /** Points of space before the line. */
  spaceBefore?: number;
}

/** Two columns of lines side by side: the letterhead (issuer | party name and date line) or the signature area. */
export interface ColumnsBlock {
  kind: 'columns';
  /** Share of the text width taken by the left column, 0–1. */
  split: number;
  left: Line[];
  right: Line[];
}

export interface TableBlock {
  kind: 'table';
  /** Relative column widths. */
  widths: number[];
  header: string[];
  rows: string[][];
  size?: number;
}

export type Block = ({ kind: 'line' } & Line) | ColumnsBlock | TableBlock | { kind: 'pageBreak' };

export interface DocumentModel {
  /** The document's title in its metadata (the PDF title, the Word core property). */
  title: string;
  /** Landscape pages (a register); portrait when absent. */
  landscape?: boolean;
  blocks: Block[];
}

/** A document's text as its lines read, for tests and for records: runs joined, lines and cells on their own lines. */
export function plainText(model: DocumentModel): string {
  const lineText = (l: Line) => l.runs.map((r) => r.text).join('');
  return model.blocks
    .flatMap((b) => {
      switch (b.kind) {
        case 'line':
          return [lineText(b)];
        case 'columns':
          return [...b.left.map(lineText), ...b.right.map(lineText)];
        case 'table':
          return [b.header.join(' | '), ...b.rows.map((r) => r.join(' | '))];
        case 'pageBreak':
          return [];
      }
    })
    .join('\n');
}
