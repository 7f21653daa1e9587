import { __unsafe_getAllOwnEventDescriptors, createActor } from 'xstate';
import { BusinessDate } from '../model/dates';
import { CaseAggregate, CaseDescription, Decision, DecisionEnv } from '../model/engine';
import { EventNotAllowed, RuleViolation } from '../model/errors';
import { CaseOpened, DomainEvent, EVENT_TYPES, EventType } from '../model/events';
import { STATE_LABELS, TOP_STATES, TopState } from '../model/states';
import { EVENT_LABELS } from '../schema/events.schema';
import { isCalendarDate } from '../calendar/business-date';
import { admissionMachine, MachineInput, withRulesPassed } from '../machine/admission.machine';
import { CaseFacts, GuardEnv, helperChangesOf, initialFacts, MachineEvent, politicalIssueOpen, transfersOf, withTransferEnv } from '../machine/facts';
import { OPENING_RULES, partyAge } from '../rules/readmission';
import { evaluateRule } from '../rules/rule';
import { explainedRefusal, firstViolation, firstViolationOf, DATE_RULES, waivedViolations } from '../rules/catalogue';
import { introducersProblem, opinionsProblem, pendingVerifications } from '../rules/dossier';
import { openDeadlineViews, nextDeadlines } from '../deadlines/apply';
import { procedureVersionFor } from '../versions/rule-sets';
import { DEFAULT_RULE_PROFILE } from '../versions/profiles';

/** Bump when the machine's persisted shape changes (state ids, context fields). */
export const MACHINE_VERSION = 1;

type Snapshot = ReturnType<typeof admissionMachine.resolveState>;

/** Events staff never send: excluded from `allowedEvents`. */
const NOT_LISTED: readonly EventType[] = ['CASE_OPENED', 'PROBATION_ENDED'];

// ---- snapshots -------------------------------------------------------------------------------------------------

interface PersistedShape {
  value: unknown;
  context: CaseFacts;
  status?: string;
}

/**
 * The machine snapshot resolved from each persisted snapshot object, so a step restores the stored case once however
 * many of `decide`'s reads need it. Keyed by the object itself: an aggregate is an immutable value (every step makes a
 * new one), and the entry goes with the object. Only a step needs a resolved snapshot (the transition runs on it);
 * reads take what they need from the configuration (below) and the stored context.
 */
const resolved = new WeakMap<object, Snapshot>();

function restoreSnapshot(persisted: unknown): Snapshot {
  const p = persisted as PersistedShape;
  let snapshot = resolved.get(p);
  if (!snapshot) {
    snapshot = admissionMachine.resolveState({ value: p.value as never, context: p.context });
    resolved.set(p, snapshot);
  }
  return snapshot;
}

// ---- configurations --------------------------------------------------------------------------------------------

/**
 * What a configuration (the machine's state value) alone decides: the case's top state, the events its active states
 * handle (none once the machine is done, in a final state) and the value the machine resolves it to.
 * None of it reads a guard or a fact, and the machine has a few dozen configurations: each is resolved against the
 * machine once, and a stored case is then read without resolving its snapshot (the context is taken as stored).
 */
interface Configuration {
  readonly state: TopState;
  readonly own: ReadonlySet<string>;
  readonly described: StateValueDescription;
  /** The resolved state value as JSON: a stored value must be exactly this (no leftover or missing sub-states). */
  readonly resolvedKey: string;
}

const configurations = new Map<string, Configuration>();

/**
 * The configuration found for each state value object: a step asks for its value's several times (what the state
 * handles, the timed events due, the description) and a value is not changed once made (a step makes a new one).
 */
const configurationOfValue = new WeakMap<object, Configuration>();

/** The configuration of a state value; throws the reason when the machine has no such state. */
function configurationOf(value: unknown): Configuration {
  if (typeof value !== 'object' || value === null) return configurationOfKey(value);
  let configuration = configurationOfValue.get(value);
  if (!configuration) {
    configuration = configurationOfKey(value);
    configurationOfValue.set(value, configuration);
  }
  return configuration;
}

function configurationOfKey(value: unknown): Configuration {
  const key = JSON.stringify(value);
  if (key === undefined) throw new Error('machine snapshot has no state value');
  let configuration = configurations.get(key);
  if (!configuration) {
    let snapshot: Snapshot;
    try {
      // The context is not read: only the configuration decides what is kept here.
      snapshot = admissionMachine.resolveState({ value: value as never, context: {} as CaseFacts });
    } catch (e) {
      throw new Error(`state ${key} does not exist (${(e as Error).message})`, { cause: e });
    }
    const own = new Set(__unsafe_getAllOwnEventDescriptors(snapshot));
    const state = topStateOf(snapshot.value);
    const allowedEvents = snapshot.status === 'active' ? EVENT_TYPES.filter((t) => own.has(t) && !NOT_LISTED.includes(t)) : [];
    configuration = Object.freeze({
      state,
      own,
      described: Object.freeze({ state, allowedEvents: Object.freeze(allowedEvents) }),
      resolvedKey: JSON.stringify(snapshot.value),
    });
    configurations.set(key, configuration);
  }
  return configuration;
}

/**
 * The scope `openCase` and `decide` run the machine's pure initial snapshot and transition in, made once. xstate's
 * `initialTransition()` and `transition()` make a throwaway actor for every call, whose constructor computes an
 * initial snapshot (for this machine, started without input, a TypeError thrown and caught: most of what opening a
 * case cost); the scope is otherwise inert, like xstate's own: the machine's only action is `assign`, applied by the
 * transition itself, it spawns and invokes nothing, and nothing is executed, deferred or emitted through the scope.
 * Both are synchronous, so one scope serves every call.
 */
const PURE_SCOPE: Parameters<typeof admissionMachine.transition>[2] = (() => {
  // Never started, so it needs no input (xstate's own throwaway actor has none either).
  const self = createActor(admissionMachine, { input: undefined });
  return { self, id: '', sessionId: '', system: self.system, logger: () => {}, defer: () => {}, emit: () => {}, stopChild: () => {}, actionExecutor: () => {} };
})();

/** The machine's first snapshot for a case opened with `input`, computed purely. */
function initialSnapshot(input: MachineInput): Snapshot {
  return admissionMachine.getInitialSnapshot(PURE_SCOPE, input);
}

/** The machine's next snapshot for the event, computed purely. */
function transition(snapshot: Snapshot, event: MachineEvent): Snapshot {
  return admissionMachine.transition(snapshot, event, PURE_SCOPE);
}

/**
 * The snapshot as stored: xstate's persisted form without the keys JSON would drop (`output` and `error` while the
 * machine runs), sharing the snapshot's immutable state value and context rather than copying them (a step makes new
 * ones; nothing mutates either). The result is kept as the resolved form of itself, so the next step restores nothing.
 */
/** A context with nothing in it: what xstate is given to persist in place of the facts (see `persist`). */
const NO_CONTEXT = Object.freeze({}) as CaseFacts;

/**
 * The snapshot as stored: xstate's persisted form, without its `undefined` members. This machine has no history
 * states, no output, and spawns and invokes nothing, so while it runs or once it is done that form is its status,
 * its state value, an empty history, its context and no children, and it is written so directly (a replayed history
 * persists a snapshot at every step); the engine's spec holds it to xstate's own at every step of the paths it walks.
 * Any other snapshot goes through xstate. There the facts, plain JSON with no actor ref in them, are still the
 * very object the transition made: xstate's walk through the whole context looking for refs is skipped by handing
 * it an empty one and putting the facts back.
 */
function persist(snapshot: Snapshot): unknown {
  let persisted: Record<string, unknown>;
  if ((snapshot.status === 'active' || snapshot.status === 'done') && isEmpty(snapshot.historyValue) && isEmpty(snapshot.children)) {
    persisted = { status: snapshot.status, value: snapshot.value, historyValue: {}, context: snapshot.context, children: {} };
  } else {
    persisted = {};
    for (const [key, value] of Object.entries(admissionMachine.getPersistedSnapshot({ ...snapshot, context: NO_CONTEXT }))) {
      if (value !== undefined) persisted[key] = key === 'context' ? snapshot.context : value;
    }
  }
  resolved.set(persisted, snapshot);
  return persisted;
}

function isEmpty(value: object | undefined): boolean {
  for (const key in value) if (Object.hasOwn(value, key)) return false;
  return true;
}

function topStateOf(value: unknown): TopState {
  const top = typeof value === 'string' ? value : Object.keys(value as object)[0];
  return top as TopState;
}

function allowedEventsOfSnapshot(snapshot: Snapshot): EventType[] {
  return snapshot.status === 'active' ? [...configurationOf(snapshot.value).described.allowedEvents] : [];
}

function handles(snapshot: Snapshot, type: EventType): boolean {
  return snapshot.status === 'active' && configurationOf(snapshot.value).own.has(type);
}

/** EVENT_NOT_ALLOWED for a clerk: the step and the case's stage by their names, and what can be recorded instead. */
export function notAllowedVi(state: TopState, allowedEvents: readonly EventType[], type: string): string {
  const step = (EVENT_LABELS as Partial<Record<string, { vi: string }>>)[type]?.vi;
  const stage = STATE_LABELS[state]?.vi;
  const refused = `Không thể ghi nhận ${step ? `«${step}»` : 'bước này'} khi hồ sơ đang ở bước ${stage ? `«${stage}»` : 'hiện tại'}.`;
  const next = allowedEvents.length
    ? ` Các bước có thể ghi nhận lúc này: ${allowedEvents.map((t) => `«${EVENT_LABELS[t].vi}»`).join(', ')}.`
    : ' Hồ sơ hiện không có bước nào để ghi nhận.';
  return refused + next;
}

function notAllowed(state: TopState, allowedEvents: EventType[], type: string): EventNotAllowed {
  return {
    code: 'EVENT_NOT_ALLOWED',
    state,
    allowedEvents,
    message: `${type} does not apply in state ${state}.`,
    messageVi: notAllowedVi(state, allowedEvents, type),
  };
}

function guardEnv(env: DecisionEnv, aggregate: CaseAggregate | null): GuardEnv {
  return {
    today: env.today,
    organisation: {
      authorisedToAdmit: !!env.organisation.authorisedToAdmit,
      directlyUnderSuperior: !!env.organisation.directlyUnderSuperior,
      hasYouthUnion: env.organisation.hasYouthUnion !== false,
      hasTradeUnion: env.organisation.hasTradeUnion !== false,
    },
    openDeadlines: aggregate ? openDeadlineViews(aggregate.deadlines) : [],
    ...(env.waiveRules ? { waiveRules: true } : {}),
  };
}

// ---- public API --------------------------------------------------------------------------------------------------

export { procedureVersionFor };

/** The first step of every case: the cell resolution putting the person on the sympathiser list. */
export function openCase(event: CaseOpened, env: DecisionEnv): Decision {
  if (event.type !== 'CASE_OPENED') {
    return { ok: false, refusal: notAllowed('sympathiser', [], String((event as { type?: unknown }).type)) };
  }
  const genv = guardEnv(env, null);
  const input = {
    candidate: event.candidate,
    openedOn: event.occurredOn,
    procedureVersion: procedureVersionFor(event.occurredOn),
    readmission: event.readmission ?? null,
    // The province's profile on the opening day stays the case's whatever the province chooses later (ADR 0023).
    ruleProfile: env.organisation.ruleProfile ?? DEFAULT_RULE_PROFILE,
  };
  const facts = initialFacts(input);
  const violation = firstViolationOf(DATE_RULES.filter((r) => r.id !== 'DATE_BEFORE_PREVIOUS_STEP'), { facts, event, env: genv });
  if (violation) return { ok: false, refusal: violation };
  // The opening's own rules (a re-admission the rules exclude); a historical import reports them as waived.
  const opening = OPENING_RULES.map((rule) => evaluateRule(rule, { facts, event, env: genv })).filter((v): v is RuleViolation => v !== null);
  if (opening.length && !env.waiveRules) return { ok: false, refusal: opening[0] };
  const snapshot = initialSnapshot(input);
  const aggregate: CaseAggregate = {
    machineVersion: MACHINE_VERSION,
    procedureVersion: snapshot.context.procedureVersion,
    machine: persist(snapshot),
    deadlines: [],
  };
  return { ok: true, aggregate, fromState: 'sympathiser', toState: 'sympathiser', ...(opening.length ? { waived: opening } : {}) };
}

/** Decides one event against a case: refused with the first reason, or the new aggregate. Pure. */
export function decide(aggregate: CaseAggregate, event: DomainEvent, env: DecisionEnv): Decision {
  const snapshot = restoreSnapshot(aggregate.machine);
  const fromState = topStateOf(snapshot.value);
  const facts = snapshot.context;
  const genv = withTransferEnv(guardEnv(env, aggregate), event, fromState, env.calendar);
  const input = { facts, event, env: genv };

  // (1) Does the state handle the event at all? Some refusals are better explained by a rule.
  if (event.type === 'CASE_OPENED' || !handles(snapshot, event.type)) {
    const explained = event.type === 'CASE_OPENED' ? null : explainedRefusal(fromState, input);
    return { ok: false, refusal: explained ?? notAllowed(fromState, allowedEventsOfSnapshot(snapshot), event.type) };
  }
  // (2) dates, (3) the event's own rules: the same table the machine's `rulesPass` guard reads. A historical import
  // waives (3) and reports what it waived.
  const violation = firstViolation(input);
  if (violation) return { ok: false, refusal: violation };
  const waived = env.waiveRules ? waivedViolations(input) : [];

  // (4) the transition, computed purely; its `rulesPass` guard takes the verdict just reached.
  const machineEvent = { ...event, env: genv } as MachineEvent;
  const next = withRulesPassed(genv, facts, () => transition(snapshot, machineEvent));
  if (next.context === snapshot.context) {
    // No transition was enabled although every rule passed: treat as not applicable.
    return { ok: false, refusal: notAllowed(fromState, allowedEventsOfSnapshot(snapshot), event.type) };
  }
  const toState = topStateOf(next.value);
  const deadlines = nextDeadlines(
    aggregate.deadlines,
    { event, env: genv, before: { state: fromState, facts }, after: { state: toState, facts: next.context } },
    env,
  );
  return {
    ok: true,
    aggregate: { machineVersion: MACHINE_VERSION, procedureVersion: aggregate.procedureVersion, machine: persist(next), deadlines },
    fromState,
    toState,
    ...(waived.length ? { waived } : {}),
  };
}

export function allowedEventsOf(aggregate: CaseAggregate): EventType[] {
  return [...configurationOf((aggregate.machine as PersistedShape).value).described.allowedEvents];
}

/**
 * Whether the introducers are complete: while the dossier is open, the state of its `introducers` region (decided with
 * the unit's flags as the step that last moved it saw them, E7); once the dossier went to the cell, they were. A
 * dossier that ended otherwise (withdrawn, political issue not cleared) is read from the facts with the default flags
 * (a Youth Union and a trade union): the read model does not know the unit.
 */
function introducersDone(value: unknown, state: TopState, f: CaseFacts): boolean {
  const dossier = typeof value === 'object' && value !== null ? (value as { dossier?: { introducers?: string } }).dossier : undefined;
  if (dossier) return dossier.introducers === 'complete';
  if (f.cellVoteOn !== null || state === 'cellReview') return true;
  return introducersProblem(f, f.lastStepOn) === null;
}

/** Read model of an aggregate. */
export function describe(aggregate: CaseAggregate): CaseDescription {
  return describeMachine(aggregate.machine as PersistedShape);
}

/**
 * Read model of a stored machine snapshot alone (`snapshot.machine` of a case row, with the row's machine version),
 * for reads that show a case but need none of its deadline records (the case list: the deadlines are rows of their
 * own). Validated as `restoreAggregate` validates the machine; throws, like it, when the snapshot no longer fits.
 */
export function describeStoredMachine(machineVersion: number, machine: unknown): CaseDescription {
  if (machineVersion !== MACHINE_VERSION) unfit(`written by machine version ${String(machineVersion)}; migrate it first`);
  return describeMachine(checkedMachine(machine));
}

function describeMachine(machine: PersistedShape): CaseDescription {
  const f = machine.context;
  const configuration = configurationOf(machine.value);
  const state = configuration.state;
  const detail: Record<string, unknown> = { value: machine.value };
  if (f.dossierOpenedOn) {
    const pending = pendingVerifications(f);
    detail.dossier = {
      application: f.applicationFiledOn !== null,
      biographyFiled: f.biographyFiledOn !== null,
      verificationsPending: pending,
      biographyCertified: f.biographyCertifiedOn !== null,
      politicalIssueOpen: politicalIssueOpen(f),
      introducers: introducersDone(machine.value, state, f),
      opinions: opinionsProblem(f) === null,
    };
  }
  if (f.ceremony) {
    detail.recognition = {
      probationEnded: f.probationEnded,
      newMemberClass: f.newMemberClass !== null,
      selfReview: f.selfReviewOn !== null,
      helperAssessment: f.helperAssessmentOn !== null,
      opinions: f.recognitionOpinionsOn !== null,
      pendingMotion: f.pendingMotion,
      failedVotes: f.recognitionFailures,
      // The assessments of an earlier helper or of the origin cell, counted for recognition with the current helper's.
      earlierAssessments: [
        ...helperChangesOf(f).flatMap((c) => (c.previousAssessmentOn ? [{ on: c.previousAssessmentOn, after: 'HELPER_CHANGED' }] : [])),
        ...transfersOf(f).flatMap((t) => (t.previousAssessmentOn ? [{ on: t.previousAssessmentOn, after: 'TRANSFERRED' }] : [])),
      ],
    };
  }
  const { candidate, lastStepOn, ...facts } = f;
  return {
    state,
    stateDetail: detail,
    facts: facts,
    membership: {
      admissionDecisionOn: f.decision?.decidedOn ?? null,
      probationStartOn: f.probationStartOn,
      probationEndOn: f.probationEndOn,
      fullMemberSince: f.fullMemberSince,
      ...partyAge(f),
    },
    allowedEvents: [...configuration.described.allowedEvents],
    candidate,
    lastStepOn,
  };
}

/** What a state value alone tells: the case's top state and the events its configuration handles. */
export interface StateValueDescription {
  readonly state: TopState;
  readonly allowedEvents: readonly EventType[];
}

/**
 * The `state` and `allowedEvents` of `describe`, from the stored machine's state value alone (`snapshot.machine.value`
 * with the row's machine version), for reads that need nothing else of a case (the worklist reads only this of
 * hundreds of cases). Both follow from the configuration. Throws, like `restoreAggregate`, for another machine version
 * or a value the machine does not have.
 */
export function describeStateValue(machineVersion: number, value: unknown): StateValueDescription {
  if (machineVersion !== MACHINE_VERSION) unfit(`written by machine version ${String(machineVersion)}; migrate it first`);
  return configurationOf(value).described;
}

/** Timed events due on `today`: PROBATION_ENDED dated at the legal end of probation. */
export function dueTimedEvents(aggregate: CaseAggregate, today: BusinessDate): DomainEvent[] {
  const machine = aggregate.machine as PersistedShape;
  const end = machine.context.probationEndOn;
  if (configurationOf(machine.value).state === 'probation' && end && today >= end) return [{ type: 'PROBATION_ENDED', occurredOn: end }];
  return [];
}

function unfit(why: string): never {
  throw new Error(`Stored case aggregate does not fit machine version ${MACHINE_VERSION}: ${why}`);
}

/** The stored machine snapshot, checked against the current machine (its configuration and its context's fields). */
function checkedMachine(machine: unknown): PersistedShape {
  const m = machine as Record<string, unknown> | null;
  if (typeof m !== 'object' || m === null) return unfit('machine snapshot missing');
  if (m.value === undefined) unfit('machine snapshot has no state value');
  if (typeof m.context !== 'object' || m.context === null) unfit('machine snapshot has no context');
  const ctx = m.context as Record<string, unknown>;
  for (const field of ['candidate', 'openedOn', 'lastStepOn', 'procedureVersion', 'votes', 'verifications', 'consents', 'sponsors']) {
    if (!(field in ctx)) unfit(`context field ${field} missing`);
  }
  // A stored case is read back whatever the year: the business-date range binds new input only.
  if (!isCalendarDate(ctx.lastStepOn)) unfit('context.lastStepOn is not a date');
  let configuration: Configuration;
  try {
    configuration = configurationOf(m.value);
  } catch (e) {
    return unfit((e as Error).message);
  }
  if (!TOP_STATES.includes(configuration.state)) unfit(`unknown top-level state ${configuration.state}`);
  const key = JSON.stringify(m.value);
  if (key !== configuration.resolvedKey) unfit(`state ${key} resolves to ${configuration.resolvedKey}`);
  return m as unknown as PersistedShape;
}

/** Validates stored JSON against the current machine; throws a clear Error when it no longer fits. */
export function restoreAggregate(json: unknown): CaseAggregate {
  if (typeof json !== 'object' || json === null) return unfit('not an object');
  const a = json as Record<string, unknown>;
  if (typeof a.machineVersion !== 'number') unfit('machineVersion missing');
  if (a.machineVersion !== MACHINE_VERSION) unfit(`written by machine version ${String(a.machineVersion)}; migrate it first`);
  if (typeof a.procedureVersion !== 'string') unfit('procedureVersion missing');
  if (!Array.isArray(a.deadlines)) unfit('deadlines must be an array');
  const machine = checkedMachine(a.machine);
  return { machineVersion: a.machineVersion, procedureVersion: a.procedureVersion, machine, deadlines: a.deadlines as CaseAggregate['deadlines'] };
}
