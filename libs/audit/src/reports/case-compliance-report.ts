import { escapeHtml, printablePage } from './html';

export interface CaseReportInput {
  caseId: string;
  candidateName: string;
  dateOfBirth: string | null;
  organisationName: string;
  state: string;
  stateLabel: { vi: string; en: string };
  asOf: string;
  chainValid: boolean;
  brokenAtSeq?: number;
  results: {
    check: string;
    title: { vi: string; en: string };
    source: string;
    severity: string;
    status: 'pass' | 'fail' | 'not_applicable';
    detectedOn: string | null;
    evidence: Record<string, unknown>;
  }[];
  events: { seq: number; type: string; label: string; occurredOn: string; actor: string }[];
}

const STATUS_LABEL: Record<CaseReportInput['results'][number]['status'], string> = {
  fail: 'Vi phạm / <span class="en">Failed</span>',
  pass: 'Đạt / <span class="en">Passed</span>',
  not_applicable: 'Chưa áp dụng / <span class="en">Not applicable</span>',
};

const SEVERITY_LABEL: Record<string, string> = {
  critical: 'Nghiêm trọng / <span class="en">critical</span>',
  major: 'Đáng kể / <span class="en">major</span>',
  minor: 'Nhỏ / <span class="en">minor</span>',
};

function evidenceText(evidence: Record<string, unknown>): string {
  return Object.entries(evidence)
    .map(([k, v]) => `${escapeHtml(k)}: ${escapeHtml(typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v))}`)
    .join('; ');
}

/** The printable compliance report of one case (Vietnamese first, English second). Pure. */
export function renderCaseComplianceReport(r: CaseReportInput): string {
  const failed = r.results.filter((x) => x.status === 'fail');
  const rows = r.results
    .map(
      (x) => `<tr class="${x.status === 'fail' ? 'fail' : x.status === 'pass' ? 'pass' : 'na'}">
  <td>${escapeHtml(x.check)}</td>
  <td>${escapeHtml(x.title.vi)}<br><span class="en">${escapeHtml(x.title.en)}</span></td>
  <td>${STATUS_LABEL[x.status]}</td>
  <td>${x.status === 'fail' ? (SEVERITY_LABEL[x.severity] ?? escapeHtml(x.severity)) : ''}</td>
  <td>${escapeHtml(x.detectedOn ?? '')}</td>
  <td>${x.status === 'fail' ? evidenceText(x.evidence) : ''}</td>
  <td>${escapeHtml(x.source)}</td>
</tr>`,
    )
    .join('\n');
  const history = r.events
    .map((e) => `<tr><td>${e.seq}</td><td>${escapeHtml(e.occurredOn)}</td><td>${escapeHtml(e.label)}<br><span class="en">${escapeHtml(e.type)}</span></td><td>${escapeHtml(e.actor)}</td></tr>`)
    .join('\n');
  const body = `
<h1>Báo cáo kiểm tra việc chấp hành quy trình kết nạp đảng viên</h1>
<p class="meta"><span class="en">Compliance report of an admission case</span><br>
Tính đến ngày / <span class="en">as of</span> ${escapeHtml(r.asOf)}</p>
<table>
  <tr><th>Người vào Đảng / <span class="en">Candidate</span></th><td>${escapeHtml(r.candidateName)}${r.dateOfBirth ? ` (sinh ngày ${escapeHtml(r.dateOfBirth)})` : ''}</td></tr>
  <tr><th>Chi bộ / <span class="en">Cell</span></th><td>${escapeHtml(r.organisationName)}</td></tr>
  <tr><th>Bước hiện tại / <span class="en">Current step</span></th><td>${escapeHtml(r.stateLabel.vi)} / <span class="en">${escapeHtml(r.stateLabel.en)}</span></td></tr>
  <tr><th>Mã hồ sơ / <span class="en">Case id</span></th><td>${escapeHtml(r.caseId)}</td></tr>
  <tr><th>Toàn vẹn lịch sử / <span class="en">History integrity</span></th><td>${
    r.chainValid ? 'Nguyên vẹn / <span class="en">intact</span>' : `<strong>Bị sửa đổi tại bước ${escapeHtml(r.brokenAtSeq)}</strong> / <span class="en">altered at event ${escapeHtml(r.brokenAtSeq)}</span>`
  }</td></tr>
  <tr><th>Kết quả / <span class="en">Result</span></th><td>${failed.length === 0 ? 'Không phát hiện vi phạm / <span class="en">no violation found</span>' : `<strong>${failed.length} vi phạm</strong> / <span class="en">${failed.length} violation(s)</span>`}</td></tr>
</table>
<h2>Các nội dung kiểm tra / <span class="en">Checks</span></h2>
<table>
<thead><tr><th>Mã</th><th>Nội dung / <span class="en">Check</span></th><th>Kết quả / <span class="en">Result</span></th><th>Mức độ / <span class="en">Severity</span></th><th>Ngày / <span class="en">Date</span></th><th>Căn cứ / <span class="en">Evidence</span></th><th>Văn bản / <span class="en">Source</span></th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Quá trình / <span class="en">History</span></h2>
<table>
<thead><tr><th>#</th><th>Ngày / <span class="en">Date</span></th><th>Bước / <span class="en">Step</span></th><th>Người ghi nhận / <span class="en">Recorded by</span></th></tr></thead>
<tbody>
${history}
</tbody>
</table>
<p class="foot">Báo cáo do hệ thống charterflow lập từ lịch sử hồ sơ đã ghi nhận (chuỗi băm được kiểm tra lại khi lập báo cáo). /
<span class="en">Produced by charterflow from the recorded history of the case (the hash chain was verified when the report was made).</span></p>`;
  return printablePage(`Báo cáo kiểm tra hồ sơ ${r.candidateName}`, body);
}
