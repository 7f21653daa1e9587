import PDFDocument from 'pdfkit';
import { Block, DocumentModel, Line, Run, TableBlock } from '../model/document';
import { BODY_SIZE, faceOf, FontFace, MARGINS_MM, parsedPdfFonts } from './fonts';

const MM = 72 / 25.4;
const INDENT = 10 * MM;
const LINE_GAP = 1;
const CELL_PADDING = 4;

export interface PdfOptions {
  /** The creation date written in the file's metadata (from the injected clock, so output is reproducible). */
  createdAt: Date;
}

/** Renders documents as one A4 PDF with Tinos embedded; several documents follow each other on new pages. */
export function renderPdf(documents: readonly DocumentModel[], options: PdfOptions): Promise<Buffer> {
  const first = documents[0];
  const fonts = parsedPdfFonts();
  // The typings know files and buffers only; pdfkit also takes a parsed fontkit font (PDFFontFactory.open).
  const source = (face: FontFace) => fonts[face] as unknown as Buffer;
  const doc = new PDFDocument({
    font: source('regular') as unknown as string,
    size: 'A4',
    layout: first?.landscape ? 'landscape' : 'portrait',
    margins: { top: MARGINS_MM.top * MM, bottom: MARGINS_MM.bottom * MM, left: MARGINS_MM.left * MM, right: MARGINS_MM.right * MM },
    info: { Title: first?.title ?? '', Creator: 'charterflow', CreationDate: options.createdAt, ModDate: options.createdAt },
    autoFirstPage: true,
    lang: 'vi-VN',
    displayTitle: true,
  });
  for (const face of Object.keys(fonts) as FontFace[]) doc.registerFont(face, source(face));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  documents.forEach((model, i) => {
    if (i > 0) doc.addPage({ layout: model.landscape ? 'landscape' : 'portrait' });
    for (const block of model.blocks) renderBlock(doc, block);
  });
  doc.end();
  return done;
}

const left = (doc: PDFKit.PDFDocument) => doc.page.margins.left;
const textWidth = (doc: PDFKit.PDFDocument) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom;

function renderBlock(doc: PDFKit.PDFDocument, block: Block): void {
  switch (block.kind) {
    case 'line':
      writeLine(doc, block, left(doc), textWidth(doc));
      return;
    case 'columns': {
      const width = textWidth(doc);
      const leftWidth = width * block.split;
      // Kept on one page: a signature is never parted from the signer's name, nor a letterhead cut in two.
      const height = Math.max(heightOf(doc, block.left, leftWidth), heightOf(doc, block.right, width - leftWidth));
      if (doc.y + height > bottom(doc) && doc.page.margins.top + height <= bottom(doc)) doc.addPage();
      const top = doc.y;
      for (const line of block.left) writeLine(doc, line, left(doc), leftWidth);
      const leftEnd = doc.y;
      const leftPage = doc.bufferedPageRange().count;
      doc.y = top;
      for (const line of block.right) writeLine(doc, line, left(doc) + leftWidth, width - leftWidth);
      doc.y = doc.bufferedPageRange().count === leftPage ? Math.max(leftEnd, doc.y) : doc.y;
      doc.x = left(doc);
      return;
    }
    case 'table':
      writeTable(doc, block);
      return;
    case 'pageBreak':
      doc.addPage();
      return;
  }
}

/** The height lines take when written in a column of this width. */
function heightOf(doc: PDFKit.PDFDocument, lines: Line[], width: number): number {
  return lines.reduce((sum, line) => {
    const text = line.runs.map((r) => r.text).join('') || ' ';
    doc.font(faceOf(line.runs[0] ?? {})).fontSize(line.size ?? BODY_SIZE);
    return sum + (line.spaceBefore ?? 0) + doc.heightOfString(text, { width, lineGap: LINE_GAP, ...(line.indent ? { indent: INDENT } : {}) });
  }, 0);
}

function writeLine(doc: PDFKit.PDFDocument, line: Line, x: number, width: number): void {
  const size = line.size ?? BODY_SIZE;
  if (line.spaceBefore) doc.y += line.spaceBefore;
  const runs = spacesAtRunEnds(line.runs.filter((r) => r.text !== ''));
  if (runs.length === 0) runs.push({ text: ' ' });
  runs.forEach((run, i) => {
    doc.font(faceOf(run)).fontSize(size);
    const options: PDFKit.Mixins.TextOptions = {
      width,
      align: line.align ?? 'left',
      continued: i < runs.length - 1,
      underline: Boolean(run.underline),
      lineGap: LINE_GAP,
      ...(i === 0 && line.indent ? { indent: INDENT } : {}),
    };
    if (i === 0) doc.text(run.text, x, doc.y, options);
    else doc.text(run.text, options);
  });
}

/**
 * A run continued from the previous one loses its leading space when pdfkit wraps there: the space moves to the end
 * of the previous run.
 */
function spacesAtRunEnds(runs: Run[]): Run[] {
  return runs.map((run, i) => {
    const next = runs[i + 1];
    const text = i > 0 ? run.text.replace(/^ +/, '') : run.text;
    return { ...run, text: text + (next?.text.startsWith(' ') ? ' ' : '') };
  });
}

function writeTable(doc: PDFKit.PDFDocument, table: TableBlock): void {
  const size = table.size ?? 11;
  const width = textWidth(doc);
  const total = table.widths.reduce((a, b) => a + b, 0);
  const widths = table.widths.map((w) => (w / total) * width);
  const rowHeight = (cells: string[], face: 'regular' | 'bold') => {
    doc.font(face).fontSize(size);
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i] - 2 * CELL_PADDING, lineGap: LINE_GAP }))) + 2 * CELL_PADDING;
  };
  const drawRow = (cells: string[], face: 'regular' | 'bold', height: number) => {
    let x = left(doc);
    const y = doc.y;
    cells.forEach((cell, i) => {
      doc.rect(x, y, widths[i], height).lineWidth(0.5).stroke();
      doc.font(face).fontSize(size).text(cell, x + CELL_PADDING, y + CELL_PADDING, { width: widths[i] - 2 * CELL_PADDING, align: face === 'bold' ? 'center' : 'left', lineGap: LINE_GAP });
      x += widths[i];
    });
    doc.y = y + height;
  };
  doc.y += 6;
  const headerHeight = rowHeight(table.header, 'bold');
  drawRow(table.header, 'bold', headerHeight);
  for (const row of table.rows) {
    const height = rowHeight(row, 'regular');
    if (doc.y + height > bottom(doc)) {
      doc.addPage();
      drawRow(table.header, 'bold', headerHeight);
    }
    drawRow(row, 'regular', height);
  }
  doc.x = left(doc);
}
