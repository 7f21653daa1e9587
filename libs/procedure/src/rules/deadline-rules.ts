import { EXTENDABLE_DEADLINE_KINDS } from '../deadlines/table';
import { DEADLINE_KIND_LABELS } from '../model/deadline-labels';
import { DeadlineKind } from '../model/deadlines';
import { defineRule, viDate } from './rule';

/** Limits that the regulation allows to extend once "in special cases" (QĐ294 §4.3.1): derived from DEADLINE_TABLE. */
export { EXTENDABLE_DEADLINE_KINDS };

/** The Vietnamese name of a limit, lower-cased for the middle of a sentence. */
const limitVi = (kind: string): string => {
  const label = DEADLINE_KIND_LABELS[kind as DeadlineKind]?.vi;
  if (!label) return 'thời hạn này';
  return /^Hạn /.test(label) ? label.replace(/^Hạn /, 'thời hạn ') : `thời hạn «${label}»`;
};
const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export const DEADLINE_NOT_EXTENDABLE = defineRule({
  id: 'DEADLINE_NOT_EXTENDABLE',
  source: 'QĐ294 §4.3.1',
  descriptionEn: 'Only the admission-decision and the recognition-decision limits can be extended.',
  descriptionVi: 'Chỉ được gia hạn thời hạn ra quyết định kết nạp hoặc quyết định công nhận đảng viên chính thức.',
  check: ({ event }) => {
    if (event.type !== 'DEADLINE_EXTENDED') return null;
    if ((EXTENDABLE_DEADLINE_KINDS as readonly string[]).includes(event.deadlineKind)) return null;
    return {
      message: `A limit of kind ${String(event.deadlineKind)} cannot be extended.`,
      messageVi: `${capitalised(limitVi(event.deadlineKind))} không thuộc loại được gia hạn; chỉ được gia hạn ${EXTENDABLE_DEADLINE_KINDS.map(limitVi).join(' và ')}`,
      details: { deadlineKind: event.deadlineKind, extendable: EXTENDABLE_DEADLINE_KINDS },
    };
  },
});

export const EXTENSION_AFTER_LIMIT = defineRule({
  id: 'EXTENSION_AFTER_LIMIT',
  source: 'QĐ294 §4.3.1',
  descriptionEn: 'A limit is extended only while it runs: the extension is dated on or before the limit\'s due day, for a limit that is open. A missed limit cannot be repaired after the fact.',
  descriptionVi: 'Chỉ được gia hạn khi thời hạn đang chạy: ngày gia hạn không sau ngày cuối của thời hạn và thời hạn đó đang mở. Thời hạn đã bị vi phạm thì không thể gia hạn lại.',
  check: ({ event, env }) => {
    if (event.type !== 'DEADLINE_EXTENDED') return null;
    const d = env.openDeadlines.find((x) => x.kind === event.deadlineKind);
    if (!d) {
      return {
        message: `No open ${String(event.deadlineKind)} limit: a limit not running cannot be extended.`,
        messageVi: `Hồ sơ hiện không có ${limitVi(event.deadlineKind)} đang chạy (thời hạn chưa bắt đầu hoặc đã kết thúc), nên không thể gia hạn`,
        details: { deadlineKind: event.deadlineKind, open: false },
      };
    }
    if (event.occurredOn <= d.dueOn) return null;
    return {
      message: `The ${d.kind} limit ended on ${d.dueOn}; an extension dated ${event.occurredOn} comes after it.`,
      messageVi: `${capitalised(limitVi(d.kind))} đã hết vào ngày ${viDate(d.dueOn)}; không thể gia hạn vào ngày ${viDate(event.occurredOn)} sau khi thời hạn đã qua`,
      details: { deadlineKind: d.kind, dueOn: d.dueOn, extendedOn: event.occurredOn },
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
          messageVi: `${capitalised(limitVi(d.kind))} đã được gia hạn ${d.extendedBy} ngày làm việc (đến ngày ${viDate(d.dueOn)}); mỗi thời hạn chỉ được gia hạn một lần`,
          details: { dueOn: d.dueOn, extendedBy: d.extendedBy },
        }
      : null;
  },
});
