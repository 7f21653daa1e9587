import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ReminderPolicy } from './reminder-policy';
import { ReminderPolicyError, validateReminderPolicy } from './validate-reminder-policy';

/** The policy shipped with the application, relative to the working directory. */
export const DEFAULT_REMINDER_POLICY_PATH = 'config/delivery/reminder-policy.json';

/** Environment variable naming another policy file (absolute, or relative to the working directory). */
export const REMINDER_POLICY_PATH_VARIABLE = 'REMINDER_POLICY_PATH';

/** Where the policy is read from: the explicit option, else REMINDER_POLICY_PATH, else the shipped file. */
export function resolveReminderPolicyPath(option?: string, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const chosen = [option, env[REMINDER_POLICY_PATH_VARIABLE]].find((p) => typeof p === 'string' && p.trim() !== '');
  return resolve(cwd, chosen ?? DEFAULT_REMINDER_POLICY_PATH);
}

/** Reads and validates a policy file; a missing file, bad JSON or a bad entry throws a ReminderPolicyError naming the file. */
export function loadReminderPolicy(path: string): ReminderPolicy {
  const origin = `reminder policy ${path}`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ReminderPolicyError([{ field: '', message: `cannot be read (${(e as Error).message})` }], origin);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ReminderPolicyError([{ field: '', message: `is not valid JSON (${(e as Error).message})` }], origin);
  }
  return validateReminderPolicy(data, origin);
}
