import { paragraphs } from '../template/layout';
import { FormDefinition, passed } from './form';
import { appraisal, CANDIDATE_IDENTITY, cellVoteOutcome, MEMBER_ADMISSION, writingLines } from './parts';

/** 7-KNĐ: the partial committee's appraisal of the cell's resolution proposing admission (HD06 §3.6b). */
export const FORM_7_KND: FormDefinition = {
  id: '7-KND',
  code: '7-KNĐ',
  title: 'Báo cáo thẩm định của đảng ủy bộ phận đối với nghị quyết đề nghị kết nạp đảng viên (mẫu 7-KNĐ)',
  available: passed('CELL_VOTE_RECORDED'),
  blocks: appraisal({
    subject: 'Thẩm định nghị quyết của chi bộ đề nghị kết nạp đảng viên',
    opening: `Căn cứ nghị quyết của {cell.name} họp ngày {cellVote.date} đề nghị kết nạp quần chúng **{candidate.fullName}** vào Đảng; quần chúng ${CANDIDATE_IDENTITY}.`,
    findings: [
      ...paragraphs(
        '1. Về hồ sơ: đơn xin vào Đảng ngày {application.date}; lý lịch của người xin vào Đảng, được chứng nhận ngày {certification.date}; giấy giới thiệu của {sponsors.names}; nghị quyết giới thiệu của {introducing.body} số {introducing.resolutionNo}; tổng hợp ý kiến nhận xét ngày {opinions.date}; giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng số {certificate.no} cấp ngày {certificate.issuedOn}.',
        '2. Về tiêu chuẩn, điều kiện của người vào Đảng:',
      ),
      ...writingLines(1),
      ...paragraphs(
        `3. Về kết quả biểu quyết của chi bộ: ${cellVoteOutcome('cellVote')}`,
      ),
    ],
    proposal: 'Đảng ủy bộ phận đề nghị {grassroots.name} xem xét, đề nghị cấp ủy có thẩm quyền quyết định kết nạp quần chúng {candidate.fullName} vào Đảng Cộng sản Việt Nam.',
  }),
};

/** 14-KNĐ: the partial committee's appraisal of the cell's resolution on recognition (HD06 §4). */
export const FORM_14_KND: FormDefinition = {
  id: '14-KND',
  code: '14-KNĐ',
  title: 'Báo cáo thẩm định của đảng ủy bộ phận đối với nghị quyết đề nghị công nhận đảng viên chính thức (mẫu 14-KNĐ)',
  available: passed('RECOGNITION_CELL_VOTE_RECORDED'),
  blocks: appraisal({
    subject: 'Thẩm định nghị quyết của chi bộ đề nghị công nhận đảng viên chính thức',
    opening: `Căn cứ nghị quyết của {cell.name} họp ngày {recognitionCellVote.date} về việc xét công nhận đảng viên chính thức đối với đảng viên dự bị **{candidate.fullName}**, sinh ngày {candidate.dateOfBirth}, ${MEMBER_ADMISSION}.`,
    findings: [
      ...paragraphs(
        '1. Về hồ sơ: bản tự kiểm điểm ngày {selfReview.date}; bản nhận xét của đảng viên giúp đỡ {ceremony.helperName} ngày {helperAssessment.date}; tổng hợp ý kiến nhận xét ngày {recognitionOpinions.date}; giấy chứng nhận lớp bồi dưỡng đảng viên mới số {newMemberClass.certificateNo}.',
        '2. Về việc thực hiện nhiệm vụ đảng viên trong thời kỳ dự bị:',
      ),
      ...writingLines(1),
      ...paragraphs(
        `3. Về kết quả biểu quyết của chi bộ ({recognitionCellVote.motion}): ${cellVoteOutcome('recognitionCellVote')}`,
      ),
    ],
    proposal: 'Đảng ủy bộ phận đề nghị {grassroots.name} xem xét, đề nghị cấp ủy có thẩm quyền quyết định: {recognitionCellVote.motion} đối với đồng chí {candidate.fullName}.',
  }),
};
