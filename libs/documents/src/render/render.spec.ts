import { pdfPages } from '../testing';
import PizZip from 'pizzip';
import { Block, DocumentModel, Line } from '../model/document';
import { renderDocx } from './docx';
import { renderPdf } from './pdf';


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

describe('PDF text', () => {
  const accented: DocumentModel = {
    title: 'Kiểm tra',
    blocks: [line('Quyết định kết nạp đồng chí Đỗ Minh Tuấn, Phí Thị Ích, Nguyễn Ý Nhi'), { kind: 'line', runs: [{ text: 'Điều 1. Đỗ Minh Tuấn — ịíìỉĩ ữứừửự', bold: true }] }],
  };
  /** Letters drawn from parts: "ị" is the glyph of "i" with a dot below, and so on. No plain "i", "e", "u" here. */
  const composites: DocumentModel = { title: 'x', blocks: [line('ị ẹ ụ ọ ạ'), { kind: 'line', runs: [{ text: 'ị ẹ ụ ọ ạ', bold: true }] }] };

  it('reads back the same whatever the process printed before (the parsed fonts are shared)', async () => {
    // A process of its own whose first PDF has only letters built from parts, then one with the plain letters.
    let fresh: typeof renderPdf = renderPdf;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      fresh = (require('./pdf') as { renderPdf: typeof renderPdf }).renderPdf;
    });
    expect(fresh).not.toBe(renderPdf);
    await fresh([composites], { createdAt: new Date('2026-12-03T00:00:00Z') });
    const text = pdfPages(await fresh([accented], { createdAt: new Date('2026-12-03T00:00:00Z') })).join('');
    expect(text).toContain('Đỗ Minh Tuấn, Phí Thị Ích, Nguyễn Ý Nhi');
    expect(text).toContain('Điều 1. Đỗ Minh Tuấn — ịíìỉĩ ữứừửự');
  });
});
