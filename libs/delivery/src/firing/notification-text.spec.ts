import { escalationText, formatDateVi, probationEndedText, reminderText } from './notification-text';

const SUBJECT = {
  caseId: '5d2c8a44-1c35-4b6e-8f7e-0a9b6c3d2e11',
  candidateName: 'Nguyễn Thị Lan',
  kind: 'ADMISSION_DECISION' as const,
  dueOn: '2026-03-26',
  source: 'QĐ294 §4.3.1',
};

describe('notification text', () => {
  it('formats business dates dd/mm/yyyy', () => {
    expect(formatDateVi('2026-03-06')).toBe('06/03/2026');
  });

  it('a reminder names the candidate, the deadline in Vietnamese, the due date, the time left and the rule, never the case id', () => {
    const t = reminderText(SUBJECT, { workingDays: 10 });
    expect(t.title.vi).toBe('Nhắc hạn: Hạn ra quyết định kết nạp – Nguyễn Thị Lan (đến hạn 26/03/2026)');
    expect(t.body.vi).toBe(
      'Hạn ra quyết định kết nạp trong hồ sơ kết nạp đảng viên của Nguyễn Thị Lan đến hạn ngày 26/03/2026 (còn 10 ngày làm việc). Căn cứ: mục 4.3.1 Quy định số 294-QĐ/TW ngày 26/05/2025.',
    );
    expect(t.title.en).toBe('Reminder: Admission decision – Nguyễn Thị Lan (due 26/03/2026)');
    expect(t.body.en).not.toContain(SUBJECT.caseId);
    expect(reminderText(SUBJECT, { workingDays: 1 }).body.en).toContain('(1 working day left)');
    expect(reminderText({ ...SUBJECT, kind: 'PROBATION_END' }, { months: 3 }).body.vi).toContain('Kết thúc thời gian dự bị trong hồ sơ');
    expect(reminderText(SUBJECT, { months: 3 }).body.vi).toContain('(còn 3 tháng)');
  });

  it('an escalation says the limit passed; the end of probation names the 30-working-day review', () => {
    expect(escalationText(SUBJECT).title).toEqual({ vi: 'Quá hạn: Hạn ra quyết định kết nạp – Nguyễn Thị Lan (hạn 26/03/2026)', en: 'Overdue: Admission decision – Nguyễn Thị Lan (due 26/03/2026)' });
    expect(escalationText(SUBJECT).body.vi).toContain('đã quá hạn ngày 26/03/2026');
    const p = probationEndedText({ ...SUBJECT, kind: 'PROBATION_END', dueOn: '2027-03-02', source: 'CH Art. 5(1)' });
    expect(p.title.vi).toBe('Hết thời gian dự bị – Nguyễn Thị Lan (02/03/2027)');
    expect(p.body.vi).toContain('Căn cứ: khoản 1 Điều 5 Điều lệ Đảng.');
    expect(p.body.vi).toContain('trong 30 ngày làm việc (mục 4.2.1 Quy định số 294-QĐ/TW ngày 26/05/2025)');
    expect(p.body.en).toContain('Rule: CH Art. 5(1).');
  });
});
