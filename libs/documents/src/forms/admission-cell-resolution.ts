import { paragraphs } from '../template/layout';
import { FormDefinition, recorded } from './form';
import { CANDIDATE_IDENTITY, cellResolution, cellVoteParagraphs, writingLines } from './parts';

/** 6-KNĐ: the cell's resolution proposing admission (HD06 §3.6a; CH Art. 4(3)). */
export const FORM_6_KND: FormDefinition = {
  id: '6-KND',
  code: '6-KNĐ',
  title: 'Nghị quyết của chi bộ đề nghị kết nạp đảng viên (mẫu 6-KNĐ)',
  available: recorded('CELL_VOTE_RECORDED'),
  blocks: cellResolution('cellVote', 'Đề nghị kết nạp đảng viên', [
    ...paragraphs(
      'Ngày {cellVote.date}, {cell.name} đã họp để xét đề nghị kết nạp quần chúng **{candidate.fullName}** vào Đảng Cộng sản Việt Nam.',
      'Sau khi nghiên cứu đơn xin vào Đảng, lý lịch của người xin vào Đảng, giấy giới thiệu của {sponsors.names}, nghị quyết giới thiệu của {introducing.body} (nếu có), tổng hợp ý kiến nhận xét của các đoàn thể chính trị - xã hội và chi ủy nơi cư trú đối với người xin vào Đảng, chi bộ thảo luận và kết luận:',
      '1. Những ưu, khuyết điểm chính về phẩm chất chính trị, đạo đức, lối sống, năng lực công tác, quan hệ quần chúng của quần chúng {candidate.fullName}:',
    ),
    ...writingLines(1),
    ...paragraphs(
      `2. Về lý lịch: quần chúng ${CANDIDATE_IDENTITY}; lý lịch đã được {grassroots.name} chứng nhận ngày {certification.date}.`,
      '3. Đã học lớp bồi dưỡng nhận thức về Đảng, giấy chứng nhận số {certificate.no} do {certificate.issuer} cấp ngày {certificate.issuedOn}.',
    ),
    ...cellVoteParagraphs('cellVote', 'việc kết nạp quần chúng {candidate.fullName} vào Đảng', 'Điều 4 khoản 3 Điều lệ Đảng'),
    ...paragraphs('Đề nghị {grassroots.name} xem xét, báo cáo cấp ủy có thẩm quyền quyết định kết nạp quần chúng {candidate.fullName} vào Đảng Cộng sản Việt Nam.'),
  ]),
};
