import { BLANK } from '../text/vi-format';
import { fields, letterhead, paragraphs, signature, title } from '../template/layout';
import { FormDefinition, recorded } from './form';
import { CANDIDATE_IDENTITY, personalPaper, writingLines } from './parts';

/** 3-KNĐ: a full member's letter introducing the candidate, one per sponsor (CH Art. 4(1); QĐ294 §3.2). */
export const FORM_3_KND: FormDefinition = {
  id: '3-KND',
  code: '3-KNĐ',
  title: 'Giấy giới thiệu người vào Đảng (mẫu 3-KNĐ)',
  available: recorded('SPONSOR_ADDED'),
  repeatFor: 'SPONSOR_ADDED',
  blocks: personalPaper({
    placeDate: '{place}, {sponsor.dateWritten}',
    title: 'GIẤY GIỚI THIỆU NGƯỜI VÀO ĐẢNG',
    to: '{cell.name}',
    body: [
      ...fields(
        'Tôi là: **{sponsor.name}**, đảng viên chính thức từ ngày {sponsor.fullMemberSince}; số thẻ đảng viên: {sponsor.memberId}.',
        'Sinh hoạt tại {cell.name}, {grassroots.name}.',
        'Cùng công tác, học tập hoặc cư trú với quần chúng **{candidate.fullName}** từ ngày {sponsor.togetherSince}.',
        `Giới thiệu quần chúng ${CANDIDATE_IDENTITY}, vào Đảng Cộng sản Việt Nam.`,
      ),
      ...paragraphs('Tôi báo cáo với chi bộ những ưu, khuyết điểm chính của người vào Đảng về lịch sử chính trị, phẩm chất chính trị, đạo đức, lối sống, năng lực công tác, quan hệ với quần chúng:'),
      ...writingLines(6),
      ...paragraphs(
        'Tôi xin chịu trách nhiệm trước Đảng về sự giới thiệu của mình, tiếp tục giúp đỡ người vào Đảng phấn đấu và báo cáo với chi bộ những vấn đề mới phát sinh.',
      ),
    ],
    signer: { title: 'NGƯỜI GIỚI THIỆU', name: '{sponsor.name}' },
  }),
};

/** 4-KNĐ: the resolution of the Youth Union or trade-union executive committee introducing a member (QĐ294 §3.1). */
export const FORM_4_KND: FormDefinition = {
  id: '4-KND',
  code: '4-KNĐ',
  title: 'Nghị quyết giới thiệu đoàn viên ưu tú vào Đảng (mẫu 4-KNĐ)',
  available: recorded('INTRODUCING_RESOLUTION_RECORDED'),
  blocks: [
    letterhead({
      issuer: 'BAN CHẤP HÀNH {introducing.bodyUpper}',
      number: 'Số: {introducing.resolutionNo}',
      placeDate: '{place}, {introducing.dateWritten}',
      heading: ['{introducing.heading}', '{introducing.motto}'],
    }),
    ...title('NGHỊ QUYẾT', 'Giới thiệu đoàn viên ưu tú vào Đảng'),
    ...paragraphs(
      'Ngày {introducing.date}, Ban Chấp hành {introducing.body} đã họp xét, giới thiệu đoàn viên **{candidate.fullName}** để {cell.name} xem xét, kết nạp vào Đảng Cộng sản Việt Nam.',
      'Tổng số ủy viên ban chấp hành: …… đồng chí; có mặt: …… đồng chí; vắng mặt: …… đồng chí.',
      `Đoàn viên ${CANDIDATE_IDENTITY}.`,
      'Ban Chấp hành nhận xét về ưu, khuyết điểm chính của đoàn viên về phẩm chất chính trị, đạo đức, lối sống, năng lực công tác, quan hệ với quần chúng:',
    ),
    ...writingLines(4),
    ...paragraphs(
      'Số ủy viên ban chấp hành tán thành giới thiệu: …… đồng chí, bằng ……%; số không tán thành: …… đồng chí.',
      'Ban Chấp hành {introducing.body} giới thiệu đoàn viên {candidate.fullName} với {cell.name} để xem xét, kết nạp vào Đảng Cộng sản Việt Nam.',
    ),
    // Signed by the union's secretary, not by whoever recorded the step: the name is left to be written.
    signature({ onBehalf: 'T/M BAN CHẤP HÀNH', title: 'BÍ THƯ', name: BLANK, recipients: ['{cell.name}', 'Lưu.'] }),
  ],
};
