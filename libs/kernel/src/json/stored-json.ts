/** How deep `storedJson` looks before handing a value to JSON itself (which also reports a cycle). */
const MAX_PLAIN_DEPTH = 64;

/**
 * A value as a `jsonb` column stores it, i.e. what a JSON round trip gives back: the value itself (not a copy) when it
 * is already plain JSON, otherwise `JSON.parse(JSON.stringify(value))`. Plain JSON is a string, a boolean, null, a
 * finite number other than -0, or a plain object or array of those with no `undefined` member, no hole and no
 * `toJSON`. Most values written are plain already (events and actors made from validated input), and looking
 * through one costs far less than rebuilding all of it through a string.
 */
export function storedJson<T>(value: T): T {
  return isPlainJson(value, 0) ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function isPlainJson(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (depth >= MAX_PLAIN_DEPTH) return false;
      if (Array.isArray(value)) {
        // A hole reads as undefined here and as null after JSON: not plain.
        for (let i = 0; i < value.length; i += 1) if (!isPlainJson(value[i], depth + 1)) return false;
        return Object.keys(value).length === value.length;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      if ('toJSON' in value || Object.getOwnPropertySymbols(value).length > 0) return false;
      for (const key of Object.keys(value)) if (!isPlainJson((value as Record<string, unknown>)[key], depth + 1)) return false;
      return true;
    }
    default:
      return false;
  }
}
