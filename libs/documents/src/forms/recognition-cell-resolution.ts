import { paragraphs } from '../template/layout';
import { FormDefinition, recorded } from './form';
import { cellResolution, cellVoteParagraphs, MEMBER_ADMISSION, writingLines } from './parts';

/** 13-KNĐ: the cell's resolution on recognising the probationer as a full member (CH Art. 5; HD06 §4). */
export const FORM_13_KND: FormDefinition = {
  id: '13-KND',
  code: '13-KNĐ',
  title: 'Nghị quyết của chi bộ đề nghị công nhận đảng viên chính thức (mẫu 13-KNĐ)',
  available: recorded('RECOGNITION_CELL_VOTE_RECORDED'),
  blocks: cellResolution('recognitionCellVote', 'Đề nghị công nhận đảng viên chính thức', [
    ...paragraphs(
      `Ngày {recognitionCellVote.date}, {cell.name} đã họp xét công nhận đảng viên chính thức đối với đảng viên dự bị **{candidate.fullName}**, sinh ngày {candidate.dateOfBirth}, ${MEMBER_ADMISSION}.`,
      'Sau khi nghiên cứu bản tự kiểm điểm của đảng viên dự bị, bản nhận xét của đảng viên {ceremony.helperName} được phân công giúp đỡ, tổng hợp ý kiến nhận xét của các đoàn thể chính trị - xã hội và chi ủy nơi cư trú, chi bộ thảo luận và kết luận:',
      '1. Ưu điểm, khuyết điểm chính về phẩm chất chính trị, đạo đức, lối sống, năng lực công tác, việc thực hiện nhiệm vụ đảng viên trong thời kỳ dự bị:',
    ),
    ...writingLines(1),
    ...paragraphs(
      '2. Đã học lớp bồi dưỡng đảng viên mới, giấy chứng nhận số {newMemberClass.certificateNo}.',
      'Chi bộ biểu quyết: **{recognitionCellVote.motion}** đối với đồng chí {candidate.fullName}.',
    ),
    ...cellVoteParagraphs('recognitionCellVote', 'nội dung trên', 'Điều 5 Điều lệ Đảng'),
    ...paragraphs('Đề nghị {grassroots.name} xem xét, đề nghị cấp ủy có thẩm quyền quyết định: {recognitionCellVote.motion} đối với đồng chí {candidate.fullName}.'),
  ]),
};
