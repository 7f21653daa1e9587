import { NestExpressApplication } from '@nestjs/platform-express';

// body-parser ships no types; the raw parser this file uses is typed here.
type Handler = (req: unknown, res: unknown, next: (err?: unknown) => void) => void;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bodyParser = require('body-parser') as { raw(o: { type: string[]; limit: string }): Handler };

export const WORD_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The largest Word template accepted (a form with a scanned emblem stays well below it). */
export const TEMPLATE_BODY_LIMIT = '5mb';

/** Reads a Word file's bytes as the body; any other content type is left to the other parsers. */
export function useDocumentBodyParser(app: NestExpressApplication): void {
  app.use(bodyParser.raw({ type: [WORD_CONTENT_TYPE], limit: TEMPLATE_BODY_LIMIT }));
}
