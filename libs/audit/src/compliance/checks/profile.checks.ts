import { DEFAULT_RULE_PROFILE, DeadlineKind, DeadlineTrace, deadlineLimitText, ruleProfileById, RuleSet, ruleSetById, ruleSetFor, tracesOf } from '@charterflow/procedure';
import { History } from '../history';
import { CheckOutcome } from '../model';
import { CheckDefinition } from './definition';
import { deadlineOutcome, notApplicable, pass } from './outcome';

/**
 * A27 — the limits a province's own implementing rules set (its rule profile; Hà Nội, HN02): the cell's dossier sent
 * up later than D5, the grassroots resolution later than D6, the recognition decision later than the profile's D13.
 * The numbers are those DEADLINE_TABLE traced under the case's profile (ADR 0023); a case under the central rules has
 * none of them and the check does not apply. The first late limit, in the order of the procedure, decides a fail.
 */
const KINDS: readonly DeadlineKind[] = ['DOSSIER_DISPATCH', 'GRASSROOTS_RESOLUTION', 'RECOGNITION_DECISION'];

/** The traces of `kind` judged under a profile's overlay (not the central numbers). */
const profileTraces = (h: History, kind: DeadlineKind): DeadlineTrace[] => tracesOf(h.deadlines, kind).filter((t) => ruleSetById(t.ruleSet).profile !== DEFAULT_RULE_PROFILE);

const HANOI = (): RuleSet => ruleSetFor('2025-07-01', 'hanoi');
const limitsOf = (rs: RuleSet, lang: 'vi' | 'en') => KINDS.map((k) => deadlineLimitText(k, rs, lang));

export const A27: CheckDefinition = {
  id: 'A27',
  title: {
    vi: `Quá thời hạn theo quy định của tỉnh, thành phố (Hà Nội: chi bộ gửi hồ sơ ${limitsOf(HANOI(), 'vi')[0]}; đảng ủy cơ sở ra nghị quyết ${limitsOf(HANOI(), 'vi')[1]}; quyết định công nhận đảng viên chính thức ${limitsOf(HANOI(), 'vi')[2]})`,
    en: `Later than the province's own limits (Hà Nội: dossier sent up within ${limitsOf(HANOI(), 'en')[0]}; grassroots resolution within ${limitsOf(HANOI(), 'en')[1]}; recognition decision within ${limitsOf(HANOI(), 'en')[2]})`,
  },
  titleFor: (rs) => {
    const [vi, en] = [limitsOf(rs, 'vi'), limitsOf(rs, 'en')];
    const name = ruleProfileById(rs.profile).label;
    return {
      vi: `Quá thời hạn theo ${name.vi.charAt(0).toLowerCase()}${name.vi.slice(1)} (chi bộ gửi hồ sơ ${vi[0]}; đảng ủy cơ sở ra nghị quyết ${vi[1]}; quyết định công nhận đảng viên chính thức ${vi[2]})`,
      en: `Later than the ${name.en} (dossier sent up within ${en[0]}; grassroots resolution within ${en[1]}; recognition decision within ${en[2]})`,
    };
  },
  source: 'HN02 II.1.1.3.2, II.2.1.4',
  severity: 'major',
  evaluate: (h, _c, ctx): CheckOutcome => {
    const traces = KINDS.flatMap((k) => profileTraces(h, k));
    if (traces.length === 0) {
      return notApplicable(
        'no limit of a province profile opened (central rules, or no cell resolution yet)',
        'Hồ sơ không có thời hạn riêng theo quy định của tỉnh, thành phố.',
      );
    }
    const outcomes = traces.map((t) => ({ kind: t.kind, outcome: deadlineOutcome(ctx, t) }));
    const late = outcomes.find((o) => o.outcome.status === 'fail');
    if (late) return { ...late.outcome, evidence: { kind: late.kind, ...late.outcome.evidence } };
    const evidence = {
      ruleSet: traces[0].ruleSet,
      limits: outcomes.map((o) => ({ kind: o.kind, status: o.outcome.status, ...o.outcome.evidence })),
      messageVi: outcomes.map((o) => o.outcome.evidence.messageVi).join(' '),
    };
    return outcomes.some((o) => o.outcome.status === 'pass') ? pass(evidence) : { status: 'not_applicable', evidence };
  },
};
