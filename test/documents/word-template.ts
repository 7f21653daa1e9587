import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/**
 * A Word template as a province would write one: its own wording, a two-column letterhead, placeholders (one split
 * over two runs of different formatting, as Word often stores them) and whatever else `lines` adds.
 */
export function wordTemplate(lines: string[]): Promise<Buffer> {
  const cell = (text: string) => new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [new TextRun({ text, bold: true })] })] });
  return Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Table({ rows: [new TableRow({ children: [cell('{admissionBody.nameUpper}'), cell('ĐẢNG CỘNG SẢN VIỆT NAM')] })] }),
            new Paragraph({ children: [new TextRun('Họ và tên: {candidate.'), new TextRun({ text: 'fullName}', bold: true })] }),
            ...lines.map((line) => new Paragraph({ children: [new TextRun(line)] })),
          ],
        },
      ],
    }),
  );
}
