import { Global, Injectable, Module } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseMoved, CaseMovedObserver } from '@charterflow/cases';
import { OrganisationsModule, OrganisationsService } from '@charterflow/organisations';
import { InboxModule } from '../inbox/inbox.module';
import { InboxRepository } from '../inbox/inbox.repository';
import { BilingualText, NewNotification } from '../inbox/notification';

/** dd/mm/yyyy, as staff read a business date. */
const dateVi = (d: string): string => d.split('-').reverse().join('/');

/** The text of the two notices of a transfer: the cell the case left and the cell it joined (names, never ids). */
export function transferTexts(m: { candidateName: string; decisionNo: string; decidedOn: string; fromName: string; toName: string }): {
  origin: { title: BilingualText; body: BilingualText };
  destination: { title: BilingualText; body: BilingualText };
} {
  const decision = { vi: `quyết định số ${m.decisionNo} ngày ${dateVi(m.decidedOn)}`, en: `decision ${m.decisionNo} of ${m.decidedOn}` };
  return {
    origin: {
      title: { vi: `Hồ sơ đã chuyển đi – ${m.candidateName}`, en: `Case transferred out – ${m.candidateName}` },
      body: {
        vi: `Hồ sơ của ${m.candidateName} đã được chuyển sinh hoạt đến ${m.toName} theo ${decision.vi}. Từ nay ${m.toName} quản lý và ghi nhận các bước tiếp theo; lịch sử hồ sơ được giữ nguyên.`,
        en: `The case of ${m.candidateName} was transferred to ${m.toName} by ${decision.en}. The destination records the next steps; the history is kept whole.`,
      },
    },
    destination: {
      title: { vi: `Hồ sơ chuyển đến – ${m.candidateName}`, en: `Case transferred in – ${m.candidateName}` },
      body: {
        vi: `Hồ sơ của ${m.candidateName} đã được chuyển sinh hoạt từ ${m.fromName} đến chi bộ theo ${decision.vi}. Chi bộ tiếp nhận và ghi nhận các bước tiếp theo của hồ sơ.`,
        en: `The case of ${m.candidateName} was transferred in from ${m.fromName} by ${decision.en}. The cell records its next steps.`,
      },
    },
  };
}

/** Writes the notices of a transfer to the secretaries of both cells, in the transaction that moved the case. */
@Injectable()
export class TransferNotices extends CaseMovedObserver {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly organisations: OrganisationsService,
  ) {
    super();
  }

  async caseMoved(m: EntityManager, moved: CaseMoved): Promise<void> {
    const [from, to] = await Promise.all([this.organisations.get(moved.fromOrganisationId), this.organisations.get(moved.toOrganisationId)]);
    const texts = transferTexts({ candidateName: moved.candidateName, decisionNo: moved.decisionNo, decidedOn: moved.decidedOn, fromName: from.name, toName: to.name });
    const notice = (organisationId: string, side: 'origin' | 'destination'): NewNotification => ({
      organisationId,
      role: 'cell_secretary',
      caseId: moved.caseId,
      deadlineId: null,
      kind: 'transfer',
      phase: null,
      dueOn: null,
      title: texts[side].title,
      body: texts[side].body,
      createdAt: moved.recordedAt,
      dedupeKey: `transfer:${moved.caseId}:${moved.recordedAt.toISOString()}:${side}`,
    });
    await this.inbox.insertMany(m, [notice(from.id, 'origin'), notice(to.id, 'destination')]);
  }
}

/** Provides the observer the case store tells of transfers (global: the cases module finds it without importing this one). */
@Global()
@Module({
  imports: [InboxModule, OrganisationsModule],
  providers: [TransferNotices, { provide: CaseMovedObserver, useExisting: TransferNotices }],
  exports: [CaseMovedObserver],
})
export class TransferNoticesModule {}
