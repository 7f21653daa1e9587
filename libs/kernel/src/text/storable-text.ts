import type { FieldError } from '../errors/domain-error';

/**
 * Text PostgreSQL cannot hold: `text` and `jsonb` refuse U+0000, and an unpaired UTF-16 surrogate has no UTF-8
 * form (the driver would store U+FFFD in its place, or jsonb would refuse the `\ud800` escape). Either one in a
 * request would end as a 500 or as silently altered data, so the edge refuses it first.
 */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what is looked for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored, or null when it can. */
export function unstorableReason(text: string): string | null {
  const m = UNSTORABLE.exec(text);
  if (!m) return null;
  return m[0] === '\u0000' ? 'must not contain the NUL character (U+0000)' : 'must not contain an unpaired UTF-16 surrogate';
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * Appends a key to a field path the way the validation errors name fields (`candidate.fullName`,
 * `organisations[1]`). A key that is not a plain name is quoted with JSON escapes, so that the path itself never
 * carries the character it reports.
 */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (IDENTIFIER.test(key)) return parent ? `${parent}.${key}` : key;
  return `${parent}[${JSON.stringify(key)}]`;
}

/**
 * The first string (value or object key, at any depth) of a parsed JSON body, query or parameter set that cannot
 * be stored, with its path from `root` (`''` for a body: `candidate.fullName`; `'query'`: `query.q`). Iterative, so
 * that no input can exhaust the stack; objects met twice are walked once.
 */
export function findUnstorableText(value: unknown, root: string): FieldError | null {
  // Each entry keeps the key that led to it and its parent entry; a path is spelled only for the entry reported.
  const stack: Visit[] = [{ value }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const v = visit.value;
    // An object key is checked when its entry is reached (document order).
    const keyReason = typeof visit.key === 'string' ? unstorableReason(visit.key) : null;
    if (keyReason) {
      const field = pathOf(visit, root) || 'body';
      return { field, message: `the name of ${field} ${keyReason}` };
    }
    if (typeof v === 'string') {
      const reason = unstorableReason(v);
      if (reason) {
        const field = pathOf(visit, root) || 'body';
        return { field, message: `${field} ${reason}` };
      }
      continue;
    }
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    // Pushed in reverse so that the first offending field in document order is the one reported.
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i -= 1) stack.push({ value: (v as unknown[])[i], key: i, parent: visit });
    } else {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i -= 1) stack.push({ value: (v as Record<string, unknown>)[keys[i]], key: keys[i], parent: visit });
    }
  }
  return null;
}

/** A value met on the walk: the key that led to it from its parent (none for the root). */
interface Visit {
  value: unknown;
  key?: string | number;
  parent?: Visit;
}

/** The field path of a visited value from `root`, spelled as `childPath` spells it. */
function pathOf(visit: Visit, root: string): string {
  const keys: (string | number)[] = [];
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) keys.push(at.key!);
  return keys.reverse().reduce<string>((path, key) => childPath(path, key), root);
}
