import { docxText, pdfText } from '../testing';
import { EventType } from '@charterflow/procedure';
import { ADMITTED_CASE, AFTER_CELL_VOTE } from '../__fixtures__/admitted-case';
import { DocumentInput } from '../data/document-input';
import { plainText } from '../model/document';
import { renderDocx } from '../render/docx';
import { renderPdf } from '../render/pdf';
import { BLANK } from '../text/vi-format';
import { FORMS, fillForm, formById, isAvailable } from './catalogue';
import { compileBlocks, templatePlaceholders } from '../template/template';
import { PLACEHOLDERS } from '../data/placeholders';



/** What each form must show, read from the fixture (names with diacritics, dates written out, counts, numbers). */
const EXPECTED: Record<string, string[]> = {
  '1-KND': [
    'ĐƠN XIN VÀO ĐẢNG',
    'Kính gửi: Chi bộ Giáo viên',
    'Hà Nội, ngày 08 tháng 7 năm 2024',
    'Tôi là: Nguyễn Thị Ngọc Ánh. Giới tính: Nữ.',
    'Sinh ngày: 07/02/1998. Dân tộc: Kinh. Tôn giáo: Không.',
    'Nghề nghiệp: Giáo viên. Trình độ học vấn: Đại học.',
    'giấy chứng nhận số 1542/GCN-TTCT do Trung tâm Chính trị phường Đống Đa cấp ngày 18/06/2024',
    'NGƯỜI LÀM ĐƠN',
  ],
  '2-KND': [
    'LÝ LỊCH CỦA NGƯỜI XIN VÀO ĐẢNG',
    'Họ và tên đang dùng: NGUYỄN THỊ NGỌC ÁNH',
    '4. Ngày, tháng, năm sinh: 07/02/1998.',
    '9. Dân tộc: Kinh.',
    '10. Tôn giáo: Không.',
    '11. Nghề nghiệp hiện nay: Giáo viên.',
    'học vấn Đại học',
    '13. Đoàn viên Đoàn TNCS Hồ Chí Minh: Có',
    'Chi bộ: Chi bộ Giáo viên. Đảng bộ cơ sở: Đảng ủy Trường THPT Kim Liên.',
    'Ngày nộp lý lịch: 15/07/2024.',
    'Hà Nội, ngày 15 tháng 7 năm 2024',
    'Nguyễn Thị Ngọc Ánh',
  ],
  '3-KND': [
    'GIẤY GIỚI THIỆU NGƯỜI VÀO ĐẢNG',
    'Kính gửi: Chi bộ Giáo viên',
    'Hà Nội, ngày 02 tháng 10 năm 2024',
    'Tôi là: Trần Quốc Việt, đảng viên chính thức từ ngày 19/05/2012; số thẻ đảng viên: 01.234567.',
    'Nguyễn Thị Ngọc Ánh từ ngày 01/09/2020',
    'NGƯỜI GIỚI THIỆU',
  ],
  '4-KND': [
    'ĐOÀN TNCS HỒ CHÍ MINH',
    'BAN CHẤP HÀNH ĐOÀN TNCS HỒ CHÍ MINH',
    'Số: 05-NQ/ĐTN',
    'Hà Nội, ngày 04 tháng 10 năm 2024',
    'Ngày 04/10/2024, Ban Chấp hành Đoàn TNCS Hồ Chí Minh',
    'đoàn viên Nguyễn Thị Ngọc Ánh với Chi bộ Giáo viên',
  ],
  '5-KND': [
    'ĐẢNG BỘ TRƯỜNG THPT KIM LIÊN',
    'CHI BỘ GIÁO VIÊN',
    'Hà Nội, ngày 10 tháng 10 năm 2024',
    'Kính gửi: Chi bộ Giáo viên',
    'ý kiến nhận xét của Đoàn TNCS Hồ Chí Minh, Công đoàn trường đối với quần chúng Nguyễn Thị Ngọc Ánh',
    'Có ý kiến nhận xét của chi ủy nơi cư trú: Có.',
    'sinh ngày 07/02/1998',
    'T/M CHI ỦY',
    'BÍ THƯ CHI BỘ',
    'Phạm Thị Hương',
  ],
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
    'Như Điều 3,',
    'Xét đề nghị của Chi bộ Giáo viên, Đảng ủy Trường THPT Kim Liên và Ban Tổ chức Đảng ủy phường Đống Đa;',
    'Ban Thường vụ họp ngày 12/03/2025',
    'BAN THƯỜNG VỤ ĐẢNG ỦY PHƯỜNG ĐỐNG ĐA QUYẾT ĐỊNH',
    'T/M BAN THƯỜNG VỤ',
  ],
  '7-KND': [
    'BÁO CÁO',
    'ĐẢNG ỦY BỘ PHẬN',
    'Thẩm định nghị quyết của chi bộ đề nghị kết nạp đảng viên',
    'Kính gửi: Đảng ủy Trường THPT Kim Liên',
    'Chi bộ Giáo viên họp ngày 14/11/2024',
    'Nguyễn Thị Ngọc Ánh',
    'giấy giới thiệu của Trần Quốc Việt; nghị quyết giới thiệu của Đoàn TNCS Hồ Chí Minh số 05-NQ/ĐTN',
    '6/9 đồng chí tán thành, bằng 66,7% (tổng số đảng viên chính thức 11, không tính khi biểu quyết 2)',
    'T/M ĐẢNG ỦY BỘ PHẬN',
  ],
  '8-KND': [
    'ĐẢNG BỘ PHƯỜNG ĐỐNG ĐA',
    'ĐẢNG ỦY TRƯỜNG THPT KIM LIÊN',
    'Hà Nội, ngày 05 tháng 12 năm 2024',
    'Ngày 05/12/2024, Đảng ủy Trường THPT Kim Liên',
    'Nguyễn Thị Ngọc Ánh',
    'Tổng số cấp ủy viên: 9 đồng chí',
    '8/9 đồng chí, bằng 88,9%',
    'Đảng ủy đề nghị Đảng ủy phường Đống Đa xem xét',
    'T/M ĐẢNG ỦY',
    'BÍ THƯ ĐẢNG ỦY',
    'Lê Văn Thắng',
  ],
  '10-KND': [
    'BẢN TỰ KIỂM ĐIỂM',
    'Kính gửi: Chi bộ Giáo viên',
    'Hà Nội, ngày 30 tháng 3 năm 2026',
    'Họ và tên: Nguyễn Thị Ngọc Ánh, sinh ngày 07/02/1998.',
    'theo Quyết định số 1287-QĐ/ĐU ngày 12/03/2025; lễ kết nạp ngày 28/03/2025; thời kỳ dự bị từ ngày 28/03/2025 đến ngày 28/03/2026',
    'giấy chứng nhận số 88/GCN-ĐVM',
    'NGƯỜI TỰ KIỂM ĐIỂM',
  ],
  '11-KND': [
    'BẢN NHẬN XÉT ĐẢNG VIÊN DỰ BỊ',
    'Hà Nội, ngày 31 tháng 3 năm 2026',
    'Tôi là: Hoàng Thị Thu Hằng, đảng viên Chi bộ Giáo viên',
    'đảng viên dự bị Nguyễn Thị Ngọc Ánh từ ngày 28/03/2025',
    'ĐẢNG VIÊN GIÚP ĐỠ',
  ],
  '12-KND': [
    'CHI BỘ GIÁO VIÊN',
    'Hà Nội, ngày 02 tháng 4 năm 2026',
    'đảng viên dự bị Nguyễn Thị Ngọc Ánh, sinh ngày 07/02/1998',
    'Quyết định số 1287-QĐ/ĐU ngày 12/03/2025',
    'T/M CHI ỦY',
    'Phạm Thị Hương',
  ],
  '13-KND': [
    'NGHỊ QUYẾT',
    'Đề nghị công nhận đảng viên chính thức',
    'Hà Nội, ngày 09 tháng 4 năm 2026',
    'Ngày 09/04/2026, Chi bộ Giáo viên',
    // A justified line mixing bold and plain runs: pdftotext may read its words out of order, so its parts are checked.
    'Chi bộ biểu quyết: Công nhận đảng viên chính thức',
    'Tổng số đảng viên chính thức của chi bộ: 12 đồng chí',
    '10/12 đồng chí, bằng 83,3%',
    'bản nhận xét của đảng viên Hoàng Thị Thu Hằng',
    'BÍ THƯ CHI BỘ',
    'Phạm Thị Hương',
  ],
  '14-KND': [
    'BÁO CÁO',
    'Kính gửi: Đảng ủy Trường THPT Kim Liên',
    'Chi bộ Giáo viên họp ngày 09/04/2026',
    'bản tự kiểm điểm ngày 30/03/2026; bản nhận xét của đảng viên giúp đỡ Hoàng Thị Thu Hằng ngày 31/03/2026',
    '10/12 đồng chí tán thành, bằng 83,3%',
  ],
  '15-KND': [
    'ĐẢNG ỦY TRƯỜNG THPT KIM LIÊN',
    'Hà Nội, ngày 16 tháng 4 năm 2026',
    'Đề nghị công nhận đảng viên chính thức',
    '9/9 đồng chí, bằng 100%',
    'Đảng ủy đề nghị Đảng ủy phường Đống Đa xem xét, quyết định: Công nhận đảng viên chính thức đối với đồng chí Nguyễn Thị Ngọc Ánh, kể từ ngày 28/03/2026.',
    'Lê Văn Thắng',
  ],
  '16-KND': [
    'QUYẾT ĐỊNH',
    'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI',
    'ĐẢNG ỦY PHƯỜNG ĐỐNG ĐA',
    'Số: 2045-QĐ/ĐU',
    'Hà Nội, ngày 07 tháng 5 năm 2026',
    'Công nhận đảng viên chính thức',
    '5/7 đồng chí, bằng 71,4%',
    'Công nhận đồng chí Nguyễn Thị Ngọc Ánh, sinh ngày 07/02/1998, được kết nạp vào Đảng theo Quyết định số 1287-QĐ/ĐU ngày 12/03/2025, là đảng viên chính thức kể từ ngày 28/03/2026.',
    'Như Điều 2,',
    'Ban Thường vụ họp ngày 07/05/2026',
    'T/M BAN THƯỜNG VỤ',
    'PHÓ BÍ THƯ THƯỜNG TRỰC',
    'Đỗ Minh Tuấn',
  ],
};

/** The step from which each form can be printed; null: always (a handwritten form offered blank). */
const AVAILABLE_FROM: Record<string, EventType | null> = {
  '1-KND': null,
  '2-KND': null,
  '3-KND': 'SPONSOR_ADDED',
  '4-KND': 'INTRODUCING_RESOLUTION_RECORDED',
  '5-KND': 'OPINIONS_RECORDED',
  '6-KND': 'CELL_VOTE_RECORDED',
  '7-KND': 'CELL_VOTE_RECORDED',
  '8-KND': 'GRASSROOTS_VOTE_RECORDED',
  '9-KND': 'ADMISSION_DECIDED',
  '10-KND': 'PROBATION_ENDED',
  '11-KND': 'PROBATION_ENDED',
  '12-KND': 'RECOGNITION_OPINIONS_RECORDED',
  '13-KND': 'RECOGNITION_CELL_VOTE_RECORDED',
  '14-KND': 'RECOGNITION_CELL_VOTE_RECORDED',
  '15-KND': 'RECOGNITION_GRASSROOTS_VOTE_RECORDED',
  '16-KND': 'RECOGNITION_DECIDED',
};

/** The fixture's history up to the step of this type, with it (`through`) or without it. */
function historyUntil(type: EventType, through: boolean): DocumentInput {
  const at = ADMITTED_CASE.history.findIndex((s) => s.type === type);
  return { ...ADMITTED_CASE, history: ADMITTED_CASE.history.slice(0, through ? at + 1 : at) };
}

/** The fixture with fields of one step's payload changed. */
function withPayload(type: EventType, change: Record<string, unknown>): DocumentInput {
  return { ...ADMITTED_CASE, history: ADMITTED_CASE.history.map((s) => (s.type === type ? { ...s, payload: { ...s.payload, ...change } } : s)) };
}

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

  it('are all built in, in the order of the procedure, each checked below', () => {
    expect(FORMS.map((f) => f.id)).toEqual(Array.from({ length: 16 }, (_, i) => `${i + 1}-KND`));
    expect(Object.keys(EXPECTED).sort()).toEqual(FORMS.map((f) => f.id).sort());
    expect(Object.keys(AVAILABLE_FROM).sort()).toEqual(FORMS.map((f) => f.id).sort());
    expect(FORMS.filter((f) => f.handwritten).map((f) => f.id)).toEqual(['1-KND', '2-KND', '10-KND', '11-KND']);
  });

  it('are available once the step they record is there, and not before', () => {
    expect(isAvailable(formById('6-KND')!, AFTER_CELL_VOTE)).toBe(true);
    expect(isAvailable(formById('9-KND')!, AFTER_CELL_VOTE)).toBe(false);
    expect(isAvailable(formById('9-KND')!, ADMITTED_CASE)).toBe(true);
    const refused = { ...ADMITTED_CASE, history: ADMITTED_CASE.history.map((s) => (s.type === 'ADMISSION_DECIDED' ? { ...s, payload: { ...s.payload, inFavour: 3 } } : s)) };
    expect(isAvailable(formById('9-KND')!, refused)).toBe(false);
  });

  it.each(Object.entries(AVAILABLE_FROM))('%s is available from its step on, not before', (id, type) => {
    const form = formById(id)!;
    if (type === null) {
      expect(isAvailable(form, { ...ADMITTED_CASE, history: [] })).toBe(true);
      return;
    }
    expect(isAvailable(form, historyUntil(type, false))).toBe(false);
    expect(isAvailable(form, historyUntil(type, true))).toBe(true);
  });

  it('print the appraisal reports and the recognition decision only for a vote that passed, and the decision only if it recognises', () => {
    const cellFailed = withPayload('CELL_VOTE_RECORDED', { inFavour: 5 });
    expect(isAvailable(formById('6-KND')!, cellFailed)).toBe(true);
    expect(isAvailable(formById('7-KND')!, cellFailed)).toBe(false);
    const recognitionCellFailed = withPayload('RECOGNITION_CELL_VOTE_RECORDED', { inFavour: 7 });
    expect(isAvailable(formById('13-KND')!, recognitionCellFailed)).toBe(true);
    expect(isAvailable(formById('14-KND')!, recognitionCellFailed)).toBe(false);
    // 5 of 7 passes (more than half), 3 of 7 does not.
    expect(isAvailable(formById('16-KND')!, withPayload('RECOGNITION_DECIDED', { inFavour: 4 }))).toBe(true);
    expect(isAvailable(formById('16-KND')!, withPayload('RECOGNITION_DECIDED', { inFavour: 3 }))).toBe(false);
    expect(isAvailable(formById('16-KND')!, withPayload('RECOGNITION_DECIDED', { motion: 'remove' }))).toBe(false);
  });

  it.each([
    ['9-KND', 'ADMISSION_DECIDED'],
    ['16-KND', 'RECOGNITION_DECIDED'],
  ] as const)('%s of an authorised grassroots committee is issued and signed by that committee as a whole', (id, type) => {
    const text = plainText(fillForm(formById(id)!, withPayload(type, { decidedBy: 'grassroots_committee' })));
    expect(text).toContain('ĐẢNG BỘ PHƯỜNG ĐỐNG ĐA\nĐẢNG ỦY TRƯỜNG THPT KIM LIÊN');
    expect(text).toContain('- Xét đề nghị của Chi bộ Giáo viên;');
    expect(text).toContain('- Đảng ủy họp ngày');
    expect(text).toContain('ĐẢNG ỦY TRƯỜNG THPT KIM LIÊN QUYẾT ĐỊNH');
    expect(text).toContain('T/M ĐẢNG ỦY');
    expect(text).not.toMatch(/BAN THƯỜNG VỤ|Ban Thường vụ|Ban Tổ chức|Đống Đa QUYẾT/i);
  });

  it('print one introduction letter per sponsor, each with its own sponsor', () => {
    const second = { type: 'SPONSOR_ADDED' as const, occurredOn: '2024-10-03', signer: null, payload: { sponsor: { name: 'Vũ Đức Thịnh', memberId: '01.998877', fullMemberSince: '2015-01-03', togetherSince: '2021-02-01' } } };
    const history = [...ADMITTED_CASE.history];
    history.splice(history.findIndex((s) => s.type === 'SPONSOR_ADDED') + 1, 0, second);
    const model = fillForm(formById('3-KND')!, { ...ADMITTED_CASE, history });
    expect(model.blocks.filter((b) => b.kind === 'pageBreak')).toHaveLength(1);
    const [first, other] = plainText(model).split('ĐẢNG CỘNG SẢN VIỆT NAM').slice(1);
    expect(first).toContain('Hà Nội, ngày 02 tháng 10 năm 2024');
    expect(first).toContain('Tôi là: Trần Quốc Việt, đảng viên chính thức từ ngày 19/05/2012; số thẻ đảng viên: 01.234567.');
    expect(first).not.toContain('Vũ Đức Thịnh');
    expect(other).toContain('Tôi là: Vũ Đức Thịnh, đảng viên chính thức từ ngày 03/01/2015; số thẻ đảng viên: 01.998877.');
    expect(other).toContain('Hà Nội, ngày 03 tháng 10 năm 2024');
    expect(other).toContain('từ ngày 01/02/2021');
    expect(other).not.toContain('Trần Quốc Việt');
  });

  it('head a trade union\'s resolution with the national motto and a Youth Union\'s without', () => {
    const youth = plainText(fillForm(formById('4-KND')!, ADMITTED_CASE));
    expect(youth).not.toContain('Độc lập - Tự do - Hạnh phúc');
    const trade = plainText(fillForm(formById('4-KND')!, withPayload('INTRODUCING_RESOLUTION_RECORDED', { body: 'trade_union' })));
    expect(trade).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc');
    expect(trade).toContain('BAN CHẤP HÀNH CÔNG ĐOÀN CƠ SỞ');
    expect(trade).not.toContain('ĐOÀN TNCS');
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
