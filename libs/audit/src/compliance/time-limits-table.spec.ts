import { addDays, BusinessDate, DeadlineDefinition, deadlineDefinition, deadlineLimitText, QD232_2025, QD294_2025, RULE_SETS, RuleSet } from '@charterflow/procedure';
import { AuditCaseBuilder, BOARD, CALENDAR, ctx, fullPath, SPONSOR, tamper, upToCellReview } from './__fixtures__/case-builder';
import { checkById } from './catalogue';
import { AuditCase, CheckResult } from './model';
import { runChecks } from './run-checks';

/*
 * The audit's time-limit checks read the engine's DEADLINE_TABLE and rule sets, never numbers of their own: each
 * test builds a case with the engine (under the real numbers), then changes one number of a rule set while the
 * audit runs. A check that computed its own limit would not move with it.
 */

const TODAY = '2027-12-31';
const check = (c: AuditCase, id: string, today: BusinessDate = TODAY): CheckResult => runChecks(c, ctx(today), [id])[0];
const wd = (from: BusinessDate, n: number) => CALENDAR.addWorkingDays(from, n);

/** Runs `fn` with `patch` applied to `rs` (restored afterwards, even on failure). */
function withRuleSet<T>(rs: RuleSet, patch: Partial<RuleSet>, fn: () => T): T {
  const saved = Object.fromEntries(Object.keys(patch).map((k) => [k, rs[k as keyof RuleSet]]));
  Object.assign(rs, patch);
  try {
    return fn();
  } finally {
    Object.assign(rs, saved);
  }
}

/** Runs `fn` with one row of DEADLINE_TABLE changed (restored afterwards): the engine's table itself, not a rule set. */
function withTableRow<T>(kind: string, patch: Partial<DeadlineDefinition>, fn: () => T): T {
  const row = deadlineDefinition(kind) as DeadlineDefinition;
  // Saved as plain values to be put back: the functions among them are never called from here.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const saved = Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof DeadlineDefinition]]));
  Object.assign(row, patch);
  try {
    return fn();
  } finally {
    Object.assign(row, saved);
  }
}

const moved = (c: AuditCase, type: string, on: BusinessDate) => tamper(c, type, (e) => (e.occurredOn = on));

describe('A15 reads the admission-decision limit and its extension from the table', () => {
  const cellVoteOn = '2025-09-15';
  const base = () =>
    upToCellReview().ok('CELL_VOTE_RECORDED', cellVoteOn, { fullMembers: 9, excluded: 0, inFavour: 6 }).ok('GRASSROOTS_VOTE_RECORDED', '2025-09-29', { committeeMembers: 9, inFavour: 6 });
  const decidedOn = (on: BusinessDate) => base().ok('ADMISSION_DECIDED', on, { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: on }, BOARD).build();
  const qd294 = (workingDays: number, extension = QD294_2025.admissionDecision.extension) => ({ admissionDecision: { ...QD294_2025.admissionDecision, workingDays, extension } });

  it('a rule set of 50 working days: the 50th passes, the next working day fails, one day late', () => {
    const due = wd(cellVoteOn, 50);
    // Under the real 45 days the 50th working day is late.
    expect(check(decidedOn(due), 'A15')).toMatchObject({ status: 'fail', evidence: { workingDays: 45, workingDaysLate: 5 } });
    withRuleSet(QD294_2025, qd294(50), () => {
      expect(check(decidedOn(due), 'A15')).toMatchObject({ status: 'pass', evidence: { limit: due, workingDays: 50, metOn: due, limitText: '50 working days, +15 once' } });
      const late = wd(due, 1);
      expect(check(decidedOn(late), 'A15')).toMatchObject({ status: 'fail', detectedOn: addDays(due, 1), evidence: { limit: due, metOn: late, workingDaysLate: 1 } });
    });
  });

  it('the extension is the table’s: +20 under a changed rule set', () => {
    const extended = (on: BusinessDate) =>
      base().ok('DEADLINE_EXTENDED', '2025-10-20', { deadlineKind: 'ADMISSION_DECISION', reason: 'Chờ thẩm tra' }, BOARD).ok('ADMISSION_DECIDED', on, { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: on }, BOARD).build();
    const due = wd(wd(cellVoteOn, 45), 20);
    withRuleSet(QD294_2025, qd294(45, 20), () => {
      expect(check(extended(due), 'A15')).toMatchObject({ status: 'pass', evidence: { extendedBy: 20, limit: due } });
      expect(check(extended(wd(due, 1)), 'A15')).toMatchObject({ status: 'fail', evidence: { extendedBy: 20, workingDaysLate: 1 } });
    });
  });

  it('pending: running through the due day, a breach from the day after', () => {
    withRuleSet(QD294_2025, qd294(47), () => {
      const due = wd(cellVoteOn, 47);
      expect(check(base().build(), 'A15', due).status).toBe('not_applicable');
      expect(check(base().build(), 'A15', addDays(due, 1))).toMatchObject({ status: 'fail', detectedOn: addDays(due, 1), eventSeq: null, evidence: { workingDays: 47 } });
    });
  });

  it('the rule set is chosen by the resolution date: a change of the older set leaves a 2025-09 resolution alone', () => {
    const due = wd(cellVoteOn, 45);
    withRuleSet(QD232_2025, { admissionDecision: { ...QD232_2025.admissionDecision, workingDays: 10 } }, () => {
      expect(check(decidedOn(due), 'A15')).toMatchObject({ status: 'pass', evidence: { workingDays: 45, ruleSet: 'qd294-2025' } });
    });
  });
});

describe('A16 reads the ceremony limit from the table', () => {
  const receivedOn = '2025-10-16';
  it('a rule set of 35 working days: the 35th passes, the next working day fails', () => {
    const due = wd(receivedOn, 35);
    const c = (on: BusinessDate) => moved(fullPath().build(), 'CEREMONY_HELD', on);
    expect(check(c(due), 'A16')).toMatchObject({ status: 'fail', evidence: { workingDays: 30 } });
    withRuleSet(QD294_2025, { ceremonyWorkingDays: 35 }, () => {
      expect(check(c(due), 'A16')).toMatchObject({ status: 'pass', evidence: { baseOn: receivedOn, limit: due, workingDays: 35 } });
      expect(check(c(wd(due, 1)), 'A16')).toMatchObject({ status: 'fail', detectedOn: addDays(due, 1), evidence: { workingDaysLate: 1 } });
    });
  });
});

describe('A18 reads the recognition cell-review limit from the table', () => {
  const end = '2026-11-03';
  it('a rule set of 20 working days: the 20th passes, the next working day fails', () => {
    const due = wd(end, 20);
    const c = (on: BusinessDate) => moved(fullPath().build(), 'RECOGNITION_CELL_VOTE_RECORDED', on);
    expect(check(c(wd(due, 1)), 'A18').status).toBe('pass');
    withRuleSet(QD294_2025, { recognitionCellReviewWorkingDays: 20 }, () => {
      expect(check(c(due), 'A18')).toMatchObject({ status: 'pass', evidence: { baseOn: end, limit: due, workingDays: 20 } });
      expect(check(c(wd(due, 1)), 'A18')).toMatchObject({ status: 'fail', detectedOn: addDays(due, 1), evidence: { workingDaysLate: 1 } });
    });
  });
});

describe('A18 before PROBATION_ENDED is recorded: the limit the table would open on the end of probation', () => {
  const end = '2026-11-03';
  const inProbation = () => fullPath().build();
  // The history up to the new-member class: probation running, PROBATION_ENDED not recorded.
  const unrecorded = () => {
    const c = inProbation();
    c.events = c.events.filter((e) => e.seq <= c.events.find((x) => x.type === 'NEW_MEMBER_CLASS_COMPLETED')!.seq);
    return c;
  };
  it('runs through the table’s due day and fails from the day after; a changed row moves it', () => {
    const due = wd(end, 30);
    expect(check(unrecorded(), 'A18', due).status).toBe('not_applicable');
    expect(check(unrecorded(), 'A18', addDays(due, 1))).toMatchObject({ status: 'fail', detectedOn: addDays(due, 1), eventSeq: null, evidence: { baseOn: end, limit: due, workingDays: 30 } });
    withTableRow('RECOGNITION_CELL_REVIEW', { lengths: () => ({ default: { amount: 10, unit: 'workingDays' } }) }, () => {
      expect(check(unrecorded(), 'A18', addDays(wd(end, 10), 1))).toMatchObject({ status: 'fail', evidence: { limit: wd(end, 10), workingDays: 10 } });
    });
  });
});

describe('A20 reads the recognition-decision limit and its extension from the table', () => {
  const cellVoteOn = '2026-11-09';
  const decidedOn = (on: BusinessDate, extended = false) => {
    const c = moved(fullPath().build(), 'RECOGNITION_DECIDED', on);
    if (extended) {
      const at = c.events.findIndex((e) => e.type === 'RECOGNITION_DECIDED');
      c.events.splice(at, 0, { seq: 99, type: 'DEADLINE_EXTENDED', occurredOn: '2026-11-20', payload: { deadlineKind: 'RECOGNITION_DECISION', reason: 'x' }, actor: BOARD, fromState: 'recognitionReview', toState: 'recognitionReview' });
    }
    return c;
  };
  it('a rule set of 25 working days +10: the due days move with it', () => {
    const patch = { recognitionDecision: { ...QD294_2025.recognitionDecision, workingDays: 25, extension: 10 } };
    const due = wd(cellVoteOn, 25);
    const extendedDue = wd(due, 10);
    withRuleSet(QD294_2025, patch, () => {
      expect(check(decidedOn(due), 'A20')).toMatchObject({ status: 'pass', evidence: { limit: due, workingDays: 25 } });
      expect(check(decidedOn(wd(due, 1)), 'A20')).toMatchObject({ status: 'fail', evidence: { workingDaysLate: 1 } });
      expect(check(decidedOn(extendedDue, true), 'A20')).toMatchObject({ status: 'pass', evidence: { limit: extendedDue, extendedBy: 10 } });
      expect(check(decidedOn(wd(extendedDue, 1), true), 'A20')).toMatchObject({ status: 'fail', evidence: { extendedBy: 10, workingDaysLate: 1 } });
    });
  });
});

describe('A23 reads the verification-reply limit of the request’s scope from the table', () => {
  const requestedOn = '2025-09-08';
  const repliedOn = (on: BusinessDate) => {
    const abroad = tamper(fullPath(true).build(), 'VERIFICATION_REQUESTED', (e) => (e.payload.scope = 'abroad'));
    return moved(abroad, 'VERIFICATION_REPLIED', on);
  };
  it('a rule set of 60 working days abroad: the 60th passes, the next working day fails', () => {
    const due = wd(requestedOn, 60);
    expect(check(repliedOn(wd(due, 1)), 'A23').status).toBe('pass');
    withRuleSet(QD294_2025, { verificationReplyWorkingDays: { domestic: 30, abroad: 60 } }, () => {
      expect(check(repliedOn(due), 'A23')).toMatchObject({ status: 'pass', evidence: { requests: [{ status: 'pass', scope: 'abroad', limit: due, workingDays: 60 }] } });
      expect(check(repliedOn(wd(due, 1)), 'A23')).toMatchObject({ status: 'fail', detectedOn: addDays(due, 1), evidence: { scope: 'abroad', workingDaysLate: 1 } });
    });
  });
});

describe('the titles name the limits of every rule set, as the table states them', () => {
  it.each([
    ['A15', 'ADMISSION_DECISION'],
    ['A16', 'CEREMONY'],
    ['A18', 'RECOGNITION_CELL_REVIEW'],
    ['A20', 'RECOGNITION_DECISION'],
    ['A23', 'VERIFICATION_REPLY'],
  ] as const)('%s names %s', (id, kind) => {
    const title = checkById(id)!.title;
    for (const rs of RULE_SETS) {
      expect(title.en).toContain(deadlineLimitText(kind, rs, 'en'));
      expect(title.vi).toContain(deadlineLimitText(kind, rs, 'vi'));
    }
  });
});

describe('DEADLINE_TABLE is the one source: a row changed in the table moves the audit', () => {
  const cellVoteOn = '2025-09-15';
  const decided = (on: BusinessDate, extended = false) => {
    const b = upToCellReview().ok('CELL_VOTE_RECORDED', cellVoteOn, { fullMembers: 9, excluded: 0, inFavour: 6 }).ok('GRASSROOTS_VOTE_RECORDED', '2025-09-29', { committeeMembers: 9, inFavour: 6 });
    if (extended) b.ok('DEADLINE_EXTENDED', '2025-10-20', { deadlineKind: 'ADMISSION_DECISION', reason: 'x' }, BOARD);
    return b.ok('ADMISSION_DECIDED', on, { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: on }, BOARD).build();
  };

  it('A15: the length column (45 → 40 working days, every rule set)', () => {
    const due = wd(cellVoteOn, 40);
    expect(check(decided(wd(due, 1)), 'A15').status).toBe('pass');
    withTableRow('ADMISSION_DECISION', { lengths: () => ({ default: { amount: 40, unit: 'workingDays' } }) }, () => {
      expect(check(decided(due), 'A15')).toMatchObject({ status: 'pass', evidence: { limit: due, workingDays: 40 } });
      expect(check(decided(wd(due, 1)), 'A15')).toMatchObject({ status: 'fail', detectedOn: addDays(due, 1), evidence: { workingDaysLate: 1 } });
    });
  });

  it('A15: the extension column (+15 → +5)', () => {
    const due = wd(wd(cellVoteOn, 45), 5);
    expect(check(decided(wd(due, 1), true), 'A15').status).toBe('pass');
    withTableRow('ADMISSION_DECISION', { extension: () => 5 }, () => {
      expect(check(decided(due, true), 'A15')).toMatchObject({ status: 'pass', evidence: { limit: due, extendedBy: 5 } });
      expect(check(decided(wd(due, 1), true), 'A15')).toMatchObject({ status: 'fail', evidence: { extendedBy: 5, workingDaysLate: 1 } });
    });
  });

  it('A16: the ceremony row (30 → 25 working days)', () => {
    const due = wd('2025-10-16', 25);
    const c = (on: BusinessDate) => moved(fullPath().build(), 'CEREMONY_HELD', on);
    expect(check(c(wd(due, 1)), 'A16').status).toBe('pass');
    withTableRow('CEREMONY', { lengths: () => ({ default: { amount: 25, unit: 'workingDays' } }) }, () => {
      expect(check(c(due), 'A16')).toMatchObject({ status: 'pass', evidence: { limit: due, workingDays: 25 } });
      expect(check(c(wd(due, 1)), 'A16')).toMatchObject({ status: 'fail', evidence: { workingDaysLate: 1 } });
    });
  });

  it('A23: the variant a request uses is the table’s (every request counted as domestic)', () => {
    const abroad = tamper(fullPath(true).build(), 'VERIFICATION_REQUESTED', (e) => (e.payload.scope = 'abroad'));
    const due30 = wd('2025-09-08', 30);
    const late = moved(abroad, 'VERIFICATION_REPLIED', wd(due30, 1));
    expect(check(late, 'A23').status).toBe('pass');
    withTableRow('VERIFICATION_REPLY', { variant: () => 'domestic' }, () => {
      expect(check(late, 'A23')).toMatchObject({ status: 'fail', detectedOn: addDays(due30, 1), evidence: { scope: 'abroad', workingDays: 30, workingDaysLate: 1 } });
    });
  });
});

describe('A21 reads the number of failed votes from the rule set in force on each vote, as the engine does (ADR 0017)', () => {
  const recognise = (inFavour: number) => ({ fullMembers: 9, excluded: 0, inFavour, motion: 'recognise' });
  /** A probationer whose probation ends on 2025-06-03, under QĐ232; the cell's failed votes straddle 1 Jul 2025 (QĐ294). */
  const readyOn2025 = () =>
    new AuditCaseBuilder('2024-02-01')
      .ok('AWARENESS_CERTIFICATE_RECORDED', '2024-03-01', { certificateNo: 'CN-1', issuedOn: '2024-03-01', issuer: 'Trung tâm chính trị' })
      .ok('DOSSIER_OPENED', '2024-03-04', { resolutionNo: 'NQ-1' })
      .ok('APPLICATION_FILED', '2024-03-04')
      .ok('BIOGRAPHY_FILED', '2024-03-04')
      .ok('BIOGRAPHY_CERTIFIED', '2024-03-05', { politicalIssue: false })
      .ok('INTRODUCING_RESOLUTION_RECORDED', '2024-03-05', { body: 'youth_union', resolutionNo: 'NQ-DTN-1' })
      .ok('SPONSOR_ADDED', '2024-03-05', { sponsor: { ...SPONSOR, togetherSince: '2022-01-03' } })
      .ok('OPINIONS_RECORDED', '2024-03-06', { organisations: ['Đoàn TNCS Hồ Chí Minh'], residenceCell: true })
      .ok('CELL_VOTE_RECORDED', '2024-04-01', { fullMembers: 9, excluded: 0, inFavour: 6 })
      .ok('GRASSROOTS_VOTE_RECORDED', '2024-04-15', { committeeMembers: 9, inFavour: 6 })
      .ok('ADMISSION_DECIDED', '2024-04-22', { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: '2024-04-23' }, BOARD)
      .ok('CEREMONY_HELD', '2024-06-03', { helper: { name: 'Trần Văn Bình' } })
      .ok('NEW_MEMBER_CLASS_COMPLETED', '2024-09-02', { certificateNo: 'BD-1' })
      .ok('PROBATION_ENDED', '2025-06-03')
      .ok('SELF_REVIEW_SUBMITTED', '2025-06-04')
      .ok('HELPER_ASSESSMENT_SUBMITTED', '2025-06-04')
      .ok('RECOGNITION_OPINIONS_RECORDED', '2025-06-05')
      .ok('RECOGNITION_CELL_VOTE_RECORDED', '2025-06-27', recognise(5));

  it('QĐ232 at 2 failed votes, QĐ294 at 3: the second failure (under QĐ294) does not escalate, the third does; both pass', () => {
    withRuleSet(QD232_2025, { failedVotesBeforeEscalation: 2 }, () => {
      const b = readyOn2025().ok('RECOGNITION_CELL_VOTE_RECORDED', '2025-07-01', recognise(5));
      expect(b.state).toBe('recognitionReview');
      expect(check(b.build(), 'A21').status).toBe('not_applicable');
      b.ok('RECOGNITION_CELL_VOTE_RECORDED', '2025-07-08', recognise(5));
      expect(b.state).toBe('escalated');
      expect(check(b.build(), 'A21')).toMatchObject({ status: 'pass', evidence: { failedVotes: 3 } });
    });
  });

  it('QĐ232 at 3, QĐ294 at 2: the second failure (under QĐ294) escalates, and passes', () => {
    withRuleSet(QD294_2025, { failedVotesBeforeEscalation: 2 }, () => {
      const b = readyOn2025().ok('RECOGNITION_CELL_VOTE_RECORDED', '2025-07-01', recognise(5));
      expect(b.state).toBe('escalated');
      expect(check(b.build(), 'A21')).toMatchObject({ status: 'pass', evidence: { failedVotes: 2 } });
    });
  });
});
