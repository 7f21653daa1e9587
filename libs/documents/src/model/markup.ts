import { Run } from './document';

/**
 * The small markup a template's text is written in: `**bold**`, `//italic//` and `__underlined__`, nestable. Filled
 * values are never read as markup: the template is parsed first and placeholders are filled inside each run.
 */
const MARKS = [
  { token: '**', style: 'bold' },
  { token: '//', style: 'italic' },
  { token: '__', style: 'underline' },
] as const;

export function parseMarkup(text: string): Run[] {
  const runs: Run[] = [];
  const active = { bold: false, italic: false, underline: false };
  let buffer = '';
  const flush = () => {
    if (buffer === '') return;
    const run: Run = { text: buffer };
    if (active.bold) run.bold = true;
    if (active.italic) run.italic = true;
    if (active.underline) run.underline = true;
    runs.push(run);
    buffer = '';
  };
  for (let i = 0; i < text.length; ) {
    const mark = MARKS.find((m) => text.startsWith(m.token, i));
    if (mark) {
      flush();
      active[mark.style] = !active[mark.style];
      i += mark.token.length;
    } else {
      buffer += text[i];
      i += 1;
    }
  }
  flush();
  return runs;
}
