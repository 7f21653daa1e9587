import { ImportReport, ImportRunner } from '@charterflow/intake';
import { API, TestApp } from '../support/app';

/**
 * The report of an accepted upload once processed: runs the import worker's work in the test's process (the test
 * apps start without the worker, RUN_WORKER=false) and reads the import again as the bootstrap admin.
 */
export async function finished(t: TestApp, accepted: { status: number; body: { importId: string } }): Promise<ImportReport> {
  if (accepted.status !== 202) throw new Error(`the upload answered ${accepted.status} ${JSON.stringify(accepted.body)}`);
  await t.app.get(ImportRunner).drain();
  const res = await t.http.get(`${API}/imports/${accepted.body.importId}`).expect(200);
  if (res.body.status !== 'done') throw new Error(`import ${accepted.body.importId} is ${res.body.status as string}`);
  return res.body as ImportReport;
}
