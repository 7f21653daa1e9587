/**
 * The deepest nesting of arrays and objects a JSON body may have. The deepest real body is an import row inside
 * `rows` (3 levels) or a sponsor inside an event (2); 32 leaves room for any client while keeping the recursive
 * steps after parsing (class-transformer, class-validator, logging) far from the stack's limit, which 2,000 levels
 * reached.
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

/**
 * Whether UTF-8 JSON text nests arrays and objects deeper than `max`, read in one pass over the bytes without
 * parsing (a multi-byte UTF-8 sequence never holds an ASCII byte, so brackets and quotes are found exactly).
 * Malformed text is not judged here: the parser refuses it next.
 */
export function jsonNestsDeeperThan(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i += 1;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) {
      inString = true;
    } else if (OPENERS.has(b)) {
      depth += 1;
      if (depth > max) return true;
    } else if (CLOSERS.has(b)) {
      depth -= 1;
    }
  }
  return false;
}
