import { BusinessDate } from '../model/dates';
import { OrganisationFacts } from '../model/engine';
import { addMonths } from '../calendar/business-date';
import { ruleSetFor } from '../versions/rule-sets';
import { CaseFacts, VerificationRecord } from '../machine/facts';
import { INTRODUCING_BODY_LABELS, VERIFICATION_SCOPE_LABELS } from '../schema/events.schema';
import { defineRule, RuleInput, viDate } from './rule';
import { requiredMassOrganisation, youthAgeOn } from './mass-organisations';

// ---- predicates shared by the rules and the dossier's automatic progress -----------------------------------

export function pendingVerifications(facts: CaseFacts): string[] {
  return Object.values(facts.verifications)
    .filter((v) => v.repliedOn === null)
    .map((v) => v.requestId);
}

/** Youth age (CH Art. 4(1), Hà Nội reading HN02: at most 30 full years): the one helper of rules/mass-organisations. */
export function isOfYouthAge(facts: CaseFacts, on: BusinessDate): boolean {
  return youthAgeOn(facts.candidate.dateOfBirth, on, facts.ruleProfile).youth;
}

/** A verification request as a clerk finds it in the dossier: its number, date, where and whom it concerns. */
export function verificationVi(v: VerificationRecord): string {
  const scope = VERIFICATION_SCOPE_LABELS[v.scope]?.vi.toLowerCase() ?? '';
  return `công văn đề nghị thẩm tra số «${v.requestId}» gửi ngày ${viDate(v.requestedOn)} (${scope ? `${scope}; ` : ''}người được thẩm tra: ${v.subject})`;
}

const resolutionVi = (resolution: CaseFacts['introducingResolution']): string =>
  resolution ? `nghị quyết giới thiệu của ${INTRODUCING_BODY_LABELS[resolution.body].vi}` : 'chưa có nghị quyết giới thiệu';

export function introducingResolutionValid(facts: CaseFacts): boolean {
  const r = facts.introducingResolution;
  if (!r) return false;
  return r.body === 'youth_union' ? facts.candidate.youthUnionMember : facts.candidate.tradeUnionMember;
}

/**
 * Returns what the introducers lack on `on`, or null when complete (CH Art. 4(1); QĐ294 §3.1; ADR 0014). A candidate of
 * youth age is introduced by the Youth Union's resolution and one sponsor where the unit has a Youth Union and the
 * candidate is a member; where the unit has no Youth Union but a trade union, a trade-union member of youth age by the
 * trade union's resolution and one sponsor. Otherwise two sponsors, or one and an introducing resolution.
 * `organisation` absent: the unit has both (the reading before the flags existed).
 */
export function introducersProblem(
  facts: CaseFacts,
  on: BusinessDate,
  organisation?: OrganisationFacts,
): { en: string; vi: string; requirement: string } | null {
  const sponsors = facts.sponsors.length;
  const resolution = introducingResolutionValid(facts) ? facts.introducingResolution : null;
  const unitBody = requiredMassOrganisation(organisation);
  if (unitBody === 'trade_union' && facts.candidate.tradeUnionMember && isOfYouthAge(facts, on)) {
    if (resolution?.body === 'trade_union' && sponsors >= 1) return null;
    return {
      requirement: 'trade_union_resolution_and_one_sponsor',
      en: `In a unit without a Youth Union, a trade-union member of youth age needs a trade-union introducing resolution and one sponsor (recorded: ${sponsors} sponsor(s), resolution ${resolution?.body ?? 'none'}).`,
      vi: `Ở đơn vị không có tổ chức Đoàn Thanh niên, đoàn viên công đoàn trong độ tuổi thanh niên cần nghị quyết giới thiệu của ban chấp hành công đoàn cơ sở và một đảng viên chính thức giới thiệu (đã có: ${sponsors} người giới thiệu; ${resolution?.body === 'trade_union' ? 'đã có nghị quyết của công đoàn' : 'chưa có nghị quyết của công đoàn'}).`,
    };
  }
  if (unitBody === 'youth_union' && facts.candidate.youthUnionMember && isOfYouthAge(facts, on)) {
    if (resolution?.body === 'youth_union' && sponsors >= 1) return null;
    return {
      requirement: 'youth_union_resolution_and_one_sponsor',
      en: `A Youth Union member of youth age needs a Youth Union introducing resolution and one sponsor (recorded: ${sponsors} sponsor(s), resolution ${resolution?.body ?? 'none'}).`,
      vi: `Đoàn viên trong độ tuổi thanh niên cần nghị quyết giới thiệu của Đoàn và một đảng viên chính thức giới thiệu (đã có: ${sponsors} đảng viên giới thiệu, ${resolutionVi(resolution)})`,
    };
  }
  if (sponsors >= 2 || (sponsors >= 1 && resolution)) return null;
  return {
    requirement: 'two_sponsors_or_sponsor_and_resolution',
    en: `Two sponsors, or one sponsor and an introducing resolution, are required (recorded: ${sponsors} sponsor(s), resolution ${resolution?.body ?? 'none'}).`,
    vi: `Cần hai đảng viên chính thức giới thiệu, hoặc một đảng viên và nghị quyết giới thiệu của đoàn thể (đã có: ${sponsors} đảng viên giới thiệu, ${resolutionVi(resolution)})`,
  };
}

export function opinionsProblem(facts: CaseFacts): { en: string; vi: string } | null {
  const o = facts.opinions;
  if (!o || !o.residenceCell) {
    return { en: 'The opinion of the residence-area cell is missing.', vi: 'Thiếu ý kiến nhận xét của chi ủy, chi bộ nơi cư trú.' };
  }
  const needsOrganisation = facts.candidate.youthUnionMember || facts.candidate.tradeUnionMember;
  if (needsOrganisation && o.organisations.length === 0) {
    return {
      en: 'The opinion of the political-social organisation(s) the candidate belongs to is missing.',
      vi: 'Thiếu ý kiến nhận xét của đoàn thể chính trị - xã hội nơi người vào Đảng sinh hoạt.',
    };
  }
  return null;
}

/** Date used to judge completeness: the cell meeting when one is being recorded, else the latest step. */
const judgedOn = ({ event, facts }: RuleInput): BusinessDate => (event.type === 'CELL_VOTE_RECORDED' ? event.occurredOn : facts.lastStepOn);

// ---- rules -------------------------------------------------------------------------------------------------

export const APPLICATION_MISSING = defineRule({
  id: 'APPLICATION_MISSING',
  source: 'CH Art. 4(1); HD06 §3.2',
  descriptionEn: 'The handwritten application (form 1-KNĐ) must be filed before the cell votes.',
  descriptionVi: 'Phải có đơn xin vào Đảng tự viết tay (mẫu 1-KNĐ) trước khi chi bộ xét.',
  check: ({ facts }) =>
    facts.applicationFiledOn ? null : { message: 'The application is not filed.', messageVi: 'Chưa có đơn xin vào Đảng.' },
});

export const BIOGRAPHY_NOT_CERTIFIED = defineRule({
  id: 'BIOGRAPHY_NOT_CERTIFIED',
  source: 'HD06 §3.3b, §3.4; HD38 I.1.4 item 26',
  descriptionEn: 'The biography must be verified and certified by the grassroots (or superior) committee before the cell votes.',
  descriptionVi: 'Lý lịch người xin vào Đảng phải được thẩm tra, kết luận và cấp ủy cơ sở (hoặc cấp trên) chứng nhận trước khi chi bộ xét.',
  check: ({ facts }) =>
    facts.biographyCertifiedOn
      ? null
      : {
          message: facts.biographyFiledOn ? 'The biography is filed but not certified.' : 'The biography is not filed.',
          messageVi: facts.biographyFiledOn ? 'Lý lịch đã nộp nhưng chưa được cấp ủy chứng nhận.' : 'Chưa nộp lý lịch người xin vào Đảng.',
        },
});

export const VERIFICATION_PENDING = defineRule({
  id: 'VERIFICATION_PENDING',
  source: 'HD06 §3.4',
  descriptionEn: 'Every requested verification must have its reply before the biography is certified and before the cell votes.',
  descriptionVi: 'Mọi yêu cầu thẩm tra lý lịch phải có trả lời trước khi chứng nhận lý lịch và trước khi chi bộ xét.',
  check: ({ facts }) => {
    const pending = pendingVerifications(facts);
    return pending.length
      ? {
          message: `Verification replies outstanding: ${pending.join(', ')}.`,
          messageVi: `Còn yêu cầu thẩm tra lý lịch chưa có kết quả trả lời: ${pending.map((id) => verificationVi(facts.verifications[id])).join('; ')}`,
          details: { pending },
        }
      : null;
  },
});

export const INTRODUCERS_INCOMPLETE = defineRule({
  id: 'INTRODUCERS_INCOMPLETE',
  source: 'CH Art. 4(1); QĐ294 §3.1',
  descriptionEn: 'Two sponsoring full members, or one and an introducing resolution; a Youth Union member of youth age (≤ 30) in a unit with a Youth Union needs a Youth Union resolution and one sponsor; in a unit with no Youth Union but a trade union, a trade-union member of youth age needs a trade-union resolution and one sponsor.',
  descriptionVi: 'Cần hai đảng viên chính thức giới thiệu, hoặc một đảng viên và nghị quyết giới thiệu của đoàn thể; đoàn viên trong độ tuổi thanh niên (đến 30 tuổi) ở đơn vị có tổ chức Đoàn cần nghị quyết của Đoàn và một đảng viên chính thức; ở đơn vị không có tổ chức Đoàn mà có công đoàn, đoàn viên công đoàn trong độ tuổi thanh niên cần nghị quyết của công đoàn và một đảng viên chính thức.',
  check: (input) => {
    const p = introducersProblem(input.facts, judgedOn(input), input.env.organisation);
    return p ? { message: p.en, messageVi: p.vi, details: { requirement: p.requirement } } : null;
  },
});

export const OPINIONS_MISSING = defineRule({
  id: 'OPINIONS_MISSING',
  source: 'CH Art. 4(3); HD06 §3.5',
  descriptionEn: 'Written opinions of the residence-area cell and of the political-social organisations the candidate belongs to.',
  descriptionVi: 'Phải có ý kiến nhận xét của chi ủy nơi cư trú và của đoàn thể chính trị - xã hội nơi người vào Đảng sinh hoạt.',
  check: ({ facts }) => {
    const p = opinionsProblem(facts);
    return p ? { message: p.en, messageVi: p.vi } : null;
  },
});

export const VERIFICATION_REQUEST_DUPLICATE = defineRule({
  id: 'VERIFICATION_REQUEST_DUPLICATE',
  source: 'HD06 §3.4d (one reply per request)',
  descriptionEn: 'A verification requestId may be used once per case.',
  descriptionVi: 'Mỗi số công văn đề nghị thẩm tra chỉ được ghi nhận một lần trong một hồ sơ.',
  check: ({ event, facts }) =>
    event.type === 'VERIFICATION_REQUESTED' && facts.verifications[event.requestId]
      ? {
          message: `Verification request ${event.requestId} already exists.`,
          messageVi: `Hồ sơ đã có ${verificationVi(facts.verifications[event.requestId])}; mỗi số công văn chỉ được ghi nhận một lần`,
        }
      : null,
});

export const VERIFICATION_REQUEST_UNKNOWN = defineRule({
  id: 'VERIFICATION_REQUEST_UNKNOWN',
  source: 'HD06 §3.4d',
  descriptionEn: 'A reply must answer an open verification request of the case.',
  descriptionVi: 'Trả lời thẩm tra phải ứng với một yêu cầu thẩm tra đang chờ của hồ sơ.',
  check: ({ event, facts }) => {
    if (event.type !== 'VERIFICATION_REPLIED') return null;
    const v = facts.verifications[event.requestId];
    if (v && v.repliedOn === null) return null;
    return {
      message: v ? `Verification request ${event.requestId} was already answered.` : `No verification request ${event.requestId}.`,
      messageVi: v
        ? `${verificationVi(v).replace(/^c/, 'C')} đã có kết quả trả lời ngày ${viDate(v.repliedOn ?? '')}`
        : `Hồ sơ không có công văn đề nghị thẩm tra số «${event.requestId}»; kết quả thẩm tra phải ứng với một yêu cầu thẩm tra đã gửi`,
    };
  },
});

// ---- sponsors --------------------------------------------------------------------------------------------------

export const SPONSOR_NOT_FULL_MEMBER = defineRule({
  id: 'SPONSOR_NOT_FULL_MEMBER',
  source: 'CH Art. 4(2); QĐ294 §3.2.1',
  descriptionEn: 'A sponsor must be a full member on the day the introduction is made.',
  descriptionVi: 'Người giới thiệu phải là đảng viên chính thức tại thời điểm giới thiệu.',
  check: ({ event }) => {
    if (event.type !== 'SPONSOR_ADDED') return null;
    const since = event.sponsor.fullMemberSince;
    if (since && since <= event.occurredOn) return null;
    return {
      message: since ? `The sponsor becomes a full member only on ${since}.` : 'The sponsor is not a full member.',
      messageVi: since
        ? `Đảng viên giới thiệu ${event.sponsor.name} đến ngày ${viDate(since)} mới là đảng viên chính thức, sau ngày giới thiệu ${viDate(event.occurredOn)}`
        : `Người giới thiệu ${event.sponsor.name} chưa là đảng viên chính thức`,
      details: { fullMemberSince: since ?? null },
    };
  },
});

export const SPONSOR_TOGETHER_UNDER_12_MONTHS = defineRule({
  id: 'SPONSOR_TOGETHER_UNDER_12_MONTHS',
  source: 'CH Art. 4(2); QĐ294 §3.2.1–3.2.2',
  descriptionEn: 'A sponsor must have worked, studied or lived with the candidate for at least 12 months (the anniversary passes); a replacement sponsor is exempt.',
  descriptionVi: 'Người giới thiệu phải cùng công tác, học tập hoặc cư trú với người vào Đảng ít nhất 12 tháng (đủ tròn 12 tháng là hợp lệ); người được phân công giới thiệu thay thế không áp dụng điều kiện này.',
  check: ({ event, facts }) => {
    if (event.type !== 'SPONSOR_ADDED' || event.sponsor.replacement) return null;
    const from = addMonths(event.sponsor.togetherSince, ruleSetFor(event.occurredOn, facts.ruleProfile).sponsorTogetherMonths);
    return event.occurredOn < from
      ? {
          message: `Together since ${event.sponsor.togetherSince}: 12 months are reached only on ${from}.`,
          messageVi: `Người giới thiệu ${event.sponsor.name} cùng công tác, học tập hoặc cư trú với người vào Đảng từ ngày ${viDate(event.sponsor.togetherSince)}: đến ngày ${viDate(from)} mới đủ 12 tháng`,
          details: { togetherSince: event.sponsor.togetherSince, qualifiesOn: from },
        }
      : null;
  },
});

export const INTRODUCING_BODY_MEMBERSHIP = defineRule({
  id: 'INTRODUCING_BODY_MEMBERSHIP',
  source: 'CH Art. 4(1); QĐ294 §3.1',
  descriptionEn: 'A Youth Union resolution introduces only a Youth Union member; a trade-union resolution only a trade-union member.',
  descriptionVi: 'Nghị quyết giới thiệu của Đoàn chỉ dành cho đoàn viên; nghị quyết của công đoàn chỉ dành cho đoàn viên công đoàn.',
  check: ({ event, facts }) => {
    if (event.type !== 'INTRODUCING_RESOLUTION_RECORDED') return null;
    const member = event.body === 'youth_union' ? facts.candidate.youthUnionMember : facts.candidate.tradeUnionMember;
    return member
      ? null
      : {
          message: `The candidate is not a member of the introducing body (${event.body}).`,
          messageVi: `Người vào Đảng không phải là thành viên của tổ chức giới thiệu (${INTRODUCING_BODY_LABELS[event.body]?.vi ?? 'tổ chức này'})`,
        };
  },
});
