import { containsPattern, searchText } from './search-text';

describe('searchText', () => {
  it('removes Vietnamese diacritics, folds đ to d and lower-cases', () => {
    expect(searchText('Nguyễn Thị Đào')).toBe('nguyen thi dao');
    expect(searchText('  TRẦN   Văn  Bình ')).toBe('tran van binh');
    expect(searchText('Lê Hoàng Ước')).toBe('le hoang uoc');
  });

  it('folds composed and decomposed input alike', () => {
    expect(searchText('Nguye\u0302\u0303n')).toBe(searchText('Nguyễn'));
  });
});

describe('containsPattern', () => {
  it('escapes LIKE wildcards', () => {
    expect(containsPattern('lan')).toBe('%lan%');
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
