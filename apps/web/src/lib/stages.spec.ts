import { TOP_STATES } from '@charterflow/procedure';
import { EXITS, MAIN_PATH, stagesOf } from './stages';

describe('the stages of the procedure drawn for a case', () => {
  it('takes the path and the exits from the machine’s top states', () => {
    expect(MAIN_PATH[0]).toBe('sympathiser');
    expect(MAIN_PATH[MAIN_PATH.length - 1]).toBe('fullMember');
    expect([...MAIN_PATH, ...EXITS].sort()).toEqual([...TOP_STATES].sort());
    expect(EXITS).toContain('notAdmitted');
  });

  it('marks the stages the case went through done, its own current, the rest ahead', () => {
    const { path, exit } = stagesOf('cellReview', ['sympathiser', 'awarenessCertified', 'dossier']);
    expect(exit).toBeNull();
    expect(path.slice(0, 5).map((s) => [s.state, s.status])).toEqual([
      ['sympathiser', 'done'],
      ['awarenessCertified', 'done'],
      ['dossier', 'done'],
      ['cellReview', 'current'],
      ['grassrootsReview', 'ahead'],
    ]);
  });

  it('marks a stage passed over as not applicable (a cell directly under the commune has no grassroots vote)', () => {
    const { path } = stagesOf('superiorReview', ['sympathiser', 'awarenessCertified', 'dossier', 'cellReview']);
    expect(path.find((s) => s.state === 'grassrootsReview')?.status).toBe('skipped');
    expect(path.find((s) => s.state === 'awaitingCeremony')?.status).toBe('ahead');
  });

  it('shows an exit apart and the path up to where the case left it', () => {
    const { path, exit } = stagesOf('notAdmitted', ['sympathiser', 'awarenessCertified', 'dossier', 'cellReview']);
    expect(exit).toBe('notAdmitted');
    expect(path.find((s) => s.state === 'cellReview')?.status).toBe('done');
    expect(path.find((s) => s.state === 'grassrootsReview')?.status).toBe('ahead');
    expect(path.some((s) => s.status === 'current')).toBe(false);
  });

  it('a full member has every stage done', () => {
    const { path } = stagesOf('fullMember', [...MAIN_PATH]);
    expect(path.every((s) => s.status === 'done')).toBe(true);
  });
});
