import { FormDefinition, passedWith } from './form';
import { competentDecision } from './parts';

/** 16-KNĐ: the competent committee's decision recognising a full member (CH Art. 5; QĐ294 §4.3). Only one that recognises. */
export const FORM_16_KND: FormDefinition = {
  id: '16-KND',
  code: '16-KNĐ',
  title: 'Quyết định công nhận đảng viên chính thức (mẫu 16-KNĐ)',
  available: passedWith('RECOGNITION_DECIDED', 'recognise'),
  blocks: competentDecision({
    body: 'recognitionBody',
    decision: 'recognitionDecision',
    subject: 'Công nhận đảng viên chính thức',
    articles: [
      'Công nhận đồng chí **{candidate.fullName}**, sinh ngày {candidate.dateOfBirth}, được kết nạp vào Đảng theo Quyết định số {decision.no} ngày {membership.admissionDecisionOn}, là đảng viên chính thức kể từ ngày {membership.fullMemberSince}.',
    ],
  }),
};
