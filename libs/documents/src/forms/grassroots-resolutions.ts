import { paragraphs } from '../template/layout';
import { FormDefinition, recorded } from './form';
import { CANDIDATE_IDENTITY, grassrootsResolution, MEMBER_ADMISSION, writingLines } from './parts';

/** 8-KNĐ: the grassroots committee's resolution proposing admission to the competent committee (HD06 §3.6c). */
export const FORM_8_KND: FormDefinition = {
  id: '8-KND',
  code: '8-KNĐ',
  title: 'Nghị quyết của đảng ủy cơ sở đề nghị kết nạp đảng viên (mẫu 8-KNĐ)',
  available: recorded('GRASSROOTS_VOTE_RECORDED'),
  blocks: grassrootsResolution({
    vote: 'grassrootsVote',
    subject: 'Đề nghị kết nạp đảng viên',
    opening: [
      'Ngày {grassrootsVote.date}, {grassroots.name} đã họp xét nghị quyết của {cell.name} (họp ngày {cellVote.date}) đề nghị kết nạp quần chúng **{candidate.fullName}** vào Đảng Cộng sản Việt Nam.',
      'Sau khi xem xét nghị quyết của chi bộ, báo cáo thẩm định của đảng ủy bộ phận (nếu có) và hồ sơ của người xin vào Đảng;',
    ],
    conclusions: [
      ...paragraphs(
        `1. Về lý lịch: quần chúng ${CANDIDATE_IDENTITY}; lý lịch đã được chứng nhận ngày {certification.date}.`,
        '2. Về phẩm chất chính trị, đạo đức, lối sống, năng lực công tác, quan hệ với quần chúng:',
      ),
      ...writingLines(1),
      ...paragraphs(
        '3. Đã học lớp bồi dưỡng nhận thức về Đảng (giấy chứng nhận số {certificate.no}); được {sponsors.names} và {introducing.body} giới thiệu; chi bộ tán thành {cellVote.inFavour}/{cellVote.voters} đồng chí, bằng {cellVote.percent}.',
      ),
    ],
    about: 'việc kết nạp quần chúng {candidate.fullName} vào Đảng',
    proposal: 'Đảng ủy đề nghị {admissionBody.name} xem xét, quyết định kết nạp quần chúng {candidate.fullName} vào Đảng Cộng sản Việt Nam.',
    to: '{admissionBody.name}',
  }),
};

/** 15-KNĐ: the grassroots committee's resolution proposing recognition as a full member (HD06 §4). */
export const FORM_15_KND: FormDefinition = {
  id: '15-KND',
  code: '15-KNĐ',
  title: 'Nghị quyết của đảng ủy cơ sở đề nghị công nhận đảng viên chính thức (mẫu 15-KNĐ)',
  available: recorded('RECOGNITION_GRASSROOTS_VOTE_RECORDED'),
  blocks: grassrootsResolution({
    vote: 'recognitionGrassrootsVote',
    subject: 'Đề nghị công nhận đảng viên chính thức',
    opening: [
      'Ngày {recognitionGrassrootsVote.date}, {grassroots.name} đã họp xét nghị quyết của {cell.name} (họp ngày {recognitionCellVote.date}) đề nghị công nhận đảng viên chính thức đối với đảng viên dự bị **{candidate.fullName}**.',
      'Sau khi xem xét nghị quyết của chi bộ, báo cáo thẩm định của đảng ủy bộ phận (nếu có), bản tự kiểm điểm của đảng viên dự bị, bản nhận xét của đảng viên giúp đỡ và tổng hợp ý kiến nhận xét của các đoàn thể, chi ủy nơi cư trú;',
    ],
    conclusions: [
      ...paragraphs(
        `1. Đồng chí {candidate.fullName}, sinh ngày {candidate.dateOfBirth}, ${MEMBER_ADMISSION}; đã học lớp bồi dưỡng đảng viên mới (giấy chứng nhận số {newMemberClass.certificateNo}).`,
        '2. Về việc thực hiện nhiệm vụ đảng viên trong thời kỳ dự bị:',
      ),
      ...writingLines(1),
      ...paragraphs(
        '3. Chi bộ biểu quyết ({recognitionCellVote.motion}): {recognitionCellVote.inFavour}/{recognitionCellVote.voters} đồng chí tán thành, bằng {recognitionCellVote.percent}.',
      ),
    ],
    about: 'nội dung biểu quyết ({recognitionGrassrootsVote.motion})',
    proposal: 'Đảng ủy đề nghị {recognitionBody.name} xem xét, quyết định: {recognitionGrassrootsVote.motion} đối với đồng chí {candidate.fullName}, kể từ ngày {probation.endOn}.',
    to: '{recognitionBody.name}',
  }),
};
