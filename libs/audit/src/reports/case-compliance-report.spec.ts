import { renderCaseComplianceReport } from './case-compliance-report';

const BASE = {
  caseId: 'c-1',
  candidateName: 'Nguyễn Thị <b>Lan</b>',
  dateOfBirth: '2001-04-12',
  organisationName: 'Chi bộ "Giáo viên" & Nhân viên',
  state: 'probation',
  stateLabel: { vi: 'Đảng viên dự bị', en: 'Probation' },
  asOf: '2026-05-01',
  chainValid: true,
  events: [{ seq: 1, type: 'CASE_OPENED', label: 'Mở hồ sơ', occurredOn: '2026-01-05', actor: 'bt.chibo <script>' }],
};

describe('case compliance report (HTML)', () => {
  it('shows each check with its result, failures with their evidence and date, Vietnamese first', () => {
    const html = renderCaseComplianceReport({
      ...BASE,
      results: [
        { check: 'A15', title: { vi: 'Quyết định kết nạp quá hạn', en: 'Late admission decision' }, source: 'QĐ294 §4.3.1', severity: 'major', status: 'fail', detectedOn: '2026-03-27', evidence: { dueOn: '2026-03-26', workingDaysLate: 2 } },
        { check: 'A11', title: { vi: 'Biểu quyết chi bộ', en: 'Cell vote' }, source: 'CH Art. 4(3)', severity: 'critical', status: 'pass', detectedOn: null, evidence: {} },
      ],
    });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<strong>1 vi phạm</strong>');
    expect(html).toContain('Quyết định kết nạp quá hạn');
    expect(html).toContain('dueOn: 2026-03-26; workingDaysLate: 2');
    expect(html).toContain('2026-03-27');
    expect(html.indexOf('Vi phạm /')).toBeLessThan(html.indexOf('Failed'));
  });

  it('escapes every value taken from the data', () => {
    const html = renderCaseComplianceReport({ ...BASE, results: [] });
    expect(html).not.toContain('<b>Lan</b>');
    expect(html).toContain('Nguyễn Thị &lt;b&gt;Lan&lt;/b&gt;');
    expect(html).toContain('Chi bộ &quot;Giáo viên&quot; &amp; Nhân viên');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Không phát hiện vi phạm');
  });

  it('says where the history was altered', () => {
    const html = renderCaseComplianceReport({ ...BASE, chainValid: false, brokenAtSeq: 7, results: [] });
    expect(html).toContain('Bị sửa đổi tại bước 7');
  });
});
