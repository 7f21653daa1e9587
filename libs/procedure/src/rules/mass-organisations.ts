import { BusinessDate } from '../model/dates';
import { OrganisationFacts } from '../model/engine';
import { addMonths, completedMonths } from '../calendar/business-date';
import { ruleSetFor } from '../versions/rule-sets';
import { defineRule, RuleFinding, RuleInput, viDate } from './rule';

/**
 * E7 — the mass organisations of the candidate's unit (CH Art. 4(1); QĐ294 §3.1; procedure doc §3.7, §4 E7; ADR 0014).
 * A candidate of youth age must be a Youth Union member where the unit has a Youth Union organisation; where it has
 * none but has a trade union, a trade-union member; where it has neither, nothing is required.
 */

/** The unit has a Youth Union organisation. A flag that is absent (callers and data from before it) reads as true. */
export const unitHasYouthUnion = (organisation: OrganisationFacts | undefined): boolean => organisation?.hasYouthUnion !== false;

/** The unit has a trade-union organisation. Absent reads as true. */
export const unitHasTradeUnion = (organisation: OrganisationFacts | undefined): boolean => organisation?.hasTradeUnion !== false;

export interface YouthAge {
  /** Of youth age on the date: at most `maxYears` full years. */
  youth: boolean;
  /** Full years and the completed months beyond them on the date. */
  years: number;
  months: number;
  maxYears: number;
  /** The first day beyond youth age: the (maxYears + 1)th birthday. */
  endsOn: BusinessDate;
}

/**
 * Youth age on `on` (CH Art. 4(1) "trong độ tuổi thanh niên"; the reading of HN02 the procedure doc recommends, §9.8):
 * at most `youthAgeMaxYears` full years (30) in the rule set in force on `on` — the cell meeting date when the cell
 * votes. Up to the day before the 31st birthday the candidate is of youth age; from that birthday not.
 */
export function youthAgeOn(dateOfBirth: BusinessDate, on: BusinessDate, ruleProfile?: string): YouthAge {
  const maxYears = ruleSetFor(on, ruleProfile).youthAgeMaxYears;
  const total = completedMonths(dateOfBirth, on);
  return {
    youth: total < (maxYears + 1) * 12,
    years: Math.floor(total / 12),
    months: total % 12,
    maxYears,
    endsOn: addMonths(dateOfBirth, (maxYears + 1) * 12),
  };
}

/** Which mass organisation a candidate of youth age must belong to in this unit, or null when none is required. */
export function requiredMassOrganisation(organisation: OrganisationFacts | undefined): 'youth_union' | 'trade_union' | null {
  if (unitHasYouthUnion(organisation)) return 'youth_union';
  if (unitHasTradeUnion(organisation)) return 'trade_union';
  return null;
}

function ageVi(age: YouthAge): string {
  return age.months === 0 ? `đủ ${age.years} tuổi` : `${age.years} tuổi ${age.months} tháng`;
}

function youthSentence(on: BusinessDate, age: YouthAge): string {
  return (
    `Tại ngày chi bộ họp xét kết nạp ${viDate(on)}, người vào Đảng ${ageVi(age)}, còn trong độ tuổi thanh niên ` +
    `(đến ${age.maxYears} tuổi, tức chưa đủ ${age.maxYears + 1} tuổi; người vào Đảng đủ ${age.maxYears + 1} tuổi vào ngày ${viDate(age.endsOn)})`
  );
}

/** The finding when the candidate is of youth age on the vote date, lacks `body`'s membership and the unit requires it. */
function membershipFinding(input: RuleInput, body: 'youth_union' | 'trade_union'): RuleFinding | null {
  const { event, facts, env } = input;
  if (event.type !== 'CELL_VOTE_RECORDED') return null;
  if (requiredMassOrganisation(env.organisation) !== body) return null;
  const member = body === 'youth_union' ? facts.candidate.youthUnionMember : facts.candidate.tradeUnionMember;
  if (member) return null;
  const on = event.occurredOn;
  const age = youthAgeOn(facts.candidate.dateOfBirth, on, facts.ruleProfile);
  if (!age.youth) return null;
  const details = { ageYears: age.years, ageMonths: age.months, youthAgeMaxYears: age.maxYears, youthAgeEndsOn: age.endsOn, requiredMembership: body };
  const ageEn = `${age.years} years ${age.months} months old on ${on} (youth age: at most ${age.maxYears} full years, until ${age.endsOn})`;
  return body === 'youth_union'
    ? {
        message: `The candidate is ${ageEn} and the unit has a Youth Union organisation: the candidate must be a Youth Union member.`,
        messageVi: `${youthSentence(on, age)}. Đơn vị có tổ chức Đoàn Thanh niên Cộng sản Hồ Chí Minh, nên người vào Đảng phải là đoàn viên Đoàn Thanh niên, nhưng hồ sơ ghi người vào Đảng chưa là đoàn viên`,
        details,
      }
    : {
        message: `The candidate is ${ageEn} and the unit has no Youth Union but a trade-union organisation: the candidate must be a trade-union member.`,
        messageVi: `${youthSentence(on, age)}. Đơn vị không có tổ chức Đoàn Thanh niên nhưng có tổ chức công đoàn, nên người vào Đảng phải là đoàn viên công đoàn, nhưng hồ sơ ghi người vào Đảng chưa là đoàn viên công đoàn`,
        details,
      };
}

export const YOUTH_UNION_MEMBERSHIP_REQUIRED = defineRule({
  id: 'YOUTH_UNION_MEMBERSHIP_REQUIRED',
  source: 'CH Art. 4(1)',
  descriptionEn: 'At the cell vote, a candidate of youth age (at most 30 full years on the vote date) in a unit with a Youth Union organisation must be a Youth Union member.',
  descriptionVi: 'Tại ngày chi bộ họp xét kết nạp, người vào Đảng trong độ tuổi thanh niên (đến 30 tuổi, tức chưa đủ 31 tuổi) ở đơn vị có tổ chức Đoàn Thanh niên Cộng sản Hồ Chí Minh phải là đoàn viên (Điều 4 khoản 1 Điều lệ Đảng).',
  check: (input) => membershipFinding(input, 'youth_union'),
});

export const TRADE_UNION_MEMBERSHIP_REQUIRED = defineRule({
  id: 'TRADE_UNION_MEMBERSHIP_REQUIRED',
  source: 'CH Art. 4(1)',
  descriptionEn: 'At the cell vote, a candidate of youth age (at most 30 full years on the vote date) in a unit with no Youth Union but a trade-union organisation must be a trade-union member.',
  descriptionVi: 'Tại ngày chi bộ họp xét kết nạp, người vào Đảng trong độ tuổi thanh niên (đến 30 tuổi, tức chưa đủ 31 tuổi) ở đơn vị không có tổ chức Đoàn Thanh niên nhưng có tổ chức công đoàn phải là đoàn viên công đoàn (Điều 4 khoản 1 Điều lệ Đảng).',
  check: (input) => membershipFinding(input, 'trade_union'),
});
