import { DocumentBody } from './document-input';

/**
 * The names a letterhead prints for a body. The tree names committees ("Đảng ủy phường Đống Đa", "Thành ủy Hà Nội");
 * the line above an issuer names the party organisation it belongs to ("Đảng bộ phường Đống Đa", "Đảng bộ thành phố
 * Hà Nội"). A name that starts otherwise is used as it is.
 */
const ORGANISATION_OF_COMMITTEE: readonly [RegExp, string][] = [
  [/^Đảng ủy\s+/iu, 'Đảng bộ '],
  [/^Đảng uỷ\s+/iu, 'Đảng bộ '],
  [/^Thành ủy\s+/iu, 'Đảng bộ thành phố '],
  [/^Tỉnh ủy\s+/iu, 'Đảng bộ tỉnh '],
];

export function partyOrganisationName(body: DocumentBody): string {
  for (const [pattern, replacement] of ORGANISATION_OF_COMMITTEE) if (pattern.test(body.name)) return body.name.replace(pattern, replacement);
  return body.name;
}

/**
 * The place written before the date ("Hà Nội, ngày …"): the province's name without the body's own word; the
 * province's name as it is when it has none of the usual prefixes.
 */
const PLACE_PREFIX = /^(Thành ủy|Tỉnh ủy|Đảng bộ thành phố|Đảng bộ tỉnh|Đảng ủy|Thành phố|Tỉnh)\s+/iu;

export function placeName(province: DocumentBody | null): string | null {
  return province ? province.name.replace(PLACE_PREFIX, '') : null;
}
