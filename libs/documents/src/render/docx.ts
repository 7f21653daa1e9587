import {
  AlignmentType,
  BorderStyle,
  Document,
  convertMillimetersToTwip,
  PageBreak,
  PageOrientation,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { Align, Block, DocumentModel, Line } from '../model/document';
import { BODY_SIZE, MARGINS_MM, WORD_FONT } from './fonts';

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

/** Renders documents as one Word file (A4, Times New Roman), each document in its own section. */
export function renderDocx(documents: readonly DocumentModel[]): Promise<Buffer> {
  const file = new Document({
    creator: 'charterflow',
    title: documents[0]?.title ?? '',
    styles: { default: { document: { run: { font: WORD_FONT, size: BODY_SIZE * 2 } } } },
    sections: documents.map((model) => ({
      properties: {
        page: {
          size: { orientation: model.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: {
            top: convertMillimetersToTwip(MARGINS_MM.top),
            bottom: convertMillimetersToTwip(MARGINS_MM.bottom),
            left: convertMillimetersToTwip(MARGINS_MM.left),
            right: convertMillimetersToTwip(MARGINS_MM.right),
          },
        },
      },
      children: model.blocks.flatMap(blockToWord),
    })),
  });
  return Packer.toBuffer(file);
}

function paragraph(line: Line): Paragraph {
  const size = (line.size ?? BODY_SIZE) * 2;
  return new Paragraph({
    alignment: ALIGN[line.align ?? 'left'],
    ...(line.indent ? { indent: { firstLine: convertMillimetersToTwip(10) } } : {}),
    spacing: { before: (line.spaceBefore ?? 0) * 20 },
    children: line.runs.map(
      (run) => new TextRun({ text: run.text, bold: run.bold, italics: run.italic, size, ...(run.underline ? { underline: {} } : {}) }),
    ),
  });
}

function blockToWord(block: Block): FileChild[] {
  switch (block.kind) {
    case 'line':
      return [paragraph(block)];
    case 'columns':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          borders: NO_BORDERS,
          rows: [
            // Kept on one page, as in the PDF: a signature is never parted from the signer's name.
            new TableRow({
              cantSplit: true,
              children: [
                new TableCell({ width: { size: block.split * 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: cellParagraphs(block.left) }),
                new TableCell({ width: { size: (1 - block.split) * 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: cellParagraphs(block.right) }),
              ],
            }),
          ],
        }),
      ];
    case 'table': {
      const total = block.widths.reduce((a, b) => a + b, 0);
      const size = (block.size ?? 11) * 2;
      const row = (cells: string[], header: boolean) =>
        new TableRow({
          tableHeader: header,
          children: cells.map(
            (cell, i) =>
              new TableCell({
                width: { size: (block.widths[i] / total) * 100, type: WidthType.PERCENTAGE },
                children: [new Paragraph({ alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun({ text: cell, bold: header, size })] })],
              }),
          ),
        });
      return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(block.header, true), ...block.rows.map((r) => row(r, false))] })];
    }
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** A table cell needs at least one paragraph. */
function cellParagraphs(lines: Line[]): Paragraph[] {
  return lines.length ? lines.map(paragraph) : [new Paragraph({})];
}
