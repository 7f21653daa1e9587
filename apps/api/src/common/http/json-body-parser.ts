import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from './json-depth';

// body-parser ships no types; the one parser this file uses is typed here.
type Handler = (req: unknown, res: unknown, next: (err?: unknown) => void) => void;
type Verify = (req: unknown, res: unknown, body: Buffer, encoding: string | null) => void;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bodyParser = require('body-parser') as { json(o: { limit: string; verify: Verify }): Handler };

/** A body-parser error (http-errors shape) that the error mapping answers like the parser's own. */
function parserError(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, statusCode: status, expose: true, type });
}

/**
 * Checked on the raw bytes before `JSON.parse` runs: the nesting depth (400, type `entity.too.deep`), and the
 * charset, since the depth is counted on UTF-8 and RFC 8259 §8.1 asks for UTF-8 anyway (415).
 */
const verify: Verify = (_req, _res, body, encoding) => {
  if (encoding !== null && encoding !== 'utf-8') {
    throw parserError(415, 'charset.unsupported', `unsupported charset "${encoding.toUpperCase()}": JSON bodies are UTF-8`);
  }
  if (jsonNestsDeeperThan(body, MAX_JSON_DEPTH)) {
    throw parserError(400, 'entity.too.deep', `the JSON body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels`);
  }
};

/** The JSON body parser of every route (the import endpoint's included), with its size limit. */
export function jsonBodyParser(limit: string): Handler {
  return bodyParser.json({ limit, verify });
}
