import { TimedEventsService } from '@charterflow/cases';
import { API, createOrganisationTree, startTestApp, TestApp } from '../support/app';
import { CaseBody, caseInProbation, deadline } from './helpers';

/** The engine's own event: PROBATION_ENDED on the legal end of probation, recorded by the worker's sweep. */
describe('timed events (PROBATION_ENDED) recorded by the worker', () => {
  let t: TestApp;
  let cellId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ cellId } = await createOrganisationTree(t.http));
  });
  afterAll(() => t.close());

  async function get(id: string): Promise<CaseBody> {
    return (await t.http.get(`${API}/cases/${id}`).expect(200)).body as CaseBody;
  }

  it('records nothing the day before the end of probation and PROBATION_ENDED on the end date, once', async () => {
    const c = await caseInProbation(t, cellId); // ceremony 2026-03-02 → probation ends 2027-03-02
    expect(deadline(c, 'PROBATION_END')).toMatchObject({ dueOn: '2027-03-02', status: 'open' });
    const sweeper = t.app.get(TimedEventsService);

    t.setToday('2027-03-01');
    expect((await sweeper.sweep()).applied).not.toContain(c.id);
    expect((await get(c.id)).state).toBe('probation');

    t.setToday('2027-03-02');
    expect((await sweeper.sweep()).applied).toContain(c.id);
    const after = await get(c.id);
    expect(after.state).toBe('recognitionReview');
    expect(after.version).toBe(c.version + 1);
    expect(deadline(after, 'PROBATION_END')).toMatchObject({ status: 'met', closedOn: '2027-03-02' });

    // A second sweep finds nothing due for this case and writes nothing.
    expect((await sweeper.sweep()).applied).not.toContain(c.id);
    const events = (await t.http.get(`${API}/cases/${c.id}/events`).expect(200)).body as { type: string; occurredOn: string; actor: { kind: string } }[];
    const ended = events.filter((e) => e.type === 'PROBATION_ENDED');
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({ occurredOn: '2027-03-02', actor: { kind: 'system' } });
    expect((await get(c.id)).version).toBe(after.version);
  });

  it('an in-process worker started after the end date records the missed PROBATION_ENDED at once, dated on the end date', async () => {
    const c = await caseInProbation(t, cellId);
    const worker = await startTestApp({ today: '2027-04-10', env: { RUN_WORKER: 'true' } });
    try {
      let state = c.state;
      for (let i = 0; i < 100 && state === 'probation'; i += 1) {
        await new Promise((r) => setTimeout(r, 50));
        state = ((await worker.http.get(`${API}/cases/${c.id}`).expect(200)).body as CaseBody).state;
      }
      expect(state).toBe('recognitionReview');
      const events = (await worker.http.get(`${API}/cases/${c.id}/events`).expect(200)).body as { type: string; occurredOn: string }[];
      expect(events.filter((e) => e.type === 'PROBATION_ENDED').map((e) => e.occurredOn)).toEqual(['2027-03-02']);
    } finally {
      await worker.close();
    }
  });
});
