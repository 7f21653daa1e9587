import { NestExpressApplication } from '@nestjs/platform-express';
import { jsonBodyParser } from '../common/http/json-body-parser';

// body-parser ships no types; the text parser this file uses is typed here.
type Handler = (req: unknown, res: unknown, next: (err?: unknown) => void) => void;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bodyParser = require('body-parser') as { text(o: { type: string[]; limit: string }): Handler };

/** The largest upload the import endpoint reads, in MB (a 100,000-row file of a typical case's columns is about 47 MB). */
export const IMPORT_BODY_LIMIT_MB = 64;
const IMPORT_BODY_LIMIT = `${IMPORT_BODY_LIMIT_MB}mb`;
export const IMPORT_PATH = '/api/v1/imports';

/**
 * Body parsers of the import endpoint only, registered before the application's own 100 kB JSON parser (which
 * then leaves the already-read body alone): JSON (with the same depth limit as every JSON body), and CSV as text.
 */
export function useIntakeBodyParsers(app: NestExpressApplication): void {
  app.use(IMPORT_PATH, jsonBodyParser(IMPORT_BODY_LIMIT));
  app.use(IMPORT_PATH, bodyParser.text({ type: ['text/csv', 'text/plain'], limit: IMPORT_BODY_LIMIT }));
}
