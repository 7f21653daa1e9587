import { viArticle, viDate } from './vi-text';

describe('Vietnamese texts of the evidence', () => {
  it('names the cited articles as a clerk reads them', () => {
    expect(viArticle('QĐ294 §4.3.1')).toBe('Quy định 294-QĐ/TW mục 4.3.1');
    expect(viArticle('QĐ232 §4.3.1')).toBe('Quy định 232-QĐ/TW mục 4.3.1');
    expect(viArticle('HD06 §3.4d; HD38 I.1.4 item 23')).toBe('Hướng dẫn 06-HD/TW mục 3.4d; Hướng dẫn 38-HD/BTCTW I.1.4 mục 23');
    expect(viArticle('CH Art. 4(3)')).toBe('Điều 4 khoản 3 Điều lệ Đảng');
    expect(viArticle('CH Art. 24')).toBe('Điều 24 Điều lệ Đảng');
    // A citation it does not know is kept as written.
    expect(viArticle('architecture §3.4')).toBe('architecture §3.4');
  });

  it('writes dates dd/mm/yyyy', () => {
    expect(viDate('2026-03-05')).toBe('05/03/2026');
  });
});
