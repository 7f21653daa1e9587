import { letterhead, paragraphs, signature, title } from '../template/layout';
import { FormDefinition, passed } from './form';

/** 9-KNĐ: the admission decision of the competent committee (QĐ294 §4.3; HD06 §3.7). Only a decision that admits. */
export const FORM_9_KND: FormDefinition = {
  id: '9-KND',
  code: '9-KNĐ',
  title: 'Quyết định kết nạp đảng viên (mẫu 9-KNĐ)',
  available: passed('ADMISSION_DECIDED'),
  blocks: [
    letterhead({ above: '{admissionBodyParent.partyUpper}', issuer: '{admissionBody.nameUpper}', number: 'Số: {decision.no}', placeDate: '{place}, {decision.dateWritten}' }),
    ...title('QUYẾT ĐỊNH', 'Kết nạp đảng viên'),
    ...paragraphs(
      '- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
      '- Căn cứ Quy định, Hướng dẫn của Trung ương về thi hành Điều lệ Đảng;',
      '- Xét đề nghị của {cell.name} và {grassroots.name};',
      '- Xét đề nghị của Ban Tổ chức; Ban Thường vụ họp ngày {decision.date}, số ủy viên tán thành {decision.inFavour}/{decision.members} đồng chí, bằng {decision.percent};',
    ),
    { kind: 'line', text: '**{admissionBody.nameUpper} QUYẾT ĐỊNH**', align: 'center', spaceBefore: 10 },
    ...paragraphs(
      '**Điều 1.** Kết nạp quần chúng **{candidate.fullName}**, sinh ngày {candidate.dateOfBirth}, dân tộc {candidate.ethnicity}, tôn giáo: {candidate.religion}, nghề nghiệp: {candidate.occupation}, vào Đảng Cộng sản Việt Nam.',
      '**Điều 2.** Thời gian dự bị của đảng viên là 12 tháng, kể từ ngày chi bộ tổ chức lễ kết nạp.',
      '**Điều 3.** {cell.name}, {grassroots.name} và đồng chí {candidate.fullName} chịu trách nhiệm thi hành Quyết định này.',
    ),
    signature({
      onBehalf: 'T/M BAN THƯỜNG VỤ',
      title: '{decision.signerTitleUpper}',
      name: '{decision.signerName}',
      recipients: ['Như Điều 3,', 'Lưu hồ sơ đảng viên,', 'Lưu văn phòng cấp ủy.'],
    }),
  ],
};
