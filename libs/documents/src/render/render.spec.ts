import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { Block, DocumentModel, Line } from '../model/document';
import { renderDocx } from './docx';
import { renderPdf } from './pdf';

/** The text of each page of a PDF, as pdftotext extracts it (pages end with a form feed). */
function pdfPages(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'cf-pdf-'));
  try {
    const file = join(dir, 'd.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const line = (text: string, extra: Partial<Line> = {}): Block => ({ kind: 'line', runs: [{ text }], ...extra });
const signatureBlock: Block = {
  kind: 'columns',
  split: 0.5,
  left: [{ runs: [{ text: 'Nơi nhận:' }] }],
  right: [{ runs: [{ text: 'T/M CHI BỘ' }] }, { runs: [{ text: 'BÍ THƯ' }] }, { runs: [{ text: ' ' }], spaceBefore: 36 }, { runs: [{ text: 'Phạm Thị Hương' }] }],
};
/** Filler paragraphs, then the signature: with some count of them the signature reaches the foot of the first page. */
const withFiller = (count: number): DocumentModel => ({
  title: 'Thử',
  blocks: [...Array.from({ length: count }, (_, i) => line(`Đoạn văn số ${i + 1}.`)), signatureBlock],
});

describe('two-column blocks', () => {
  it('are kept on one page in the PDF: the signer\'s title and name are never parted', async () => {
    let crossed = 0;
    for (let count = 20; count <= 40; count += 1) {
      const pages = pdfPages(await renderPdf([withFiller(count)], { createdAt: new Date('2026-12-03T01:00:00Z') }));
      const page = pages.find((p) => p.includes('BÍ THƯ'))!;
      expect(page).toContain('T/M CHI BỘ');
      expect(page).toContain('Phạm Thị Hương');
      if (pages.length > 1) crossed += 1;
    }
    // The range reaches past the first page's foot, so the rule was exercised on both sides of the boundary.
    expect(crossed).toBeGreaterThan(0);
    expect(crossed).toBeLessThan(21);
  });

  it('are rows that cannot split in Word', async () => {
    const xml = new PizZip(await renderDocx([withFiller(1)])).file('word/document.xml')!.asText();
    expect(xml).toContain('<w:cantSplit/>');
  });
});
