import { stringify } from 'csv-stringify/sync';
import type { AuditedDeadline } from '../deadline-audit/deadline-audit.service';
import type { ViolationItem } from '../findings/compliance.service';

const BOM = '\uFEFF';

/** Violations as CSV (UTF-8 with BOM), Vietnamese headings with the English. */
export function violationsCsv(items: ViolationItem[]): string {
  const columns = ['Mã hồ sơ (case id)', 'Người vào Đảng (candidate)', 'Tổ chức đảng (organisation)', 'Mã tổ chức (organisation id)', 'Nội dung kiểm tra (check)', 'Vi phạm (title)', 'Mức độ (severity)', 'Ngày vi phạm (detected on)', 'Căn cứ (source)', 'Chứng cứ (evidence)'];
  const rows = items.map((v) => [v.caseId, v.candidateName, v.organisationName, v.organisationId, v.check, v.title.vi, v.severity, v.detectedOn ?? '', v.source, JSON.stringify(v.evidence)]);
  return BOM + stringify(rows, { header: true, columns });
}

/** Late and missed time limits as CSV. */
export function deadlinesCsv(items: AuditedDeadline[]): string {
  const columns = ['Mã hồ sơ (case id)', 'Người vào Đảng (candidate)', 'Mã tổ chức (organisation id)', 'Thời hạn (deadline)', 'Hạn chót (due on)', 'Trạng thái (status)', 'Ngày thực hiện (closed on)', 'Số ngày làm việc chậm (working days late)', 'Căn cứ (source)'];
  const rows = items.map((d) => [d.caseId, d.candidateName, d.organisationId, d.label.vi, d.dueOn, d.status, d.closedOn ?? '', d.workingDaysLate ?? '', d.source]);
  return BOM + stringify(rows, { header: true, columns });
}
