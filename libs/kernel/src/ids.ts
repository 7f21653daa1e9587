/**
 * Identifiers. Every id the service hands out is a UUID written in lower case, which is also how PostgreSQL
 * prints a `uuid` column. Input may spell one in any case, so each id is read through `canonicalId` before it is
 * compared, hashed into a history or used as part of a key: one case has one spelling everywhere.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID in any letter case. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The canonical (lower-case) spelling of a UUID, or null when `value` is not one. */
export function canonicalId(value: unknown): string | null {
  return isUuid(value) ? value.toLowerCase() : null;
}
