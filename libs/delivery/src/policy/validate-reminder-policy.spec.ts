import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEADLINE_KINDS } from '@charterflow/procedure';
import { DEFAULT_REMINDER_POLICY_PATH, loadReminderPolicy, resolveReminderPolicyPath } from './load-reminder-policy';
import { ReminderPolicyError, validateReminderPolicy } from './validate-reminder-policy';

const SHIPPED = resolve(__dirname, '../../../../config/delivery/reminder-policy.json');
const raw = () => JSON.parse(readFileSync(SHIPPED, 'utf8')) as { kinds: Record<string, Record<string, unknown>> } & Record<string, unknown>;

function refusal(value: unknown): ReminderPolicyError {
  try {
    validateReminderPolicy(value, 'test policy');
  } catch (e) {
    if (e instanceof ReminderPolicyError) return e;
    throw e;
  }
  throw new Error('the policy was accepted');
}

describe('the shipped reminder policy', () => {
  const policy = loadReminderPolicy(SHIPPED);

  it('covers every deadline kind, sends at 08:00 and follows procedure doc §5', () => {
    expect(Object.keys(policy.kinds).sort()).toEqual([...DEADLINE_KINDS].sort());
    expect(Object.values(policy.kinds).every((k) => k.sendAt === '08:00')).toBe(true);
    for (const kind of ['ADMISSION_DECISION', 'CEREMONY', 'MEMBER_RECORDS', 'VERIFICATION_REPLY', 'RECOGNITION_CELL_REVIEW', 'RECOGNITION_DECISION'] as const) {
      expect(policy.kinds[kind].reminders).toEqual([{ workingDays: 10 }, { workingDays: 3 }, { workingDays: 1 }]);
      expect(policy.kinds[kind].escalation).toEqual({ to: 'superior' });
    }
    expect(policy.kinds.PROBATION_END).toEqual({
      sendAt: '08:00',
      reminders: [{ months: 3 }, { months: 1 }],
      due: true,
      alert: [{ role: 'cell_secretary', at: 'cell' }],
      escalation: null,
    });
    expect(policy.kinds.AWARENESS_CERTIFICATE_EXPIRY.reminders).toEqual([{ months: 6 }, { months: 1 }]);
    expect(policy.kinds.DOSSIER_DOCUMENTS_EXPIRY.reminders).toEqual([{ months: 1 }]);
    expect(Object.entries(policy.kinds).filter(([, k]) => k.due).map(([kind]) => kind)).toEqual(['PROBATION_END']);
  });
});

describe('validateReminderPolicy refuses a bad policy, naming the kind and field', () => {
  it('a negative working-day offset', () => {
    const p = raw();
    p.kinds.CEREMONY.reminders = [{ workingDays: 10 }, { workingDays: -3 }];
    const e = refusal(p);
    expect(e.message).toContain('test policy is invalid');
    expect(e.message).toContain('kinds.CEREMONY.reminders[1].workingDays: must be a whole number from 1 to 250, got -3');
  });

  it('an offset with both units, or the same offset twice', () => {
    const p = raw();
    p.kinds.MEMBER_RECORDS.reminders = [{ workingDays: 3, months: 1 }];
    p.kinds.VERIFICATION_REPLY.reminders = [{ workingDays: 3 }, { workingDays: 3 }];
    const e = refusal(p);
    expect(e.issues.map((i) => i.field).sort()).toEqual(['kinds.MEMBER_RECORDS.reminders[0]', 'kinds.VERIFICATION_REPLY.reminders[1]']);
    expect(e.message).toContain('the offset 3wd is listed twice');
  });

  it('an unknown role or level, an empty alert list', () => {
    const p = raw();
    p.kinds.ADMISSION_DECISION.alert = [{ role: 'secretary', at: 'district' }];
    p.kinds.CEREMONY.alert = [];
    const e = refusal(p);
    expect(e.message).toContain('kinds.ADMISSION_DECISION.alert[0].role: must be one of cell_secretary, grassroots_officer, superior_officer, got "secretary"');
    expect(e.message).toContain('kinds.ADMISSION_DECISION.alert[0].at: must be one of cell, grassroots, commune, province, got "district"');
    expect(e.message).toContain('kinds.CEREMONY.alert: must name at least one recipient');
  });

  it('a missing kind, a misspelt kind and a misspelt field', () => {
    const p = raw();
    p.kinds.CEREMONYY = p.kinds.CEREMONY;
    delete p.kinds.CEREMONY;
    p.kinds.PROBATION_END.reminder = p.kinds.PROBATION_END.reminders;
    const e = refusal(p);
    expect(e.issues.map((i) => i.field)).toEqual(expect.arrayContaining(['kinds.CEREMONYY', 'kinds.CEREMONY', 'kinds.PROBATION_END.reminder']));
    expect(e.message).toContain('kinds.CEREMONY: missing: every deadline kind needs an entry');
  });

  it('a due firing on a kind without a timed event; a bad send time; another time zone; a bad escalation', () => {
    const p = raw();
    p.kinds.CEREMONY.due = true;
    p.kinds.CEREMONY.sendAt = '8h';
    p.kinds.MEMBER_RECORDS.escalation = { to: 'parent' };
    p.timeZone = 'Asia/Bangkok';
    const e = refusal(p);
    expect(e.message).toContain('kinds.CEREMONY.due: only PROBATION_END has a timed event on its due date');
    expect(e.message).toContain('kinds.CEREMONY.sendAt: must be a local time HH:MM, got "8h"');
    expect(e.message).toContain('kinds.MEMBER_RECORDS.escalation.to: must be "superior" or a non-empty list of recipients, got "parent"');
    expect(e.message).toContain('timeZone: must be Asia/Ho_Chi_Minh');
  });

  it('accepts an explicit escalation list and fills in the default send time', () => {
    const p = raw();
    p.kinds.CEREMONY.escalation = { to: [{ role: 'superior_officer', at: 'province' }] };
    delete p.sendAt;
    const policy = validateReminderPolicy(p);
    expect(policy.kinds.CEREMONY.escalation).toEqual({ to: [{ role: 'superior_officer', at: 'province' }] });
    expect(policy.kinds.CEREMONY.sendAt).toBe('08:00');
  });
});

describe('loadReminderPolicy and its path', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'policy-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the option wins over REMINDER_POLICY_PATH, which wins over the shipped file (relative to the working directory)', () => {
    expect(resolveReminderPolicyPath(undefined, {}, '/srv/app')).toBe(join('/srv/app', DEFAULT_REMINDER_POLICY_PATH));
    expect(resolveReminderPolicyPath(undefined, { REMINDER_POLICY_PATH: 'etc/p.json' }, '/srv/app')).toBe('/srv/app/etc/p.json');
    expect(resolveReminderPolicyPath('/opt/p.json', { REMINDER_POLICY_PATH: 'etc/p.json' }, '/srv/app')).toBe('/opt/p.json');
    expect(resolveReminderPolicyPath(undefined, { REMINDER_POLICY_PATH: ' ' }, '/srv/app')).toBe(join('/srv/app', DEFAULT_REMINDER_POLICY_PATH));
  });

  it('a file with a bad entry is refused with a message naming the file, kind and field; bad JSON and a missing file too', () => {
    const p = raw();
    p.kinds.PROBATION_END.reminders = [{ months: 0 }];
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(p));
    expect(() => loadReminderPolicy(file)).toThrow(`reminder policy ${file} is invalid: kinds.PROBATION_END.reminders[0].months: must be a whole number from 1 to 60, got 0`);
    writeFileSync(file, '{ not json');
    expect(() => loadReminderPolicy(file)).toThrow(/is not valid JSON/);
    expect(() => loadReminderPolicy(join(dir, 'none.json'))).toThrow(/cannot be read/);
  });
});
