import { FULL_NAME_MAX_LENGTH, nameProblem, normaliseName, TITLE_MAX_LENGTH } from './user';

describe('full names and titles', () => {
  it('are stored in NFC, trimmed, with every run of white space one space', () => {
    const decomposed = 'Nguye\u0302\u0303n  Thi\u0323\n\tLan ';
    expect(normaliseName(decomposed)).toBe('Nguyễn Thị Lan');
    expect(normaliseName('   ')).toBe('');
    expect(normaliseName(42)).toBe(42);
  });

  it('a full name of 200 characters is accepted, 201 is refused (a Vietnamese letter with its marks counts once)', () => {
    const letter = 'ễ';
    expect(nameProblem('fullName', letter.repeat(FULL_NAME_MAX_LENGTH))).toBeNull();
    expect(nameProblem('fullName', letter.repeat(FULL_NAME_MAX_LENGTH + 1))).toBe('fullName must be at most 200 characters long');
    // Typed decomposed, the same 200 letters are 600 code units: NFC first, then counted.
    const typedDecomposed = 'e\u0302\u0303'.repeat(FULL_NAME_MAX_LENGTH);
    expect(typedDecomposed.length).toBe(600);
    expect(nameProblem('fullName', normaliseName(typedDecomposed))).toBeNull();
  });

  it('a title has the same limit and names its own field', () => {
    expect(nameProblem('title', 'a'.repeat(TITLE_MAX_LENGTH))).toBeNull();
    expect(nameProblem('title', 'a'.repeat(TITLE_MAX_LENGTH + 1))).toBe('title must be at most 200 characters long');
  });

  it('refuses a missing, empty or non-text value and control characters, naming the field', () => {
    expect(nameProblem('fullName', undefined)).toBe('fullName is required');
    expect(nameProblem('fullName', null)).toBe('fullName is required');
    expect(nameProblem('fullName', '')).toBe('fullName must not be empty');
    expect(nameProblem('fullName', 7)).toBe('fullName must be a string');
    expect(nameProblem('fullName', 'Lan\u0007')).toBe('fullName must not contain control characters');
    expect(nameProblem('title', 'Bí thư\u200Bchi bộ')).toBe('title must not contain control characters');
    expect(nameProblem('fullName', 'Đinh Thị Hồng Nhung')).toBeNull();
  });
});
