import { FormDefinition, recorded } from './form';
import { MEMBER_ADMISSION, opinionsSummary } from './parts';

/** 5-KNĐ: the summary of the organisations' and the residence cell's opinions on the candidate (HD06 §3.5). */
export const FORM_5_KND: FormDefinition = {
  id: '5-KND',
  code: '5-KNĐ',
  title: 'Tổng hợp ý kiến nhận xét của đoàn thể chính trị - xã hội và chi ủy nơi cư trú đối với người xin vào Đảng (mẫu 5-KNĐ)',
  available: recorded('OPINIONS_RECORDED'),
  blocks: opinionsSummary({
    step: 'opinions',
    subject: 'Tổng hợp ý kiến nhận xét của đoàn thể chính trị - xã hội và chi ủy nơi cư trú đối với người xin vào Đảng',
    opening:
      'Thực hiện Hướng dẫn của Trung ương về thi hành Điều lệ Đảng, chi ủy đã lấy ý kiến nhận xét của {opinions.organisations} đối với quần chúng **{candidate.fullName}**, sinh ngày {candidate.dateOfBirth}, nghề nghiệp: {candidate.occupation}. Có ý kiến nhận xét của chi ủy nơi cư trú: {opinions.residenceCell}. Kết quả như sau:',
  }),
};

/** 12-KNĐ: the same summary about the probationer, before the recognition vote (HD06 §4). */
export const FORM_12_KND: FormDefinition = {
  id: '12-KND',
  code: '12-KNĐ',
  title: 'Tổng hợp ý kiến nhận xét của đoàn thể chính trị - xã hội và chi ủy nơi cư trú đối với đảng viên dự bị (mẫu 12-KNĐ)',
  available: recorded('RECOGNITION_OPINIONS_RECORDED'),
  blocks: opinionsSummary({
    step: 'recognitionOpinions',
    subject: 'Tổng hợp ý kiến nhận xét của đoàn thể chính trị - xã hội và chi ủy nơi cư trú đối với đảng viên dự bị',
    opening: `Thực hiện Hướng dẫn của Trung ương về thi hành Điều lệ Đảng, chi ủy đã lấy ý kiến nhận xét của các đoàn thể chính trị - xã hội nơi đảng viên sinh hoạt và của chi ủy nơi cư trú đối với đảng viên dự bị **{candidate.fullName}**, sinh ngày {candidate.dateOfBirth}, ${MEMBER_ADMISSION}. Kết quả như sau:`,
  }),
};
