import { queryString } from './query-string';

describe('links to reports and exports', () => {
  it('keeps the filled values only, encoded', () => {
    expect(queryString({ format: 'csv', organisationId: null, from: '2026-01-01', to: '' })).toBe('?format=csv&from=2026-01-01');
    expect(queryString({ period: '2026', q: 'Lê Văn' })).toBe('?period=2026&q=L%C3%AA+V%C4%83n');
    expect(queryString({ a: undefined })).toBe('');
  });
});
