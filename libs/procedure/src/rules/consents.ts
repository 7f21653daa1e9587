import { ConsentKind } from '../model/events';
import { CONSENT_KIND_LABELS } from '../schema/events.schema';
import { CaseFacts } from '../machine/facts';
import { defineRule, viDate } from './rule';

/** Consents that let an admission be decided: they belong before the admitting decision (HD06 §1.1, §1.2b; QĐ294 §3.5.1). */
export const ADMISSION_CONSENT_KINDS: readonly ConsentKind[] = ['over_60', 'education_exception', 'political', 'readmission'];

/** The consent is recorded where its kind can apply: null, or why not (in both languages, with the articles it rests on). */
export function consentNotApplicable(kind: ConsentKind, facts: CaseFacts): { en: string; vi: string; source: string } | null {
  const label = `«${CONSENT_KIND_LABELS[kind]?.vi ?? 'của cấp có thẩm quyền'}»`;
  if (kind === 'readmission' && !(facts.readmission ?? null)) {
    // The provincial consent to a re-admission (QĐ294 §3.5.1) has no place in a first admission.
    return {
      en: 'A readmission consent applies only to a re-admission case; this case is a first admission.',
      vi: `Văn bản đồng ý ${label} chỉ ghi nhận cho hồ sơ kết nạp lại; hồ sơ này là kết nạp lần đầu`,
      source: 'QĐ294 §3.5.1',
    };
  }
  if (kind === 'late_ceremony') {
    // Awaiting the ceremony: an admitting decision is recorded and no ceremony yet (QĐ294 §4.1).
    if (facts.decision && !facts.ceremony) return null;
    return {
      en: facts.ceremony
        ? `A late_ceremony consent applies only while the ceremony is awaited; the ceremony was held on ${facts.ceremony.heldOn}.`
        : 'A late_ceremony consent applies only while the ceremony is awaited; no admission decision is recorded yet.',
      vi: facts.ceremony
        ? `Văn bản đồng ý ${label} chỉ ghi nhận khi đang chờ tổ chức lễ kết nạp; lễ kết nạp đã được tổ chức ngày ${viDate(facts.ceremony.heldOn)}`
        : `Văn bản đồng ý ${label} chỉ ghi nhận khi đã có quyết định kết nạp và đang chờ tổ chức lễ kết nạp; hồ sơ chưa có quyết định kết nạp`,
      source: 'QĐ294 §4.1',
    };
  }
  if (!facts.decision) return null;
  return {
    en: `A ${kind} consent must come before the admitting decision, which was taken on ${facts.decision.decidedOn}.`,
    vi: `Văn bản đồng ý ${label} phải có trước khi ra quyết định kết nạp; quyết định kết nạp đã được ban hành ngày ${viDate(facts.decision.decidedOn)}, nên văn bản này không còn áp dụng được`,
    source: kind === 'readmission' ? 'QĐ294 §3.5.1' : kind === 'political' ? 'QĐ294 §3.3; HD06 §3.4' : 'HD06 §1.1, §1.2b',
  };
}

export const CONSENT_NOT_APPLICABLE = defineRule({
  id: 'CONSENT_NOT_APPLICABLE',
  source: 'QĐ294 §1.1.2, §3.5.1, §4.1; HD06 §1.1, §1.2b, §3.7b–c',
  descriptionEn: 'A consent is recorded only where its kind applies: late_ceremony while the ceremony is awaited (after the admitting decision, before the ceremony); the admission consents (over_60, education_exception, political, readmission) before the admitting decision; readmission only in a re-admission case.',
  descriptionVi: 'Văn bản đồng ý chỉ được ghi nhận ở bước mà nó áp dụng: đồng ý tổ chức lễ kết nạp quá thời hạn khi đã có quyết định kết nạp và chưa tổ chức lễ; các văn bản đồng ý kết nạp (trên 60 tuổi, ngoại lệ học vấn, vấn đề chính trị, kết nạp lại) trước khi ra quyết định kết nạp; đồng ý kết nạp lại chỉ với hồ sơ kết nạp lại.',
  check: ({ event, facts }) => {
    if (event.type !== 'CONSENT_RECORDED') return null;
    const p = consentNotApplicable(event.kind, facts);
    return p
      ? {
          message: p.en,
          messageVi: p.vi,
          basisSource: p.source,
          details: { kind: event.kind, decidedOn: facts.decision?.decidedOn ?? null, ceremonyOn: facts.ceremony?.heldOn ?? null },
        }
      : null;
  },
});
