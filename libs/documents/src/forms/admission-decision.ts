import { FormDefinition, passed } from './form';
import { competentDecision } from './parts';

/** 9-KNĐ: the admission decision of the competent committee (QĐ294 §4.3; HD06 §3.7). Only a decision that admits. */
export const FORM_9_KND: FormDefinition = {
  id: '9-KND',
  code: '9-KNĐ',
  title: 'Quyết định kết nạp đảng viên (mẫu 9-KNĐ)',
  available: passed('ADMISSION_DECIDED'),
  blocks: competentDecision({
    body: 'admissionBody',
    decision: 'decision',
    subject: 'Kết nạp đảng viên',
    articles: [
      'Kết nạp quần chúng **{candidate.fullName}**, sinh ngày {candidate.dateOfBirth}, dân tộc {candidate.ethnicity}, tôn giáo: {candidate.religion}, nghề nghiệp: {candidate.occupation}, vào Đảng Cộng sản Việt Nam.',
      'Thời gian dự bị của đảng viên là 12 tháng, kể từ ngày chi bộ tổ chức lễ kết nạp.',
    ],
  }),
};
