import { BLANK } from '../text/vi-format';
import { addressee, fields, letterhead, paragraphs, personalHeading, signature, SignatureParts, title } from '../template/layout';
import { TemplateBlock } from '../template/template';

/**
 * Pieces several forms print the same way: an admission form and its recognition counterpart differ in the step
 * they read and a few words, not in their structure.
 */

/** A line of dots as wide as the text, left for the writer's own words. */
const WRITING_LINE = BLANK.repeat(4);

/** Dotted lines for what a person writes by hand. */
export function writingLines(count: number): TemplateBlock[] {
  return fields(...Array.from({ length: count }, () => WRITING_LINE));
}

/** Who the papers are about, as a resolution introduces them. */
export const CANDIDATE_IDENTITY =
  '{candidate.fullName}, sinh ngày {candidate.dateOfBirth}, dân tộc {candidate.ethnicity}, tôn giáo: {candidate.religion}, trình độ học vấn: {candidate.education}, nghề nghiệp: {candidate.occupation}';

/** The probationer's admission as the recognition papers recall it. */
export const MEMBER_ADMISSION =
  'được kết nạp vào Đảng theo Quyết định số {decision.no} ngày {membership.admissionDecisionOn}; lễ kết nạp ngày {ceremony.date}; thời kỳ dự bị từ ngày {probation.startOn} đến ngày {probation.endOn}';

/** The counts of a cell vote (`vote` names a `cellVoteGroup` of the dictionary) against the two-thirds rule. */
export function cellVoteParagraphs(vote: string, about: string, basis: string): TemplateBlock[] {
  return paragraphs(
    `Tổng số đảng viên chính thức của chi bộ: {${vote}.members} đồng chí; số đảng viên không tính khi biểu quyết (đi vắng có lý do, được miễn sinh hoạt, đình chỉ sinh hoạt…): {${vote}.excluded} đồng chí.`,
    `Số đảng viên tán thành ${about} là **{${vote}.inFavour}/{${vote}.voters} đồng chí, bằng {${vote}.percent}**; số không tán thành hoặc không biểu quyết: {${vote}.notInFavour} đồng chí. Kết quả so với yêu cầu ít nhất hai phần ba số đảng viên chính thức (${basis}): **{${vote}.result}**.`,
  );
}

/** A cell vote's outcome in one sentence, as a report on the resolution restates it. */
export const cellVoteOutcome = (vote: string): string =>
  `**{${vote}.inFavour}/{${vote}.voters} đồng chí tán thành, bằng {${vote}.percent}** (tổng số đảng viên chính thức {${vote}.members}, không tính khi biểu quyết {${vote}.excluded}); so với yêu cầu ít nhất hai phần ba: **{${vote}.result}**.`;

/** The counts of a committee vote against the two-thirds rule. */
export function committeeVoteParagraph(vote: string, about: string): TemplateBlock[] {
  return paragraphs(
    `Tổng số cấp ủy viên: {${vote}.members} đồng chí; số cấp ủy viên tán thành ${about} là **{${vote}.inFavour}/{${vote}.voters} đồng chí, bằng {${vote}.percent}**; số không tán thành hoặc không biểu quyết: {${vote}.notInFavour} đồng chí. Kết quả so với yêu cầu ít nhất hai phần ba tổng số cấp ủy viên: **{${vote}.result}**.`,
  );
}

/** The grounds a decision recites (`decision` names a `decisionGroup`). */
function decisionGrounds(decision: string): TemplateBlock[] {
  return paragraphs(
    '- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
    '- Căn cứ Quy định, Hướng dẫn của Trung ương về thi hành Điều lệ Đảng;',
    `- Xét đề nghị của {${decision}.proposedBy};`,
    `- {${decision}.collective} họp ngày {${decision}.date}, số ủy viên tán thành {${decision}.inFavour}/{${decision}.members} đồng chí, bằng {${decision}.percent};`,
  );
}

/** 6-KNĐ and 13-KNĐ: a cell's resolution on one person, under the letterhead of the cell, signed for the cell. */
export function cellResolution(vote: string, subject: string, body: TemplateBlock[]): TemplateBlock[] {
  return [
    letterhead({ above: '{grassroots.partyUpper}', issuer: '{cell.nameUpper}', number: 'Số: ……-NQ/CB', placeDate: `{place}, {${vote}.dateWritten}` }),
    ...title('NGHỊ QUYẾT', subject),
    ...body,
    signature({ onBehalf: 'T/M CHI BỘ', title: `{${vote}.signerTitleUpper}`, name: `{${vote}.signerName}`, recipients: ['{grassroots.name}', 'Lưu chi bộ.'] }),
  ];
}

export interface DecisionParts {
  /** The deciding body's prefix in the dictionary (`admissionBody`, `recognitionBody`). */
  body: string;
  /** The decision's prefix (`decision`, `recognitionDecision`). */
  decision: string;
  subject: string;
  /** The articles before the last, which names who carries the decision out. */
  articles: string[];
}

/** 9-KNĐ and 16-KNĐ: a decision on one person, of the competent committee's standing committee or of an authorised grassroots committee. */
export function competentDecision(p: DecisionParts): TemplateBlock[] {
  const executing = p.articles.length + 1;
  return [
    letterhead({ above: `{${p.body}Parent.partyUpper}`, issuer: `{${p.body}.nameUpper}`, number: `Số: {${p.decision}.no}`, placeDate: `{place}, {${p.decision}.dateWritten}` }),
    ...title('QUYẾT ĐỊNH', p.subject),
    ...decisionGrounds(p.decision),
    { kind: 'line', text: `**{${p.decision}.deciderUpper} QUYẾT ĐỊNH**`, align: 'center', spaceBefore: 10 },
    ...paragraphs(
      ...p.articles.map((article, i) => `**Điều ${i + 1}.** ${article}`),
      `**Điều ${executing}.** {cell.name}, {grassroots.name} và đồng chí {candidate.fullName} chịu trách nhiệm thi hành Quyết định này.`,
    ),
    signature({
      onBehalf: `{${p.decision}.onBehalfUpper}`,
      title: `{${p.decision}.signerTitleUpper}`,
      name: `{${p.decision}.signerName}`,
      recipients: [`Như Điều ${executing},`, 'Lưu hồ sơ đảng viên,', 'Lưu văn phòng cấp ủy.'],
    }),
  ];
}

export interface GrassrootsResolutionParts {
  /** The vote's prefix in the dictionary. */
  vote: string;
  subject: string;
  /** What the committee met about and what it examined. */
  opening: string[];
  conclusions: TemplateBlock[];
  /** What the members voted for ("việc kết nạp quần chúng …"). */
  about: string;
  proposal: string;
  /** The committee the resolution goes to. */
  to: string;
}

/** 8-KNĐ and 15-KNĐ: the grassroots committee's resolution to the competent committee. */
export function grassrootsResolution(p: GrassrootsResolutionParts): TemplateBlock[] {
  return [
    letterhead({ above: '{superior.partyUpper}', issuer: '{grassroots.nameUpper}', number: 'Số: ……-NQ/ĐU', placeDate: `{place}, {${p.vote}.dateWritten}` }),
    ...title('NGHỊ QUYẾT', p.subject),
    ...paragraphs(...p.opening, 'Đảng ủy thảo luận và kết luận:'),
    ...p.conclusions,
    ...committeeVoteParagraph(p.vote, p.about),
    ...paragraphs(p.proposal),
    signature({
      onBehalf: 'T/M ĐẢNG ỦY',
      title: `{${p.vote}.signerTitleUpper}`,
      name: `{${p.vote}.signerName}`,
      recipients: [p.to, '{cell.name}', 'Lưu văn phòng đảng ủy.'],
    }),
  ];
}

export interface AppraisalParts {
  subject: string;
  /** The resolution appraised and the person it is about. */
  opening: string;
  findings: TemplateBlock[];
  proposal: string;
}

/**
 * 7-KNĐ and 14-KNĐ: the partial committee's report appraising a cell resolution. The partial committee is not a body
 * of the organisation tree: its name, number and date are left to be written.
 */
export function appraisal(p: AppraisalParts): TemplateBlock[] {
  return [
    letterhead({ above: '{grassroots.partyUpper}', issuer: `ĐẢNG ỦY BỘ PHẬN ${BLANK}`, number: 'Số: ……-BC/ĐUBP', placeDate: '{place}, ngày …… tháng …… năm ……' }),
    ...title('BÁO CÁO', p.subject),
    addressee('{grassroots.name}'),
    ...paragraphs(p.opening, 'Đảng ủy bộ phận đã thẩm định hồ sơ, kết quả như sau:'),
    ...p.findings,
    ...paragraphs(p.proposal),
    signature({ onBehalf: 'T/M ĐẢNG ỦY BỘ PHẬN', title: 'BÍ THƯ', name: BLANK, recipients: ['{grassroots.name}', 'Lưu đảng ủy bộ phận.'] }),
  ];
}

export interface OpinionsSummaryParts {
  /** The step's prefix in the dictionary (its date and signer). */
  step: string;
  subject: string;
  /** Who was asked and about whom. */
  opening: string;
}

/** 5-KNĐ and 12-KNĐ: the cell committee's summary of the opinions of the organisations and the residence cell. */
export function opinionsSummary(p: OpinionsSummaryParts): TemplateBlock[] {
  return [
    letterhead({ above: '{grassroots.partyUpper}', issuer: '{cell.nameUpper}', placeDate: `{place}, {${p.step}.dateWritten}` }),
    ...title('BÁO CÁO', p.subject),
    addressee('{cell.name}'),
    ...paragraphs(p.opening, '**1. Ý kiến nhận xét của các đoàn thể chính trị - xã hội**', 'Số người được hỏi ý kiến: …… người; số đồng ý: …… người; số không đồng ý: …… người.', 'Ưu điểm:'),
    ...writingLines(1),
    ...paragraphs('Khuyết điểm:'),
    ...writingLines(1),
    ...paragraphs('**2. Ý kiến nhận xét của chi ủy (chi bộ) nơi cư trú**'),
    ...writingLines(1),
    ...paragraphs('**3. Nhận xét, đề nghị của chi ủy**'),
    ...writingLines(1),
    signature({ onBehalf: 'T/M CHI ỦY', title: `{${p.step}.signerTitleUpper}`, name: `{${p.step}.signerName}`, recipients: ['{cell.name}', 'Lưu chi bộ.'] }),
  ];
}

export interface PersonalPaperParts {
  placeDate: string;
  title: string;
  subject?: string;
  /** The addressee: the cell, for every such paper. */
  to: string;
  body: TemplateBlock[];
  signer: Pick<SignatureParts, 'title' | 'name'>;
}

/** 1-KNĐ, 3-KNĐ, 10-KNĐ, 11-KNĐ: a paper a person writes and signs for themself, addressed to the cell. */
export function personalPaper(p: PersonalPaperParts): TemplateBlock[] {
  return [...personalHeading(p.placeDate), ...title(p.title, p.subject), addressee(p.to), ...p.body, signature(p.signer)];
}

export interface ProbationReviewParts {
  placeDate: string;
  title: string;
  subject: string;
  /** Who writes and about whom, as printed lines. */
  about: string[];
  opening: string;
  request: string;
  signer: Pick<SignatureParts, 'title' | 'name'>;
}

/** 10-KNĐ and 11-KNĐ: a review of the probation, by the probationer or by the member helping them. */
export function probationReview(p: ProbationReviewParts): TemplateBlock[] {
  return personalPaper({
    placeDate: p.placeDate,
    title: p.title,
    subject: p.subject,
    to: '{cell.name}',
    body: [...fields(...p.about), ...paragraphs(p.opening), ...probationAssessment(), ...paragraphs(p.request)],
    signer: p.signer,
  });
}

/** The aspects a self-review (10-KNĐ) and a helper's assessment (11-KNĐ) of a probationer go through. */
function probationAssessment(): TemplateBlock[] {
  const aspect = (heading: string) => [...paragraphs(heading), ...writingLines(2)];
  return [
    ...paragraphs('**1. Ưu điểm**'),
    ...aspect('- Về nhận thức, tư tưởng chính trị, chấp hành chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước:'),
    ...aspect('- Về phẩm chất đạo đức, lối sống:'),
    ...aspect('- Về năng lực và kết quả thực hiện nhiệm vụ được giao:'),
    ...aspect('- Về quan hệ với quần chúng, thực hiện nhiệm vụ đảng viên và sinh hoạt chi bộ:'),
    ...aspect('**2. Khuyết điểm, hạn chế và hướng khắc phục**'),
  ];
}
