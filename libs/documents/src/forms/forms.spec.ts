import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { ADMITTED_CASE, AFTER_CELL_VOTE } from '../__fixtures__/admitted-case';
import { plainText } from '../model/document';
import { renderDocx } from '../render/docx';
import { renderPdf } from '../render/pdf';
import { BLANK } from '../text/vi-format';
import { FORMS, fillForm, formById, isAvailable } from './catalogue';
import { compileBlocks, templatePlaceholders } from '../template/template';
import { PLACEHOLDERS } from '../data/placeholders';

/** The text of a PDF as poppler's pdftotext extracts it (layout kept), whitespace runs folded. */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'cf-pdf-'));
  try {
    const file = join(dir, 'd.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a Word file: its document part's runs, paragraphs separated. */
function docxText(docx: Buffer): string {
  const xml = new PizZip(docx).file('word/document.xml')!.asText();
  return xml
    .replace(/<\/w:p>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** What each form must show, read from the fixture (names with diacritics, dates written out, counts, numbers). */
const EXPECTED: Record<string, string[]> = {
  '6-KND': [
    'NGHỊ QUYẾT',
    'ĐẢNG BỘ TRƯỜNG THPT KIM LIÊN',
    'CHI BỘ GIÁO VIÊN',
    'Hà Nội, ngày 14 tháng 11 năm 2024',
    'Nguyễn Thị Ngọc Ánh',
    '07/02/1998',
    '6/9 đồng chí, bằng 66,7%',
    'Trần Quốc Việt',
    '1542/GCN-TTCT',
    'Phạm Thị Hương',
    'BÍ THƯ CHI BỘ',
    'đạt',
  ],
  '9-KND': [
    'QUYẾT ĐỊNH',
    'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI',
    'ĐẢNG ỦY PHƯỜNG ĐỐNG ĐA',
    'Số: 1287-QĐ/ĐU',
    'Hà Nội, ngày 12 tháng 3 năm 2025',
    'Nguyễn Thị Ngọc Ánh',
    '6/7 đồng chí, bằng 85,7%',
    'Đỗ Minh Tuấn',
    'PHÓ BÍ THƯ THƯỜNG TRỰC',
  ],
};

describe('the built-in forms', () => {
  it('declare ASCII ids, a title and only known placeholders', () => {
    for (const form of FORMS) {
      expect(form.id).toMatch(/^\d+-KND$/);
      expect(form.code.replace(/Đ/g, 'D')).toBe(form.id);
      expect(form.title).toContain(form.code);
      for (const name of templatePlaceholders(compileBlocks(form.blocks))) expect(PLACEHOLDERS).toHaveProperty([name]);
    }
    expect(new Set(FORMS.map((f) => f.id)).size).toBe(FORMS.length);
  });

  it('are available once the step they record is there, and not before', () => {
    expect(isAvailable(formById('6-KND')!, AFTER_CELL_VOTE)).toBe(true);
    expect(isAvailable(formById('9-KND')!, AFTER_CELL_VOTE)).toBe(false);
    expect(isAvailable(formById('9-KND')!, ADMITTED_CASE)).toBe(true);
    const refused = { ...ADMITTED_CASE, history: ADMITTED_CASE.history.map((s) => (s.type === 'ADMISSION_DECIDED' ? { ...s, payload: { ...s.payload, inFavour: 3 } } : s)) };
    expect(isAvailable(formById('9-KND')!, refused)).toBe(false);
  });

  describe.each(Object.keys(EXPECTED))('%s', (id) => {
    const form = formById(id)!;
    const model = fillForm(form, ADMITTED_CASE);

    it('is filled from the case: no placeholder left', () => {
      expect(plainText(model)).not.toMatch(/\{[A-Za-z.]+\}/);
    });

    it('prints the case in PDF with the font embedded', async () => {
      const pdf = await renderPdf([model], { createdAt: new Date('2026-12-03T01:00:00Z') });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
      const text = pdfText(pdf);
      // pdftotext joins a word broken at a hyphen at the end of a line: compare without hyphens.
      for (const expected of EXPECTED[id]) expect(text.replace(/-/g, '')).toContain(expected.replace(/-/g, ''));
      expect(text).not.toMatch(/\{[A-Za-z.]+\}/);
    });

    it('prints the case in Word', async () => {
      const text = docxText(await renderDocx([model]));
      for (const expected of EXPECTED[id]) expect(text).toContain(expected);
      expect(text).not.toMatch(/\{[A-Za-z.]+\}/);
    });
  });

  it('prints a dotted blank where the case has nothing yet', () => {
    const model = fillForm(formById('6-KND')!, { ...AFTER_CELL_VOTE, history: AFTER_CELL_VOTE.history.map((s) => (s.type === 'CELL_VOTE_RECORDED' ? { ...s, signer: null } : s)) });
    expect(plainText(model)).toContain(BLANK);
  });
});
