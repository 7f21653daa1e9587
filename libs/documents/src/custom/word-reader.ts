import { DOMParser, type Element } from '@xmldom/xmldom';
import PizZip from 'pizzip';
import { Align, Block, Line, Run } from '../model/document';

/**
 * A Word file read into the document model, for the PDF of an uploaded template (ADR 0021): paragraphs with their
 * alignment, first-line indent, size and bold / italic / underlined runs; a one-row table of two cells (the letterhead
 * or the signature area) as two columns; any other table as a grid. The Word file itself is what an office edits;
 * the PDF follows its text and these features, not every detail of its layout.
 */
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const children = (el: Element, name: string): Element[] =>
  Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === W);
const child = (el: Element | undefined, name: string): Element | undefined => (el ? children(el, name)[0] : undefined);
const attr = (el: Element | undefined, name: string): string | null => el?.getAttributeNS(W, name) ?? null;

/** A toggle property (`<w:b/>`, `<w:b w:val="0"/>`). */
const on = (props: Element | undefined, name: string): boolean => {
  const el = child(props, name);
  if (!el) return false;
  const value = attr(el, 'val');
  return value === null || value === '' || !['0', 'false', 'none'].includes(value);
};

const ALIGN: Record<string, Align> = { center: 'center', right: 'right', end: 'right', both: 'justify', distribute: 'justify', left: 'left', start: 'left' };

function readRuns(paragraph: Element): Run[] {
  const runs: Run[] = [];
  for (const r of children(paragraph, 'r').concat(children(paragraph, 'hyperlink').flatMap((h) => children(h, 'r')))) {
    const props = child(r, 'rPr');
    let text = '';
    for (const part of Array.from(r.childNodes) as Element[]) {
      if (part.nodeType !== 1) continue;
      if (part.localName === 't') text += part.textContent ?? '';
      else if (part.localName === 'tab' || part.localName === 'br') text += ' ';
    }
    if (text === '') continue;
    const run: Run = { text };
    if (on(props, 'b')) run.bold = true;
    if (on(props, 'i')) run.italic = true;
    if (on(props, 'u')) run.underline = true;
    runs.push(run);
  }
  return mergeSplitPlaceholders(runs);
}

/** Word often splits `{candidate.fullName}` over several runs: a placeholder is kept whole in the run it starts in. */
function mergeSplitPlaceholders(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && last.text.lastIndexOf('{') > last.text.lastIndexOf('}')) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}

function readParagraph(paragraph: Element): Line {
  const props = child(paragraph, 'pPr');
  const align = ALIGN[attr(child(props, 'jc'), 'val') ?? ''];
  const size = Number(attr(child(child(props, 'rPr'), 'sz'), 'val') ?? attr(child(child(child(paragraph, 'r'), 'rPr'), 'sz'), 'val') ?? NaN) / 2;
  const firstLine = Number(attr(child(props, 'ind'), 'firstLine') ?? 0);
  const line: Line = { runs: readRuns(paragraph) };
  if (align) line.align = align;
  if (Number.isFinite(size) && size > 0) line.size = size;
  if (firstLine > 0) line.indent = true;
  return line;
}

const cellLines = (cell: Element): Line[] => children(cell, 'p').map(readParagraph);
const cellText = (cell: Element): string => cellLines(cell).map((l) => l.runs.map((r) => r.text).join('')).join(' ');

function readTable(table: Element): Block {
  const rows = children(table, 'tr').map((tr) => children(tr, 'tc'));
  if (rows.length === 1 && rows[0].length === 2) {
    const widths = rows[0].map((tc) => Number(attr(child(child(tc, 'tcPr'), 'tcW'), 'w') ?? 0));
    const split = widths[0] > 0 && widths[1] > 0 ? widths[0] / (widths[0] + widths[1]) : 0.5;
    return { kind: 'columns', split: Math.min(0.8, Math.max(0.2, split)), left: cellLines(rows[0][0]), right: cellLines(rows[0][1]) };
  }
  const [header = [], ...body] = rows.map((cells) => cells.map(cellText));
  return { kind: 'table', widths: header.map(() => 1), header, rows: body };
}

export function readWordBlocks(content: Buffer): Block[] {
  const xml = new PizZip(content).file('word/document.xml')?.asText();
  if (!xml) return [];
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  const body = child(document.documentElement ?? undefined, 'body');
  if (!body) return [];
  return (Array.from(body.childNodes) as Element[]).flatMap((node): Block[] => {
    if (node.nodeType !== 1) return [];
    if (node.localName === 'p') return [{ kind: 'line', ...readParagraph(node) }];
    if (node.localName === 'tbl') return [readTable(node)];
    return [];
  });
}
