import { EXTENDABLE_DEADLINE_KINDS } from '../deadlines/table';
import { defineRule } from './rule';

/** Limits that the regulation allows to extend once "in special cases" (QĐ294 §4.3.1): derived from DEADLINE_TABLE. */
export { EXTENDABLE_DEADLINE_KINDS };

export const DEADLINE_NOT_EXTENDABLE = defineRule({
  id: 'DEADLINE_NOT_EXTENDABLE',
  source: 'QĐ294 §4.3.1',
  descriptionEn: 'Only an open admission-decision or recognition-decision limit can be extended.',
  descriptionVi: 'Chỉ được gia hạn thời hạn ra quyết định kết nạp hoặc quyết định công nhận chính thức đang còn hiệu lực.',
  check: ({ event, env }) => {
    if (event.type !== 'DEADLINE_EXTENDED') return null;
    const open = env.openDeadlines.some((d) => d.kind === event.deadlineKind);
    if ((EXTENDABLE_DEADLINE_KINDS as readonly string[]).includes(event.deadlineKind) && open) return null;
    return {
      message: `No extendable open limit of kind ${String(event.deadlineKind)}.`,
      messageVi: `Không có thời hạn ${String(event.deadlineKind)} đang mở có thể gia hạn.`,
      details: { deadlineKind: event.deadlineKind, extendable: EXTENDABLE_DEADLINE_KINDS },
    };
  },
});

export const DEADLINE_ALREADY_EXTENDED = defineRule({
  id: 'DEADLINE_ALREADY_EXTENDED',
  source: 'QĐ294 §4.3.1',
  descriptionEn: 'A limit can be extended only once.',
  descriptionVi: 'Mỗi thời hạn chỉ được gia hạn một lần.',
  check: ({ event, env }) => {
    if (event.type !== 'DEADLINE_EXTENDED') return null;
    const d = env.openDeadlines.find((x) => x.kind === event.deadlineKind);
    return d && d.extendedBy > 0
      ? {
          message: `${d.kind} was already extended by ${d.extendedBy} working days (due ${d.dueOn}).`,
          messageVi: `Thời hạn ${d.kind} đã được gia hạn ${d.extendedBy} ngày làm việc (đến ngày ${d.dueOn}).`,
          details: { dueOn: d.dueOn, extendedBy: d.extendedBy },
        }
      : null;
  },
});
