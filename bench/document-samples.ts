/**
 * `npm run documents:samples`: renders the admission decision (9-KNĐ) and the cell's resolution (6-KNĐ) of the
 * fixture case to PNG in docs/documents (poppler's pdftoppm), the pictures the README shows to be checked by eye
 * against the official forms. The PDFs themselves are not kept.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fillForm, formById, renderPdf } from '@charterflow/documents';
import { ADMITTED_CASE } from '@charterflow/documents/testing';

const OUT = resolve(__dirname, '..', 'docs', 'documents');
const FORMS = ['6-KND', '9-KND'];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cf-samples-'));
  try {
    for (const id of FORMS) {
      const form = formById(id);
      if (!form) throw new Error(`form ${id} is not defined`);
      const pdf = join(dir, `${id}.pdf`);
      writeFileSync(pdf, await renderPdf([fillForm(form, ADMITTED_CASE)], { createdAt: new Date('2026-12-03T01:00:00Z') }));
      execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, join(OUT, id)]);
      console.log(`docs/documents/${id}.png`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
