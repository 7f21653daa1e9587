import { BLANK } from '../text/vi-format';
import { fields, paragraphs, placeDateLine, signature, title } from '../template/layout';
import { FormDefinition, recorded } from './form';
import { MEMBER_ADMISSION, personalPaper, probationReview, writingLines } from './parts';

/**
 * The papers a person writes by hand: offered with what the case knows printed and dotted lines for the rest.
 */

/** 1-KNĐ: the application to join the Party, written by the candidate (CH Art. 4(1); HD06 §3.2). */
export const FORM_1_KND: FormDefinition = {
  id: '1-KND',
  code: '1-KNĐ',
  title: 'Đơn xin vào Đảng (mẫu 1-KNĐ)',
  available: () => true,
  handwritten: true,
  blocks: personalPaper({
    placeDate: '{place}, {application.dateWritten}',
    title: 'ĐƠN XIN VÀO ĐẢNG',
    to: '{cell.name}',
    body: [
      ...fields(
        'Tôi là: **{candidate.fullName}**. Giới tính: {candidate.gender}.',
        'Sinh ngày: {candidate.dateOfBirth}. Dân tộc: {candidate.ethnicity}. Tôn giáo: {candidate.religion}.',
        `Nơi sinh: ${BLANK}`,
        `Quê quán: ${BLANK}`,
        `Nơi thường trú: ${BLANK}`,
        'Nghề nghiệp: {candidate.occupation}. Trình độ học vấn: {candidate.education}.',
        'Đoàn viên Đoàn TNCS Hồ Chí Minh: {candidate.youthUnion}. Đoàn viên công đoàn: {candidate.tradeUnion}.',
        'Đã học lớp bồi dưỡng nhận thức về Đảng, giấy chứng nhận số {certificate.no} do {certificate.issuer} cấp ngày {certificate.issuedOn}.',
      ),
      ...paragraphs('Qua học tập, tìm hiểu Điều lệ Đảng, Cương lĩnh chính trị của Đảng, tôi nhận thức được: (mục đích, lý tưởng của Đảng; động cơ xin vào Đảng)'),
      ...writingLines(6),
      ...paragraphs(
        'Tôi tự nguyện làm đơn này xin vào Đảng Cộng sản Việt Nam. Nếu được đứng trong hàng ngũ của Đảng, tôi xin hứa tuyệt đối trung thành với mục đích, lý tưởng của Đảng, chấp hành nghiêm chỉnh Cương lĩnh chính trị, Điều lệ Đảng, nghị quyết, chỉ thị của Đảng, pháp luật của Nhà nước; hoàn thành tốt nhiệm vụ được giao; phục tùng tuyệt đối sự phân công của Đảng.',
      ),
    ],
    signer: { title: 'NGƯỜI LÀM ĐƠN', name: '{candidate.fullName}' },
  }),
};

/** The numbered items of the biography the candidate writes out (HD38 I.1.4); what the case knows is printed. */
const BIOGRAPHY_ITEMS = [
  '1. Họ và tên đang dùng: **{candidate.fullNameUpper}**. Giới tính: {candidate.gender}.',
  `2. Họ và tên khai sinh: ${BLANK}`,
  `3. Các bí danh: ${BLANK}`,
  '4. Ngày, tháng, năm sinh: {candidate.dateOfBirth}.',
  `5. Nơi sinh: ${BLANK}`,
  `6. Quê quán: ${BLANK}`,
  `7. Nơi thường trú: ${BLANK}`,
  `8. Nơi tạm trú: ${BLANK}`,
  '9. Dân tộc: {candidate.ethnicity}.',
  '10. Tôn giáo: {candidate.religion}.',
  '11. Nghề nghiệp hiện nay: {candidate.occupation}.',
  `12. Trình độ hiện nay: học vấn {candidate.education}; chuyên môn, nghiệp vụ: ${BLANK}; lý luận chính trị: ${BLANK}; ngoại ngữ: ${BLANK}; tin học: ${BLANK}`,
  `13. Đoàn viên Đoàn TNCS Hồ Chí Minh: {candidate.youthUnion}; ngày và nơi vào Đoàn: ${BLANK}`,
  `14. Ngày và nơi tham gia các tổ chức chính trị - xã hội (đoàn viên công đoàn: {candidate.tradeUnion}): ${BLANK}`,
  `15. Ngày và nơi được kết nạp vào Đảng lần thứ nhất (nếu có): ${BLANK}`,
  `16. Lịch sử bản thân: ${BLANK}`,
  `17. Những công tác và chức vụ đã qua: ${BLANK}`,
  `18. Đặc điểm lịch sử: ${BLANK}`,
  `19. Những lớp đào tạo, bồi dưỡng đã qua: ${BLANK}`,
  `20. Đi nước ngoài (từ 3 tháng trở lên): ${BLANK}`,
  `21. Khen thưởng: ${BLANK}`,
  `22. Kỷ luật: ${BLANK}`,
  `23. Hoàn cảnh gia đình (ông bà, cha mẹ, cha mẹ vợ hoặc chồng, vợ hoặc chồng, anh chị em ruột, con): ${BLANK}`,
  `24. Tự nhận xét: ${BLANK}`,
];

/** 2-KNĐ: the candidate's biography (HD06 §3.3; HD38 I.1.4): a cover page, then the items. */
export const FORM_2_KND: FormDefinition = {
  id: '2-KND',
  code: '2-KNĐ',
  title: 'Lý lịch của người xin vào Đảng (mẫu 2-KNĐ)',
  available: () => true,
  handwritten: true,
  blocks: [
    { kind: 'line', text: '**__ĐẢNG CỘNG SẢN VIỆT NAM__**', align: 'center' },
    { kind: 'line', text: 'Mẫu 2-KNĐ', align: 'right', size: 12 },
    { kind: 'line', text: '**LÝ LỊCH CỦA NGƯỜI XIN VÀO ĐẢNG**', align: 'center', size: 18, spaceBefore: 120 },
    { kind: 'line', text: 'Họ và tên đang dùng: **{candidate.fullNameUpper}**', spaceBefore: 36 },
    ...fields(
      `Họ và tên khai sinh: ${BLANK}`,
      'Ngày sinh: {candidate.dateOfBirth}. Giới tính: {candidate.gender}.',
      `Quê quán: ${BLANK}`,
      'Đơn vị công tác, nghề nghiệp: {candidate.occupation}',
      'Chi bộ: {cell.name}. Đảng bộ cơ sở: {grassroots.name}.',
      'Ngày nộp lý lịch: {biography.date}.',
    ),
    { kind: 'pageBreak' },
    ...title('LÝ LỊCH CỦA NGƯỜI XIN VÀO ĐẢNG'),
    ...fields(...BIOGRAPHY_ITEMS),
    ...paragraphs('Tôi cam đoan đã khai đầy đủ, rõ ràng và chịu trách nhiệm về những nội dung đã khai trong lý lịch.'),
    placeDateLine('{place}, {biography.dateWritten}'),
    signature({ title: 'NGƯỜI KHAI LÝ LỊCH', name: '{candidate.fullName}' }),
    ...fields('**25. Nhận xét của chi ủy (chi bộ)**', '**26. Chứng nhận của cấp ủy cơ sở**'),
  ],
};

/** 10-KNĐ: the probationer's self-review after the twelve months (HD06 §4). */
export const FORM_10_KND: FormDefinition = {
  id: '10-KND',
  code: '10-KNĐ',
  title: 'Bản tự kiểm điểm của đảng viên dự bị (mẫu 10-KNĐ)',
  available: recorded('PROBATION_ENDED'),
  handwritten: true,
  blocks: probationReview({
    placeDate: '{place}, {selfReview.dateWritten}',
    title: 'BẢN TỰ KIỂM ĐIỂM',
    subject: 'Của đảng viên dự bị',
    about: [
      'Họ và tên: **{candidate.fullName}**, sinh ngày {candidate.dateOfBirth}.',
      `Đảng viên dự bị, ${MEMBER_ADMISSION}.`,
      'Sinh hoạt tại {cell.name}, {grassroots.name}.',
      'Đã học lớp bồi dưỡng đảng viên mới, giấy chứng nhận số {newMemberClass.certificateNo}.',
    ],
    opening: 'Tôi tự kiểm điểm quá trình rèn luyện, phấn đấu trong thời kỳ dự bị như sau:',
    request: 'Tôi đề nghị chi bộ xem xét, đề nghị cấp ủy có thẩm quyền công nhận tôi là đảng viên chính thức.',
    signer: { title: 'NGƯỜI TỰ KIỂM ĐIỂM', name: '{candidate.fullName}' },
  }),
};

/** 11-KNĐ: the assessment of the probationer by the member assigned to help them (HD06 §4). */
export const FORM_11_KND: FormDefinition = {
  id: '11-KND',
  code: '11-KNĐ',
  title: 'Bản nhận xét đảng viên dự bị của đảng viên được phân công giúp đỡ (mẫu 11-KNĐ)',
  available: recorded('PROBATION_ENDED'),
  handwritten: true,
  blocks: probationReview({
    placeDate: '{place}, {helperAssessment.dateWritten}',
    title: 'BẢN NHẬN XÉT ĐẢNG VIÊN DỰ BỊ',
    subject: 'Của đảng viên được phân công giúp đỡ',
    about: [
      'Tôi là: **{ceremony.helperName}**, đảng viên {cell.name}, được chi bộ phân công giúp đỡ đảng viên dự bị **{candidate.fullName}** từ ngày {ceremony.date}.',
      `Đồng chí {candidate.fullName}, sinh ngày {candidate.dateOfBirth}, ${MEMBER_ADMISSION}.`,
    ],
    opening: 'Qua theo dõi, giúp đỡ trong thời kỳ dự bị, tôi nhận xét như sau:',
    request: 'Đề nghị chi bộ xem xét, đề nghị cấp ủy có thẩm quyền công nhận đồng chí {candidate.fullName} là đảng viên chính thức.',
    signer: { title: 'ĐẢNG VIÊN GIÚP ĐỠ', name: '{ceremony.helperName}' },
  }),
};
