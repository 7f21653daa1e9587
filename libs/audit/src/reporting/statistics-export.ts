import { stringify } from 'csv-stringify/sync';
import { escapeHtml, printablePage } from '../reports/html';
import { CATEGORY_KEYS, CATEGORY_LABELS } from './categories';
import { AdmissionStatistics, StatisticsLine, TargetProgress } from './statistics.service';

/** Column headings of the statistics table: the forms' Vietnamese wording, with the English in brackets. */
function statisticsColumns(s: AdmissionStatistics): { key: string; heading: string; value: (l: StatisticsLine) => string | number }[] {
  const occupations = Object.keys(s.total.byOccupation).sort();
  return [
    { key: 'organisationId', heading: 'Mã tổ chức (organisation id)', value: (l) => l.organisationId ?? '' },
    { key: 'organisation', heading: 'Tổ chức đảng (organisation)', value: (l) => l.organisationName },
    { key: 'admissions', heading: 'Số đảng viên mới kết nạp (admitted)', value: (l) => l.admissions },
    ...CATEGORY_KEYS.map((k) => ({ key: k, heading: `${CATEGORY_LABELS[k].vi} (${CATEGORY_LABELS[k].en})`, value: (l: StatisticsLine) => l.categories[k] })),
    ...occupations.map((o) => ({ key: `occupation:${o}`, heading: `Nghề nghiệp: ${o} (occupation)`, value: (l: StatisticsLine) => l.byOccupation[o] ?? 0 })),
    { key: 'recognitions', heading: 'Công nhận đảng viên chính thức (recognised)', value: (l) => l.recognitions },
    { key: 'removals', heading: 'Xóa tên đảng viên dự bị (removed)', value: (l) => l.removals },
  ];
}

const BOM = '\uFEFF';

/** The statistics table as CSV (UTF-8 with BOM so spreadsheets read Vietnamese): one line per child, then the total. */
export function statisticsCsv(s: AdmissionStatistics): string {
  const columns = statisticsColumns(s);
  const lines = [...s.rows, { ...s.total, organisationName: `Tổng cộng (total): ${s.total.organisationName}` }];
  return BOM + stringify(lines.map((l) => columns.map((c) => c.value(l))), { header: true, columns: columns.map((c) => c.heading) });
}

/** Targets with progress as CSV. */
export function targetsCsv(targets: TargetProgress[]): string {
  const columns = ['Mã tổ chức (organisation id)', 'Tổ chức đảng (organisation)', 'Kỳ (period)', 'Chỉ tiêu kết nạp (target)', 'Đã kết nạp (admitted)', 'Tỷ lệ hoàn thành % (share)', 'Tổng chỉ tiêu các năm (yearly targets)', 'Ghi chú (note)'];
  const rows = targets.map((t) => [t.organisationId, t.organisationName, t.period.id, t.target, t.admitted, t.sharePercent ?? '', t.yearlyTargetsSum ?? '', t.note ?? '']);
  return BOM + stringify(rows, { header: true, columns });
}

/** The printable period statistics report (Vietnamese first). Pure. */
export function renderStatisticsReport(s: AdmissionStatistics, targets: TargetProgress[], issuedOn: string): string {
  const columns = statisticsColumns(s).filter((c) => c.key !== 'organisationId');
  const row = (l: StatisticsLine, strong = false) => `<tr>${columns.map((c) => `<td>${strong ? '<strong>' : ''}${escapeHtml(c.value(l))}${strong ? '</strong>' : ''}</td>`).join('')}</tr>`;
  const header = columns.map((c) => `<th>${escapeHtml(c.heading)}</th>`).join('');
  const targetRows = targets
    .map((t) => `<tr><td>${escapeHtml(t.organisationName)}</td><td>${escapeHtml(t.period.label.vi)}</td><td>${t.target}</td><td>${t.admitted}</td><td>${t.sharePercent ?? '—'}</td></tr>`)
    .join('\n');
  const units = s.admittingUnits;
  const body = `
<h1>Báo cáo thống kê công tác kết nạp đảng viên</h1>
<p class="meta"><span class="en">Admission statistics report</span><br>
${escapeHtml(s.organisation.name)} — ${escapeHtml(s.period.label.vi)} <span class="en">(${escapeHtml(s.period.label.en)}, ${escapeHtml(s.period.from)} – ${escapeHtml(s.period.to)})</span></p>
<h2>Kết nạp, công nhận, xóa tên / <span class="en">Admissions, recognitions, removals</span></h2>
<table>
<thead><tr>${header}</tr></thead>
<tbody>
${s.rows.map((l) => row(l)).join('\n')}
${row({ ...s.total, organisationName: 'Tổng cộng / Total' }, true)}
</tbody>
</table>
<p>Số tổ chức cơ sở đảng có kết nạp đảng viên / <span class="en">admitting units that admitted anyone</span>: <strong>${units.withAdmissions}/${units.total}</strong>${units.share === null ? '' : ` (${units.share}%)`}.</p>
<h2>Chỉ tiêu / <span class="en">Targets</span></h2>
${
  targets.length
    ? `<table><thead><tr><th>Tổ chức đảng / <span class="en">Organisation</span></th><th>Kỳ / <span class="en">Period</span></th><th>Chỉ tiêu / <span class="en">Target</span></th><th>Đã kết nạp / <span class="en">Admitted</span></th><th>Tỷ lệ % / <span class="en">Share</span></th></tr></thead><tbody>${targetRows}</tbody></table>`
    : '<p>Chưa giao chỉ tiêu / <span class="en">no target set</span>.</p>'
}
<p class="foot">Ngày lập / <span class="en">issued on</span> ${escapeHtml(issuedOn)}. Kết nạp được tính theo ngày quyết định kết nạp. / <span class="en">Admissions are counted on the date of the admission decision.</span></p>`;
  return printablePage(`Thống kê kết nạp đảng viên — ${s.organisation.name} — ${s.period.label.vi}`, body);
}
