import { letterhead, paragraphs, signature, title } from '../template/layout';
import { FormDefinition, recorded } from './form';

/** 6-KNĐ: the cell's resolution proposing admission (HD06 §3.6a; CH Art. 4(3)). */
export const FORM_6_KND: FormDefinition = {
  id: '6-KND',
  code: '6-KNĐ',
  title: 'Nghị quyết của chi bộ đề nghị kết nạp đảng viên (mẫu 6-KNĐ)',
  available: recorded('CELL_VOTE_RECORDED'),
  blocks: [
    letterhead({ above: '{grassroots.partyUpper}', issuer: '{cell.nameUpper}', number: 'Số: ……-NQ/CB', placeDate: '{place}, {cellVote.dateWritten}' }),
    ...title('NGHỊ QUYẾT', 'Đề nghị kết nạp đảng viên'),
    ...paragraphs(
      'Ngày {cellVote.date}, {cell.name} đã họp để xét đề nghị kết nạp quần chúng **{candidate.fullName}** vào Đảng Cộng sản Việt Nam.',
      'Tổng số đảng viên chính thức của chi bộ: {cellVote.members} đồng chí; số đảng viên không tính khi biểu quyết (đi vắng có lý do, được miễn sinh hoạt, đình chỉ sinh hoạt…): {cellVote.excluded} đồng chí.',
      'Sau khi nghiên cứu đơn xin vào Đảng, lý lịch của người xin vào Đảng, giấy giới thiệu của {sponsors.names}, nghị quyết giới thiệu của {introducing.body} (nếu có), tổng hợp ý kiến nhận xét của các đoàn thể chính trị - xã hội và chi ủy nơi cư trú đối với người xin vào Đảng, chi bộ thảo luận và kết luận:',
      '1. Những ưu, khuyết điểm chính về phẩm chất chính trị, đạo đức, lối sống, năng lực công tác, quan hệ quần chúng của quần chúng {candidate.fullName}: ………………………………………………………………',
      '2. Về lý lịch: quần chúng {candidate.fullName}, sinh ngày {candidate.dateOfBirth}, dân tộc {candidate.ethnicity}, tôn giáo: {candidate.religion}, trình độ học vấn: {candidate.education}, nghề nghiệp: {candidate.occupation}; lý lịch đã được {grassroots.name} chứng nhận ngày {certification.date}.',
      '3. Đã học lớp bồi dưỡng nhận thức về Đảng, giấy chứng nhận số {certificate.no} do {certificate.issuer} cấp ngày {certificate.issuedOn}.',
      'Số đảng viên tán thành việc kết nạp quần chúng {candidate.fullName} vào Đảng là **{cellVote.inFavour}/{cellVote.voters} đồng chí, bằng {cellVote.percent}**; số không tán thành hoặc không biểu quyết: {cellVote.notInFavour} đồng chí. Kết quả so với yêu cầu ít nhất hai phần ba số đảng viên chính thức (Điều 4 khoản 3 Điều lệ Đảng): **{cellVote.result}**.',
      'Đề nghị {grassroots.name} xem xét, báo cáo cấp ủy có thẩm quyền quyết định kết nạp quần chúng {candidate.fullName} vào Đảng Cộng sản Việt Nam.',
    ),
    signature({ onBehalf: 'T/M CHI BỘ', title: '{cellVote.signerTitleUpper}', name: '{cellVote.signerName}', recipients: ['{grassroots.name}', 'Lưu chi bộ.'] }),
  ],
};
