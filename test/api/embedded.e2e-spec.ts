import { API, createOrganisationTree, startTestApp } from '../support/app';
import { createTempDataDir, PGLITE_TIMEOUT_MS } from '../support/database';
import { openCase, record } from './helpers';

describe('embedded default: no DATABASE_URL, PGlite in DATA_DIR', () => {
  const data = createTempDataDir('charterflow-api-');
  afterAll(() => data.remove());

  it('keeps organisations and cases across a restart on the same folder', async () => {
    const first = await startTestApp({ today: '2026-01-06', dataDir: data.dir });
    let caseId: string;
    let cellId: string;
    try {
      ({ cellId } = await createOrganisationTree(first.http));
      const c = await openCase(first.http, cellId);
      caseId = c.id;
      await record(first.http, caseId, 'AWARENESS_CERTIFICATE_RECORDED', '2026-01-06', { certificateNo: 'CN-1', issuedOn: '2026-01-06', issuer: 'Trung tâm' });
      expect((await first.http.get('/health')).status).toBe(200);
    } finally {
      await first.close();
    }

    const second = await startTestApp({ today: '2026-01-07', dataDir: data.dir });
    try {
      const read = await second.http.get(`${API}/cases/${caseId}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: caseId, state: 'awarenessCertified', version: 2, organisationId: cellId });
      expect((await second.http.get(`${API}/organisations/${cellId}`)).body).toMatchObject({ id: cellId, kind: 'cell' });
      expect((await second.http.get(`${API}/cases/${caseId}/verify`)).body).toMatchObject({ valid: true });
      const next = await record(second.http, caseId, 'DOSSIER_OPENED', '2026-01-07', { resolutionNo: 'NQ-7' });
      expect(next.state).toBe('dossier');
    } finally {
      await second.close();
    }
  }, PGLITE_TIMEOUT_MS);
});
