import { Inject, Injectable, Optional } from '@nestjs/common';
import { AppConfig } from '@charterflow/config';
import { loadReminderPolicy, resolveReminderPolicyPath } from './load-reminder-policy';
import { ReminderPolicy } from './reminder-policy';

/** Injection token of `ReminderPolicyOptions` (optional). */
export const REMINDER_POLICY_OPTIONS = Symbol('REMINDER_POLICY_OPTIONS');

export interface ReminderPolicyOptions {
  /** Policy file; default REMINDER_POLICY_PATH, else config/delivery/reminder-policy.json (from the working directory). */
  path?: string;
  /** A policy given as data (tests); skips the file. */
  policy?: ReminderPolicy;
}

/**
 * The reminder policy in force, read and validated once when the module is created: a bad file stops the process at
 * boot with a message naming the kind and field, never at 3 a.m. when a reminder is due.
 */
@Injectable()
export class ReminderPolicyService {
  readonly policy: ReminderPolicy;
  /** The file the policy came from (undefined when given as data). */
  readonly path?: string;

  constructor(@Optional() @Inject(REMINDER_POLICY_OPTIONS) options?: ReminderPolicyOptions, @Optional() config?: AppConfig) {
    if (options?.policy) {
      this.policy = options.policy;
      return;
    }
    // The validated configuration's REMINDER_POLICY_PATH; without a configuration the loader reads the environment itself.
    this.path = resolveReminderPolicyPath(options?.path ?? config?.REMINDER_POLICY_PATH);
    this.policy = loadReminderPolicy(this.path);
  }
}
