import { CaseFacts, transferAwaitingDossier } from '../machine/facts';
import { defineRule } from './rule';

/**
 * Rules of the transfers (HD06 §3.9; D17–D18) and of the annulment of a decision (S14e; QĐ294 §4.4). ADR 0024.
 */

export const TRANSFER_DOSSIER_NOT_AWAITED = defineRule({
  id: 'TRANSFER_DOSSIER_NOT_AWAITED',
  source: 'HD06 §3.9b',
  descriptionEn:
    'The destination records the receipt of a forwarded dossier only for a case transferred while its dossier was with the competent committee (or whose decision a transfer annulled), once.',
  descriptionVi:
    'Cấp ủy nơi đến chỉ ghi nhận việc nhận hồ sơ chuyển đến đối với người đã được chuyển sinh hoạt khi hồ sơ đang ở cấp ủy có thẩm quyền (hoặc có quyết định kết nạp bị hủy do chuyển sinh hoạt), và chỉ một lần.',
  check: ({ event, facts }) => {
    if (event.type !== 'TRANSFER_DOSSIER_RECEIVED' || transferAwaitingDossier(facts)) return null;
    return {
      message: 'No transferred dossier is awaited by the destination for this case.',
      messageVi: 'Hồ sơ này không có hồ sơ kết nạp nào đang chờ cấp ủy nơi đến nhận: chưa có quyết định chuyển sinh hoạt khi hồ sơ đang ở cấp ủy có thẩm quyền, hoặc việc nhận hồ sơ đã được ghi nhận',
    };
  },
});

/** The number of the decision an annulment may name: the admission decision, or the recognition decision. */
function decisionNoOf(facts: CaseFacts, which: 'admission' | 'recognition'): string | null {
  if (which === 'admission') return facts.decision?.decisionNo ?? null;
  const recognised = facts.votes.filter((v) => v.deciding && v.passed && v.motion === 'recognise').pop();
  return recognised?.decisionNo ?? null;
}

export const ANNULLED_DECISION_MISMATCH = defineRule({
  id: 'ANNULLED_DECISION_MISMATCH',
  source: 'QĐ294 §4.4; HD38 I.3',
  descriptionEn:
    'The committee that issued the admission (recognition) decision annuls that decision: the number given must be the number of the decision recorded on the case (a decision without a number, adopted by an authorised grassroots committee, is annulled by any number it gives).',
  descriptionVi:
    'Cấp ủy đã ban hành quyết định kết nạp (công nhận đảng viên chính thức) hủy chính quyết định đó: số quyết định bị hủy phải trùng với số quyết định đã ghi nhận trong hồ sơ.',
  check: ({ event, facts }) => {
    if (event.type !== 'ADMISSION_ANNULLED' && event.type !== 'RECOGNITION_ANNULLED') return null;
    const which = event.type === 'ADMISSION_ANNULLED' ? 'admission' : 'recognition';
    const recorded = decisionNoOf(facts, which);
    if (recorded === null || recorded.trim() === String(event.decisionNo ?? '').trim()) return null;
    const what = which === 'admission' ? 'quyết định kết nạp' : 'quyết định công nhận đảng viên chính thức';
    return {
      message: `The ${which} decision recorded on the case is ${recorded}, not ${event.decisionNo}.`,
      messageVi: `Số quyết định bị hủy (${event.decisionNo}) không trùng với ${what} đã ghi nhận trong hồ sơ (số ${recorded})`,
      details: { recordedDecisionNo: recorded },
    };
  },
});
