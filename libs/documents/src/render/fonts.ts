import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Run } from '../model/document';

/**
 * Tinos: metrically compatible with Times New Roman (the font the presentation rules ask for), with the full
 * Vietnamese set, under the Apache licence; the TrueType files come from the `@expo-google-fonts/tinos` package and are
 * embedded (subset) in every PDF. Word documents name Times New Roman, the font every office has (ADR 0021).
 */
const root = dirname(require.resolve('@expo-google-fonts/tinos/package.json'));

export const PDF_FONTS = {
  regular: join(root, '400Regular', 'Tinos_400Regular.ttf'),
  bold: join(root, '700Bold', 'Tinos_700Bold.ttf'),
  italic: join(root, '400Regular_Italic', 'Tinos_400Regular_Italic.ttf'),
  boldItalic: join(root, '700Bold_Italic', 'Tinos_700Bold_Italic.ttf'),
} as const;

export type FontFace = keyof typeof PDF_FONTS;

// fontkit (pdfkit's own font engine) ships no types; what is used here is typed here.
interface ParsedFont {
  layout: unknown;
  characterSet: number[];
  glyphForCodePoint(codePoint: number): unknown;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit') as { create(data: Uint8Array): ParsedFont };

let parsed: Record<FontFace, ParsedFont> | null = null;

/**
 * A face parsed once per process. fontkit keeps each glyph it has built, with the characters it was first built for;
 * a glyph first built as a part of another (the dotless i of "í") would then carry none, and later PDFs could not map
 * it back to text (their ToUnicode table). Building every mapped character's glyph first, with its character, keeps
 * every PDF's text extractable.
 */
function parse(path: string): ParsedFont {
  const font = fontkit.create(readFileSync(path));
  for (const codePoint of font.characterSet) font.glyphForCodePoint(codePoint);
  return font;
}

/**
 * The four faces parsed once per process and handed to every PDF (pdfkit accepts a parsed fontkit font): parsing the
 * TrueType tables is most of the cost of a document otherwise. Each document still embeds its own subset.
 */
export function parsedPdfFonts(): Record<FontFace, ParsedFont> {
  parsed ??= { regular: parse(PDF_FONTS.regular), bold: parse(PDF_FONTS.bold), italic: parse(PDF_FONTS.italic), boldItalic: parse(PDF_FONTS.boldItalic) };
  return parsed;
}

export function faceOf(run: Pick<Run, 'bold' | 'italic'>): FontFace {
  if (run.bold && run.italic) return 'boldItalic';
  if (run.bold) return 'bold';
  if (run.italic) return 'italic';
  return 'regular';
}

export const WORD_FONT = 'Times New Roman';

/** Page margins of party documents, in millimetres: top and bottom 20, left 30, right 15. */
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
export const BODY_SIZE = 14;
