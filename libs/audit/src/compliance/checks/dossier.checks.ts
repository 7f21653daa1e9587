import { stepsOf } from '../history';
import { CheckDefinition } from './definition';
import { rulesAtSteps } from './outcome';

/** A4 — no awareness certificate, or one older than 60 months, at the cell vote (HD06 §3.1, §5.4b). */
export const A4: CheckDefinition = {
  id: 'A4',
  title: { vi: 'Không có hoặc quá hạn giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng khi chi bộ xét', en: 'Awareness certificate missing or older than 60 months at the cell vote' },
  source: 'HD06 §3.1, §5.4b',
  severity: 'major',
  evaluate: (h) => rulesAtSteps(stepsOf(h, 'CELL_VOTE_RECORDED'), ['AWARENESS_CERTIFICATE_MISSING', 'AWARENESS_CERTIFICATE_EXPIRED'], 'no cell vote yet'),
};

/** A5 — sponsor letters, introducing resolution or opinions older than 12 months at the cell vote, not renewed (HD06 §5.4a). */
export const A5: CheckDefinition = {
  id: 'A5',
  title: { vi: 'Giấy giới thiệu, nghị quyết giới thiệu hoặc ý kiến nhận xét quá 12 tháng mà không làm lại', en: 'Sponsor letters, introducing resolution or opinions older than 12 months, not renewed' },
  source: 'HD06 §5.4a',
  severity: 'minor',
  evaluate: (h) => rulesAtSteps(stepsOf(h, 'CELL_VOTE_RECORDED'), ['DOSSIER_DOCUMENTS_STALE'], 'no cell vote yet'),
};

/** A6 — a sponsor not a full member when introducing (CH Art. 4(2); QĐ294 §3.2.1). */
export const A6: CheckDefinition = {
  id: 'A6',
  title: { vi: 'Người giới thiệu chưa là đảng viên chính thức khi giới thiệu', en: 'Sponsor not a full member when introducing' },
  source: 'CH Art. 4(2); QĐ294 §3.2.1',
  severity: 'major',
  evaluate: (h) => rulesAtSteps(stepsOf(h, 'SPONSOR_ADDED'), ['SPONSOR_NOT_FULL_MEMBER'], 'no sponsor recorded'),
};

/** A7 — sponsor and candidate together for less than 12 months, unless a replacement (QĐ294 §3.2.1–3.2.2). */
export const A7: CheckDefinition = {
  id: 'A7',
  title: { vi: 'Người giới thiệu công tác, sinh sống cùng người vào Đảng chưa đủ 12 tháng', en: 'Sponsor and candidate together for less than 12 months' },
  source: 'QĐ294 §3.2.1–3.2.2',
  severity: 'major',
  evaluate: (h) => rulesAtSteps(stepsOf(h, 'SPONSOR_ADDED'), ['SPONSOR_TOGETHER_UNDER_12_MONTHS'], 'no sponsor recorded'),
};

/**
 * A8 — wrong introducer composition at the cell vote (CH Art. 4(1)), read with the unit's organisations as the engine
 * reads them (E7, ADR 0014): a youth-age Youth Union member without the Youth Union's resolution where the unit has a
 * Youth Union; a youth-age trade-union member without the trade union's resolution where it has only a trade union;
 * one sponsor without an introducing resolution; an introducing body the candidate is not a member of. A8 also fails
 * when a candidate of youth age was voted on without the membership the unit requires (E7: no Youth Union membership
 * where the unit has a Youth Union, no trade-union membership where it has only a trade union): such a candidate cannot
 * be introduced as Art. 4(1) requires. The evidence names the engine's rule.
 */
export const A8: CheckDefinition = {
  id: 'A8',
  title: { vi: 'Thành phần người giới thiệu không đúng quy định', en: 'Wrong composition of the introducers' },
  source: 'CH Art. 4(1); QĐ294 §3.1',
  severity: 'major',
  evaluate: (h) =>
    rulesAtSteps(
      stepsOf(h, 'CELL_VOTE_RECORDED'),
      ['INTRODUCERS_INCOMPLETE', 'YOUTH_UNION_MEMBERSHIP_REQUIRED', 'TRADE_UNION_MEMBERSHIP_REQUIRED'],
      'no cell vote yet',
    ),
};

/** A10 — opinions of the political-social organisations or of the residence cell missing at the cell vote (HD06 §3.5). */
export const A10: CheckDefinition = {
  id: 'A10',
  title: { vi: 'Thiếu ý kiến nhận xét của đoàn thể chính trị - xã hội hoặc chi ủy nơi cư trú', en: 'Opinions of mass organisations or of the residence cell missing' },
  source: 'HD06 §3.5',
  severity: 'major',
  evaluate: (h) => rulesAtSteps(stepsOf(h, 'CELL_VOTE_RECORDED'), ['OPINIONS_MISSING'], 'no cell vote yet'),
};
