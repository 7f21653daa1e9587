/**
 * The bodies of the Party's organisation system a case passes through (CH Art. 11; QĐ294 §4.3, §22; procedure doc
 * §0.1), from the top down: their kinds, their names as staff read them, and which kind may sit under which.
 */
export const BODY_KINDS = ['province', 'commune', 'grassroots', 'cell'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** The kinds of body as staff read them, Vietnamese first. */
export const BODY_KIND_LABELS: Readonly<Record<BodyKind, { vi: string; en: string }>> = {
  province: { vi: 'Tỉnh ủy, thành ủy', en: 'Province committee' },
  commune: { vi: 'Đảng ủy xã, phường, đặc khu (cấp trên trực tiếp cơ sở)', en: 'Commune or ward committee' },
  grassroots: { vi: 'Đảng ủy cơ sở', en: 'Grassroots committee' },
  cell: { vi: 'Chi bộ', en: 'Cell' },
};

/** Which kinds of body a body of each kind may sit under (null = a root). */
export const ALLOWED_PARENT_KINDS: Readonly<Record<BodyKind, readonly (BodyKind | null)[]>> = {
  province: [null],
  commune: ['province'],
  grassroots: ['commune', 'province'],
  cell: ['grassroots', 'commune'],
};

/** Only a grassroots committee can be authorised to decide admissions itself (QĐ294 §22.1). */
export function mayBeAuthorisedToAdmit(kind: BodyKind): boolean {
  return kind === 'grassroots';
}
