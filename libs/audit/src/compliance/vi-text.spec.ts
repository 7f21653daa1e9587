import { sourceVi } from '@charterflow/procedure';
import { viArticle, viDate } from './vi-text';

describe('Vietnamese texts of the evidence', () => {
  it('names the cited articles with the engine’s renderer, as a refusal does', () => {
    for (const source of ['QĐ294 §4.3.1', 'QĐ232 §4.3.1', 'HD06 §3.4d', 'CH Art. 4(3)', 'HD06 §4.5b; CH Art. 24']) {
      expect(viArticle(source)).toBe(sourceVi(source));
      expect(viArticle(source)).not.toMatch(/§|Art\.|\bQĐ\d/);
    }
    expect(viArticle('QĐ232 §4.3.1')).toContain('232-QĐ/TW');
  });

  it('writes dates dd/mm/yyyy', () => {
    expect(viDate('2026-03-05')).toBe('05/03/2026');
  });
});
