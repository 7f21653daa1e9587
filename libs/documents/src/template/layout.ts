import { TemplateBlock, TemplateLine } from './template';

/**
 * The parts every party document has, laid out as the presentation rules place them (HD 36-HD/VPTW): the issuing
 * body top left over its number, "ĐẢNG CỘNG SẢN VIỆT NAM" top right over the place and date; the title centred;
 * body paragraphs justified with an indented first line; the signature on the right, the recipients on the left.
 */
export interface LetterheadParts {
  /** The party organisation the issuer belongs to, in capitals ("ĐẢNG BỘ PHƯỜNG ĐỐNG ĐA"). */
  above?: string;
  /** The issuing body in capitals ("CHI BỘ GIÁO VIÊN"). */
  issuer: string;
  /** "Số 12-NQ/CB". */
  number?: string;
  /** "Hà Nội, ngày 05 tháng 12 năm 2026". */
  placeDate: string;
  /** The lines top right, bold, the last underlined; "ĐẢNG CỘNG SẢN VIỆT NAM" when absent (a party document). */
  heading?: string[];
}

const PARTY_NAME = 'ĐẢNG CỘNG SẢN VIỆT NAM';

const centred = (text: string, extra: Partial<TemplateLine> = {}): TemplateLine => ({ text, align: 'center', ...extra });

export function letterhead(parts: LetterheadParts): TemplateBlock {
  return {
    kind: 'columns',
    split: 0.45,
    left: [
      ...(parts.above ? [centred(parts.above, { size: 13 })] : []),
      centred(`**${parts.issuer}**`, { size: 13 }),
      centred('*', { size: 13 }),
      ...(parts.number ? [centred(parts.number, { size: 13 })] : []),
    ],
    right: [...headingLines(parts.heading ?? [PARTY_NAME]), centred(`//${parts.placeDate}//`, { size: 13, spaceBefore: 8 })],
  };
}

const headingLines = (lines: string[]): TemplateLine[] =>
  lines.map((line, i) => centred(i === lines.length - 1 ? `__**${line}**__` : `**${line}**`, { size: i === 0 ? 14 : 13 }));

/**
 * The head of a paper a person writes for themself (an application, a self-review, a letter of introduction): the
 * party's name centred, the place and date on the right.
 */
export function personalHeading(placeDate: string): TemplateBlock[] {
  return [
    { kind: 'line', ...headingLines([PARTY_NAME])[0] },
    placeDateLine(placeDate),
  ];
}

/** "Hà Nội, ngày … tháng … năm …" on the right, above a person's signature or under a centred heading. */
export function placeDateLine(placeDate: string): TemplateBlock {
  return { kind: 'line', text: `//${placeDate}//`, align: 'right', size: 13, spaceBefore: 8 };
}

/** The addressee line, "Kính gửi: …", centred under the title. */
export function addressee(to: string): TemplateBlock {
  return { kind: 'line', text: `Kính gửi: ${to}`, align: 'center', spaceBefore: 10 };
}

/** The title and its subject line, centred in bold. */
export function title(main: string, subject?: string): TemplateBlock[] {
  return [
    { kind: 'line', text: `**${main}**`, align: 'center', size: 15, spaceBefore: 18 },
    ...(subject ? [{ kind: 'line' as const, text: `**${subject}**`, align: 'center' as const }] : []),
    { kind: 'line', text: '-----', align: 'center', size: 12 },
  ];
}

/** Body paragraphs, justified with an indented first line. */
export function paragraphs(...texts: string[]): TemplateBlock[] {
  return texts.map((text) => ({ kind: 'line', text, align: 'justify', indent: true, spaceBefore: 4 }));
}

/** A line of a hand-filled form: left-aligned, not indented. */
export function fields(...texts: string[]): TemplateBlock[] {
  return texts.map((text) => ({ kind: 'line', text, align: 'left', spaceBefore: 4 }));
}

export interface SignatureParts {
  /** "T/M CHI BỘ"; absent for a person signing for themself. */
  onBehalf?: string;
  /** "BÍ THƯ", or a placeholder for the signer's title. */
  title: string;
  /** The signer's name, or a placeholder for it. */
  name: string;
  /** The recipients ("Nơi nhận"), each a line. */
  recipients?: string[];
}

export function signature(parts: SignatureParts): TemplateBlock {
  return {
    kind: 'columns',
    split: 0.5,
    left: parts.recipients
      ? [{ text: '//**Nơi nhận:**//', size: 12, spaceBefore: 12 }, ...parts.recipients.map((r) => ({ text: `- ${r}`, size: 11 }))]
      : [],
    right: [
      ...(parts.onBehalf ? [centred(`**${parts.onBehalf}**`, { spaceBefore: 12 })] : []),
      centred(`**${parts.title}**`, parts.onBehalf ? {} : { spaceBefore: 12 }),
      centred('//(Ký, ghi rõ họ tên)//', { size: 12 }),
      centred(' ', { spaceBefore: 36 }),
      centred(`**${parts.name}**`),
    ],
  };
}
