import { API, createOrganisationTree } from '../support/app';
import { caseInCellReview, recordOn } from '../api/helpers';
import { byPhase, deadlineOf, DeliveryTestApp, fireAt, notificationsOf, startDeliveryApp } from './support';

/**
 * The limits of a rule profile (ADR 0023) are reminded like every other kind: the reminder policy's row of the kind,
 * the deadline's label in Vietnamese, the recipients resolved from the case's cell.
 */
describe('reminders of a Hà Nội limit', () => {
  let t: DeliveryTestApp;

  beforeAll(async () => {
    t = await startDeliveryApp();
  });
  afterAll(() => t?.close());

  it('DOSSIER_DISPATCH (cell vote 15/01/2026 → due 22/01/2026) reminds the cell secretary 3 and 1 working days before its due day, then escalates', async () => {
    const tree = await createOrganisationTree(t.http);
    await t.http.patch(`${API}/organisations/${tree.provinceId}`).send({ ruleProfile: 'hanoi' }).expect(200);
    t.setToday('2026-01-14');
    const c = await caseInCellReview(t.http, tree.cellId);
    await recordOn(t, c.id, 'CELL_VOTE_RECORDED', '2026-01-15', { fullMembers: 9, excluded: 0, inFavour: 6 });

    const d = await deadlineOf(t.db, c.id, 'DOSSIER_DISPATCH');
    expect(d).toMatchObject({ status: 'open', dueOn: '2026-01-22', generation: 1 });
    expect(byPhase(await t.pending.forDeadlines([d.id]))).toEqual({
      'remind-3wd': '2026-01-19T01:00:00.000Z',
      'remind-1wd': '2026-01-21T01:00:00.000Z',
      escalate: '2026-01-22T17:00:00.000Z',
    });

    expect(await fireAt(t, '2026-01-19T01:00:00.000Z', { deadlineId: d.id, generation: 1, phase: 'remind-3wd' })).toMatchObject({ outcome: 'fired', notifications: 1 });
    const [n] = await notificationsOf(t.db, d.id);
    expect(n).toMatchObject({ organisation_id: tree.cellId, role: 'cell_secretary', kind: 'reminder', due_on: '2026-01-22' });
    expect(n.title_vi).toBe('Nhắc hạn: Hạn chi bộ gửi hồ sơ đề nghị kết nạp lên cấp trên – Nguyễn Thị Lan (đến hạn 22/01/2026)');
    expect(n.body_vi).toContain('(còn 3 ngày làm việc)');
    expect(n.body_vi).toContain('Căn cứ: mục II.1.1.3.2 Hướng dẫn số 02-HD/BTCTU của Ban Tổ chức Thành ủy Hà Nội.');
  });
});
