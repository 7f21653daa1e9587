import { BusinessDate } from '@charterflow/kernel';
import { viDate } from '@charterflow/procedure';
import { partyOrganisationName, placeName } from '../data/body-names';
import { DocumentBody } from '../data/document-input';
import { DocumentModel } from '../model/document';
import { compileBlocks } from '../template/template';
import { letterhead, signature, title } from '../template/layout';
import { upperVi, writtenDate } from '../text/vi-format';

/** One admission of the period, as the register lists it. */
export interface RegisterEntry {
  fullName: string;
  dateOfBirth: BusinessDate;
  cellName: string;
  decisionNo: string;
  decidedOn: BusinessDate;
  ceremonyOn: BusinessDate | null;
  fullMemberSince: BusinessDate | null;
}

export interface RegisterHeading {
  /** The committee keeping the register. */
  body: DocumentBody;
  /** The body above it (its party organisation heads the letterhead), if any. */
  parent: DocumentBody | null;
  province: DocumentBody | null;
  from: BusinessDate;
  to: BusinessDate;
  today: BusinessDate;
}

/**
 * Sổ theo dõi kết nạp đảng viên: the admissions decided in a period in a committee's subtree, one row each, oldest
 * decision first, as a committee's office keeps it (landscape A4).
 */
export function admissionsRegister(heading: RegisterHeading, entries: readonly RegisterEntry[]): DocumentModel {
  const dash = (d: BusinessDate | null) => (d ? viDate(d) : '');
  const blocks = compileBlocks([
    letterhead({
      ...(heading.parent ? { above: upperVi(partyOrganisationName(heading.parent)) } : {}),
      issuer: upperVi(heading.body.name),
      placeDate: `${placeName(heading.province) ?? ''}, ${writtenDate(heading.today)}`,
    }),
    ...title('SỔ THEO DÕI KẾT NẠP ĐẢNG VIÊN', `Từ ngày ${viDate(heading.from)} đến ngày ${viDate(heading.to)}`),
    {
      kind: 'table',
      widths: [1, 5, 2.4, 4.5, 4, 2.4, 2.6],
      header: ['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ', 'Số, ngày quyết định kết nạp', 'Ngày kết nạp', 'Ngày công nhận chính thức'],
      rows: entries.map((e, i) => [String(i + 1), e.fullName, viDate(e.dateOfBirth), e.cellName, `${e.decisionNo}, ${viDate(e.decidedOn)}`, dash(e.ceremonyOn), dash(e.fullMemberSince)]),
    },
    { kind: 'line', text: `Tổng số: **${entries.length}** đảng viên được kết nạp.`, spaceBefore: 8 },
    signature({ onBehalf: `T/M ${upperVi(heading.body.name)}`, title: 'BÍ THƯ', name: ' ' }),
  ]);
  return { title: `Sổ theo dõi kết nạp đảng viên ${viDate(heading.from)} – ${viDate(heading.to)}`, landscape: true, blocks };
}
