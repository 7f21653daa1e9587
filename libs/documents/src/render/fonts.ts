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
