import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BusinessDate } from '@charterflow/kernel';
import { RegisterEntry } from '../register/admissions-register';

/**
 * The admissions of a period in a subtree, read from the recorded histories (the decision that admitted) and, for the
 * date of full membership, the engine's own facts in the stored snapshot.
 */
@Injectable()
export class AdmissionsRegisterRepository {
  constructor(private readonly dataSource: DataSource) {}

  async entries(pathPrefix: string, from: BusinessDate, to: BusinessDate): Promise<RegisterEntry[]> {
    const rows: { full_name: string; date_of_birth: string; cell_name: string; decision_no: string | null; decided_on: string; ceremony_on: string | null; full_member_since: string | null }[] =
      await this.dataSource.query(
        `SELECT c.candidate->>'fullName' AS full_name, c.candidate->>'dateOfBirth' AS date_of_birth, o.name AS cell_name,
                d.payload->>'decisionNo' AS decision_no, d.occurred_on AS decided_on,
                (SELECT e.occurred_on FROM case_events e WHERE e.case_id = c.id AND e.type = 'CEREMONY_HELD' ORDER BY e.seq DESC LIMIT 1) AS ceremony_on,
                c.snapshot #>> '{machine,context,fullMemberSince}' AS full_member_since
         FROM case_events d
         JOIN cases c ON c.id = d.case_id
         JOIN organisations o ON o.id = c.organisation_id
         WHERE d.type = 'ADMISSION_DECIDED' AND d.to_state <> 'notAdmitted' AND d.occurred_on BETWEEN $2 AND $3 AND o.path LIKE $1 || '%'
         ORDER BY d.occurred_on, c.candidate->>'fullName', c.id`,
        [pathPrefix, from, to],
      );
    return rows.map((r) => ({
      fullName: r.full_name,
      dateOfBirth: r.date_of_birth,
      cellName: r.cell_name,
      decisionNo: r.decision_no ?? '',
      decidedOn: r.decided_on,
      ceremonyOn: r.ceremony_on,
      fullMemberSince: r.full_member_since,
    }));
  }
}
