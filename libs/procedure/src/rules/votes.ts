import { DomainEvent } from '../model/events';
import { fieldLabelVi } from '../schema/labels';
import { defineRule } from './rule';

/** "Ít nhất hai phần ba" (CH Art. 4(3); QĐ294 §9.3.4): inFavour·3 ≥ voters·2. 6 of 9 passes, 5 of 8 fails. */
export function atLeastTwoThirds(inFavour: number, voters: number): boolean {
  return inFavour * 3 >= voters * 2;
}

/** "Trên một nửa" (HD06 §3.7a; QĐ294 §9.3.4): inFavour·2 > voters. 3 of 6 fails, 4 of 7 passes. */
export function moreThanHalf(inFavour: number, voters: number): boolean {
  return inFavour * 2 > voters;
}

/** Denominator of a cell vote: full members minus those not counted (QĐ294 §9.3.2). */
export function votersOf(event: { fullMembers: number; excluded: number }): number {
  return event.fullMembers - event.excluded;
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** Returns a reason when the counts of a vote cannot be right, else null. */
export function voteCountsProblem(event: DomainEvent): { en: string; vi: string } | null {
  let counts: Record<string, unknown>;
  let voters: number;
  switch (event.type) {
    case 'CELL_VOTE_RECORDED':
    case 'RECOGNITION_CELL_VOTE_RECORDED':
      counts = { fullMembers: event.fullMembers, excluded: event.excluded, inFavour: event.inFavour };
      voters = event.fullMembers - event.excluded;
      break;
    case 'GRASSROOTS_VOTE_RECORDED':
    case 'RECOGNITION_GRASSROOTS_VOTE_RECORDED':
      counts = { committeeMembers: event.committeeMembers, inFavour: event.inFavour };
      voters = event.committeeMembers;
      break;
    case 'ADMISSION_DECIDED':
    case 'RECOGNITION_DECIDED':
      counts = { standingMembers: event.standingMembers, inFavour: event.inFavour };
      voters = event.standingMembers;
      break;
    default:
      return null;
  }
  for (const [name, value] of Object.entries(counts)) {
    if (!isCount(value)) return { en: `${name} must be a whole number ≥ 0`, vi: `«${fieldLabelVi(event.type, name) ?? 'Số liệu'}» phải là số nguyên không âm` };
  }
  if (voters <= 0) {
    return { en: 'nobody could vote (excluded ≥ fullMembers, or zero members)', vi: 'không có ai được biểu quyết (số đảng viên không tính bằng hoặc lớn hơn tổng số đảng viên chính thức, hoặc tổng số thành viên bằng 0)' };
  }
  if ((counts.inFavour as number) > voters) {
    return {
      en: `inFavour (${String(counts.inFavour)}) exceeds the members entitled to vote (${voters})`,
      vi: `số tán thành (${String(counts.inFavour)}) lớn hơn số người có quyền biểu quyết (${voters})`,
    };
  }
  return null;
}

export const VOTE_COUNTS_INVALID = defineRule({
  id: 'VOTE_COUNTS_INVALID',
  source: 'QĐ294 §9.3.2–9.3.4',
  descriptionEn: 'Vote counts must be whole numbers, excluded ≤ full members, at least one voter, and in favour ≤ voters.',
  descriptionVi: 'Số liệu biểu quyết phải là số nguyên không âm, số không tính ≤ số đảng viên chính thức, có ít nhất một người biểu quyết, số tán thành ≤ số người biểu quyết.',
  check: ({ event }) => {
    const problem = voteCountsProblem(event);
    return problem
      ? { message: `Inconsistent vote counts: ${problem.en}.`, messageVi: `Số liệu biểu quyết không hợp lệ: ${problem.vi}.`, details: { problem: problem.en } }
      : null;
  },
});
