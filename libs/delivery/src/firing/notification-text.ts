import { BusinessDate, DEADLINE_KIND_LABELS, DeadlineKind, parts, sourceVi } from '@charterflow/procedure';
import type { BilingualText } from '@charterflow/notifications';
import { ReminderOffset } from '../policy/reminder-policy';

/** What every notification about a deadline names. */
export interface NotificationSubject {
  caseId: string;
  candidateName: string;
  kind: DeadlineKind;
  dueOn: BusinessDate;
  /** Rule source of the deadline, e.g. `QĐ294 §4.3.1`. */
  source: string;
}

/** `26/03/2026`. */
export function formatDateVi(date: BusinessDate): string {
  const { year, month, day } = parts(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

function leftText(offset: ReminderOffset): BilingualText {
  return offset.workingDays !== undefined
    ? { vi: `còn ${offset.workingDays} ngày làm việc`, en: `${offset.workingDays} working day${offset.workingDays === 1 ? '' : 's'} left` }
    : { vi: `còn ${offset.months} tháng`, en: `${offset.months} month${offset.months === 1 ? '' : 's'} left` };
}

/** Footers already rendered, by source: a burst names the catalogue's few sources thousands of times. */
const FOOTERS = new Map<string, BilingualText>();
/** Beyond this many distinct sources (the catalogue has far fewer), footers are rendered without remembering. */
const FOOTERS_MAX = 1024;

/** The article the limit rests on. The case is linked by the notification itself, never named by its id in the text. */
function footer(s: NotificationSubject): BilingualText {
  let end = FOOTERS.get(s.source);
  if (!end) {
    end = { vi: `Căn cứ: ${sourceVi(s.source)}.`, en: `Rule: ${s.source}.` };
    if (FOOTERS.size < FOOTERS_MAX) FOOTERS.set(s.source, end);
  }
  return end;
}

/** A reminder before the due date. */
export function reminderText(s: NotificationSubject, offset: ReminderOffset): { title: BilingualText; body: BilingualText } {
  const label = DEADLINE_KIND_LABELS[s.kind];
  const due = formatDateVi(s.dueOn);
  const left = leftText(offset);
  const end = footer(s);
  return {
    title: { vi: `Nhắc hạn: ${label.vi} – ${s.candidateName} (đến hạn ${due})`, en: `Reminder: ${label.en} – ${s.candidateName} (due ${due})` },
    body: {
      vi: `${label.vi} trong hồ sơ kết nạp đảng viên của ${s.candidateName} đến hạn ngày ${due} (${left.vi}). ${end.vi}`,
      en: `${label.en} in the admission case of ${s.candidateName} is due on ${due} (${left.en}). ${end.en}`,
    },
  };
}

/** The limit passed with the deadline still open. */
export function escalationText(s: NotificationSubject): { title: BilingualText; body: BilingualText } {
  const label = DEADLINE_KIND_LABELS[s.kind];
  const due = formatDateVi(s.dueOn);
  const end = footer(s);
  return {
    title: { vi: `Quá hạn: ${label.vi} – ${s.candidateName} (hạn ${due})`, en: `Overdue: ${label.en} – ${s.candidateName} (due ${due})` },
    body: {
      vi: `${label.vi} trong hồ sơ kết nạp đảng viên của ${s.candidateName} đã quá hạn ngày ${due} mà chưa được thực hiện; báo cáo cấp ủy cấp trên. ${end.vi}`,
      en: `${label.en} in the admission case of ${s.candidateName} passed its due date ${due} without being met; reported to the superior committee. ${end.en}`,
    },
  };
}

/** Probation has ended: the cell now considers recognition as a full member. */
export function probationEndedText(s: NotificationSubject): { title: BilingualText; body: BilingualText } {
  const due = formatDateVi(s.dueOn);
  const end = footer(s);
  return {
    title: { vi: `Hết thời gian dự bị – ${s.candidateName} (${due})`, en: `Probation ended – ${s.candidateName} (${due})` },
    body: {
      vi: `Đảng viên dự bị ${s.candidateName} đã hết thời gian dự bị ngày ${due}. Chi bộ xét công nhận đảng viên chính thức trong 30 ngày làm việc (${sourceVi('QĐ294 §4.2.1')}). ${end.vi}`,
      en: `Probationary member ${s.candidateName} completed probation on ${due}. The cell considers full membership within 30 working days (QĐ294 §4.2.1). ${end.en}`,
    },
  };
}
