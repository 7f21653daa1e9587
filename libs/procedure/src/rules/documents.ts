import { BusinessDate } from '../model/dates';
import { addMonths } from '../calendar/business-date';
import { ruleSetFor } from '../versions/rule-sets';
import { CaseFacts } from '../machine/facts';
import { INTRODUCING_BODY_LABELS } from '../schema/events.schema';
import { defineRule, viDate } from './rule';

export const AWARENESS_CERTIFICATE_MISSING = defineRule({
  id: 'AWARENESS_CERTIFICATE_MISSING',
  source: 'HD06 §3.1; HD38 I.1.1(b)',
  descriptionEn: 'The dossier can be opened, and the cell can vote, only with an awareness-class certificate issued on or before that day (a certificate issued later did not exist then and does not count).',
  descriptionVi: 'Chỉ được làm hồ sơ xin vào Đảng và chi bộ chỉ được xét kết nạp khi đã có giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng cấp trước hoặc trong ngày đó (giấy cấp sau không được tính).',
  check: ({ facts, event }) => {
    if (!facts.certificate) {
      return { message: 'No awareness-class certificate is recorded.', messageVi: 'Chưa có giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng.' };
    }
    const { issuedOn } = facts.certificate;
    if (issuedOn <= event.occurredOn) return null;
    return {
      message: `The awareness-class certificate was issued on ${issuedOn}, after ${event.occurredOn}: it does not count for this step.`,
      messageVi: `Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng được cấp ngày ${viDate(issuedOn)}, sau ngày ${viDate(event.occurredOn)}, nên chưa được tính cho bước ghi nhận ngày đó; chỉ giấy chứng nhận cấp trước hoặc trong ngày đó mới có giá trị`,
      details: { issuedOn, on: event.occurredOn },
    };
  },
});

/** Last day the certificate is usable: issuedOn + 60 months (valid on the anniversary, stale from the next day). */
export function certificateValidUntil(issuedOn: BusinessDate, ruleProfile?: string): BusinessDate {
  return addMonths(issuedOn, ruleSetFor(issuedOn, ruleProfile).certificateValidityMonths);
}

export const AWARENESS_CERTIFICATE_EXPIRED = defineRule({
  id: 'AWARENESS_CERTIFICATE_EXPIRED',
  source: 'HD06 §3.1, §5.4b',
  descriptionEn: 'The awareness-class certificate is usable for 60 months from its date (the anniversary still passes); after that the candidate must attend the class again.',
  descriptionVi: 'Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng có giá trị 60 tháng kể từ ngày cấp (ngày tròn 60 tháng vẫn hợp lệ); quá thời hạn phải học lại.',
  check: ({ facts, event }) => {
    if (!facts.certificate) return null;
    const until = certificateValidUntil(facts.certificate.issuedOn, facts.ruleProfile);
    return event.occurredOn > until
      ? {
          message: `The awareness-class certificate of ${facts.certificate.issuedOn} was usable until ${until}.`,
          messageVi: `Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng cấp ngày ${viDate(facts.certificate.issuedOn)} chỉ có giá trị đến ngày ${viDate(until)}; người vào Đảng phải học lại lớp bồi dưỡng`,
          details: { issuedOn: facts.certificate.issuedOn, validUntil: until },
        }
      : null;
  },
});

/**
 * The dossier documents that expire (HD06 §5.4a): sponsor letters, the introducing resolution, the opinions. Each
 * counts from the dossier's opening unless it was recorded after the 12 months ran out (a renewed document), in
 * which case it counts from its own date. Returns the documents stale on `on`.
 */
export function staleDocuments(facts: CaseFacts, on: BusinessDate): { document: string; since: BusinessDate; validUntil: BusinessDate }[] {
  if (!facts.dossierOpenedOn) return [];
  const months = ruleSetFor(facts.dossierOpenedOn, facts.ruleProfile).dossierDocumentsMonths;
  const renewalAfter = addMonths(facts.dossierOpenedOn, months);
  const docs: { document: string; recordedOn: BusinessDate }[] = [
    ...facts.sponsors.map((s) => ({ document: `sponsor:${s.name}`, recordedOn: s.addedOn })),
    ...(facts.introducingResolution ? [{ document: 'introducingResolution', recordedOn: facts.introducingResolution.recordedOn }] : []),
    ...(facts.opinions ? [{ document: 'opinions', recordedOn: facts.opinions.recordedOn }] : []),
  ];
  const out: { document: string; since: BusinessDate; validUntil: BusinessDate }[] = [];
  for (const d of docs) {
    const since = d.recordedOn > renewalAfter ? d.recordedOn : facts.dossierOpenedOn;
    const validUntil = addMonths(since, months);
    if (on > validUntil) out.push({ document: d.document, since, validUntil });
  }
  return out;
}

/** A dossier document of `staleDocuments` as a clerk names it. */
function documentVi(document: string, facts: CaseFacts): string {
  if (document.startsWith('sponsor:')) return `giấy giới thiệu của đảng viên ${document.slice('sponsor:'.length)}`;
  if (document === 'introducingResolution') {
    const body = facts.introducingResolution?.body;
    return `nghị quyết giới thiệu của ${body ? INTRODUCING_BODY_LABELS[body].vi : 'đoàn thể'}`;
  }
  if (document === 'opinions') return 'ý kiến nhận xét của đoàn thể và chi ủy nơi cư trú';
  return 'văn bản khác trong hồ sơ';
}

export const DOSSIER_DOCUMENTS_STALE = defineRule({
  id: 'DOSSIER_DOCUMENTS_STALE',
  source: 'HD06 §5.4a',
  descriptionEn: 'If the cell has not voted within 12 months of the dossier\'s opening (the anniversary still passes), sponsor letters, the introducing resolution and the opinions must be renewed; a renewed document counts 12 months from its own date.',
  descriptionVi: 'Quá 12 tháng kể từ ngày lập hồ sơ mà chi bộ chưa xét kết nạp thì phải làm lại giấy giới thiệu, nghị quyết giới thiệu của đoàn thể và ý kiến nhận xét; văn bản làm lại có giá trị 12 tháng kể từ ngày của nó.',
  check: ({ facts, event }) => {
    if (event.type !== 'CELL_VOTE_RECORDED') return null;
    const stale = staleDocuments(facts, event.occurredOn);
    return stale.length
      ? {
          message: `Dossier documents older than 12 months at the cell meeting: ${stale.map((s) => s.document).join(', ')}.`,
          messageVi: `Tại ngày chi bộ họp xét kết nạp ${viDate(event.occurredOn)}, các văn bản sau trong hồ sơ đã quá 12 tháng và cần làm lại: ${stale.map((s) => `${documentVi(s.document, facts)} (có giá trị đến ngày ${viDate(s.validUntil)})`).join('; ')}`,
          details: { stale },
        }
      : null;
  },
});
