/**
 * Folds a name for searching: Unicode decomposition, combining marks removed, đ/Đ → d, lower case, spaces
 * collapsed. `searchText('Nguyễn Thị Đào') === 'nguyen thi dao'`.
 */
export function searchText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A LIKE pattern matching `text` anywhere, with LIKE's wildcards in it taken literally (escape character `\`). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
