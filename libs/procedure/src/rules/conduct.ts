import { CaseFacts, grassrootsDecides } from '../machine/facts';
import { defineRule } from './rule';

/*
 * How a step was carried out, as its event records it (ADR 0016): who certified the biography, who verified it,
 * whether the cell voted on the candidate alone and without probationary members, which body decided, whether the
 * ceremony admitted the person alone, whether the candidate's religion is recognised by the State. Each field is
 * optional with the lawful value as its default, so histories recorded before it existed keep their meaning. The
 * engine refuses what is certainly unlawful at its step; the audit (libs/audit, A9, A11, A12, A14, A16, A26) flags
 * the same in imported histories, whose rules are waived.
 */

/** The bodies that may certify a biography (HD06 §3.3b; HD38 I.1.4 item 26). */
const COMPETENT_CERTIFIERS: readonly string[] = ['grassroots_committee', 'superior_committee'];

export const BIOGRAPHY_CERTIFIER_NOT_COMPETENT = defineRule({
  id: 'BIOGRAPHY_CERTIFIER_NOT_COMPETENT',
  source: 'HD06 §3.3b; HD38 I.1.4 item 26',
  descriptionEn: 'Only the grassroots committee (or the superior committee where there is none) certifies the biography.',
  descriptionVi: 'Chỉ đảng ủy cơ sở (hoặc cấp ủy cấp trên nơi không có đảng ủy cơ sở) được chứng nhận lý lịch người xin vào Đảng.',
  check: ({ event }) => {
    if (event.type !== 'BIOGRAPHY_CERTIFIED') return null;
    const by = event.certifiedBy ?? 'grassroots_committee';
    if (COMPETENT_CERTIFIERS.includes(by)) return null;
    return {
      message: `The biography was certified by ${by}; only the grassroots committee or the superior committee may certify it.`,
      messageVi: `Lý lịch phải do đảng ủy cơ sở hoặc cấp ủy cấp trên chứng nhận, không do ${by === 'cell_committee' ? 'chi ủy, chi bộ' : 'cơ quan, tổ chức khác'}.`,
      details: { certifiedBy: by },
    };
  },
});

export const VERIFICATION_BY_INTERESTED_PERSON = defineRule({
  id: 'VERIFICATION_BY_INTERESTED_PERSON',
  source: 'HD38 I.1.4 (note under item 23); HD06 §3.4',
  descriptionEn: 'The verification is carried out by the party committee or a member it appoints, never by the candidate or a relative.',
  descriptionVi: 'Việc thẩm tra lý lịch do cấp ủy hoặc đảng viên được phân công thực hiện, không giao cho người vào Đảng hoặc người thân của họ.',
  check: ({ event }) => {
    if (event.type !== 'VERIFICATION_REPLIED') return null;
    const by = event.verifiedBy ?? 'party_committee';
    if (by === 'party_committee') return null;
    return {
      message: `The verification was carried out by the ${by}; it must be carried out by the party committee or a member it appoints.`,
      messageVi: `Không được giao ${by === 'candidate' ? 'người vào Đảng' : 'người thân của người vào Đảng'} đi thẩm tra lý lịch.`,
      details: { verifiedBy: by },
    };
  },
});

export const VOTE_NOT_INDIVIDUAL = defineRule({
  id: 'VOTE_NOT_INDIVIDUAL',
  source: 'CH Art. 4(3)',
  descriptionEn: 'The cell considers and votes on each candidate separately, never several in one block.',
  descriptionVi: 'Chi bộ xét và biểu quyết đề nghị kết nạp từng người một, không biểu quyết gộp nhiều người.',
  check: ({ event }) => {
    if (event.type !== 'CELL_VOTE_RECORDED' || event.votedIndividually !== false) return null;
    return {
      message: 'Several candidates were voted on in one block; the cell votes on each candidate separately.',
      messageVi: `Chi bộ phải xét, biểu quyết riêng từng người, không biểu quyết gộp nhiều người một lần.`,
    };
  },
});

export const PROBATIONARY_MEMBERS_COUNTED = defineRule({
  id: 'PROBATIONARY_MEMBERS_COUNTED',
  source: 'CH Art. 3; QĐ294 §9.3.2',
  descriptionEn: 'Probationary members have no vote: they are counted neither among the voters nor among the votes.',
  descriptionVi: 'Đảng viên dự bị không có quyền biểu quyết: không tính vào số đảng viên và số phiếu biểu quyết.',
  check: ({ event }) => {
    if (event.type !== 'CELL_VOTE_RECORDED' && event.type !== 'RECOGNITION_CELL_VOTE_RECORDED') return null;
    const counted = event.probationaryCounted ?? 0;
    if (counted <= 0) return null;
    return {
      message: `${counted} probationary member(s) were counted in the vote; probationers have no vote.`,
      messageVi: `Đã tính ${counted} đảng viên dự bị vào biểu quyết; đảng viên dự bị không có quyền biểu quyết.`,
      details: { probationaryCounted: counted },
    };
  },
});

export const DECISION_BODY_NOT_COMPETENT = defineRule({
  id: 'DECISION_BODY_NOT_COMPETENT',
  source: 'QĐ294 §4.3.2, §22.1; HD06 §3.7',
  descriptionEn: 'A grassroots committee decides admission or recognition only when authorised to admit; otherwise the competent standing committee decides.',
  descriptionVi: 'Đảng ủy cơ sở chỉ quyết định kết nạp, công nhận đảng viên chính thức khi được ủy quyền; nếu không, ban thường vụ cấp ủy có thẩm quyền quyết định.',
  check: ({ event, env }) => {
    if (event.type !== 'ADMISSION_DECIDED' && event.type !== 'RECOGNITION_DECIDED') return null;
    if ((event.decidedBy ?? 'competent_committee') !== 'grassroots_committee' || grassrootsDecides(env)) return null;
    return {
      message: 'The decision was adopted by a grassroots committee that is not authorised to admit.',
      messageVi: `Đảng ủy cơ sở không được ủy quyền kết nạp nên không được ra quyết định này; quyết định thuộc ban thường vụ cấp ủy có thẩm quyền.`,
      details: { decidedBy: 'grassroots_committee', authorisedToAdmit: env.organisation.authorisedToAdmit },
    };
  },
});

export const CEREMONY_NOT_INDIVIDUAL = defineRule({
  id: 'CEREMONY_NOT_INDIVIDUAL',
  source: 'HD06 §3.8',
  descriptionEn: 'The ceremony admits each person separately.',
  descriptionVi: 'Lễ kết nạp phải kết nạp riêng từng người.',
  check: ({ event }) => {
    if (event.type !== 'CEREMONY_HELD' || event.individually !== false) return null;
    return {
      message: 'Several people were admitted together; the ceremony admits each person separately.',
      messageVi: `Lễ kết nạp phải tổ chức kết nạp riêng từng người.`,
    };
  },
});

/** A religion is recorded and marked as not recognised by the State (the flag's default is recognised). */
export function religionNotRecognised(facts: CaseFacts): boolean {
  const religion = facts.candidate.religion;
  return typeof religion === 'string' && religion.trim() !== '' && facts.candidate.religionRecognised === false;
}

export const RELIGION_NOT_RECOGNISED = defineRule({
  id: 'RELIGION_NOT_RECOGNISED',
  source: 'HD06 §6.1',
  descriptionEn: 'A religious follower may be admitted only from a religion recognised by the State.',
  descriptionVi: 'Chỉ xem xét kết nạp người theo tôn giáo được Nhà nước công nhận.',
  check: ({ facts }) => {
    if (!religionNotRecognised(facts)) return null;
    return {
      message: `The candidate's religion (${facts.candidate.religion}) is not recognised by the State.`,
      messageVi: `Người vào Đảng theo tôn giáo chưa được Nhà nước công nhận (${facts.candidate.religion}) nên không được xem xét kết nạp.`,
      details: { religion: facts.candidate.religion },
    };
  },
});
