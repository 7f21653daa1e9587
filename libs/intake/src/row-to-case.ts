import { createHash } from 'node:crypto';
import {
  CANDIDATE_SCHEMA,
  DomainEvent,
  EVENT_DEFINITIONS,
  EVENT_TYPES,
  FieldEntry,
  fieldsOf,
  FieldShape,
  read,
  parseEvent,
  Candidate,
  Readmission,
  READMISSION_SCHEMA,
} from '@charterflow/procedure';
import type { ImportedCase } from '@charterflow/cases';
import { canonicalId, FieldError } from '@charterflow/kernel';
import { CANDIDATE_COLUMNS, IMPORT_LAYOUT, READMISSION_COLUMNS, ROW_CELL, STEP_DATE, StepColumns } from './import-layout';
import { cellText, FieldProblem, RowReader } from './row-fields';

const EXTERNAL_ID = /^[A-Za-z0-9._:/-]{1,100}$/;
/** A text cell longer than this is refused before the schema reads it (the schema's own limits are lower). */
const CELL_MAX = 10_000;

/**
 * One row of an import (a spreadsheet row of a cell's secretary): the case, its candidate and the dates and data of
 * each step reached. The columns follow from the event schema and the layout (import-layout.ts; docs/imports.md
 * lists them). A step is present when its date column is filled; its other columns are then read as the event's
 * schema requires, and the event is checked by that same schema, each problem named by its column.
 */
export function rowToCase(row: Record<string, unknown>): { ok: true; value: ImportedCase } | { ok: false; problems: FieldProblem[] } {
  const r = new RowReader(row);
  const externalId = r.text('externalId', { required: true, max: 100 });
  if (externalId !== undefined && !EXTERNAL_ID.test(externalId)) r.problem('externalId', 'externalId may hold letters, digits and . _ : / - (at most 100)');
  const givenOrganisationId = r.text('organisationId', { required: true });
  const organisationId = canonicalId(givenOrganisationId) ?? givenOrganisationId;
  if (givenOrganisationId !== undefined && canonicalId(givenOrganisationId) === null) r.problem('organisationId', 'organisationId must be a UUID');
  const openedOn = r.date('openedOn', { required: true });

  const candidateColumns = columnsOf(CANDIDATE_FIELDS, { prefix: '', defaults: CANDIDATE_COLUMNS.defaults });
  const candidate = readCandidate(r, candidateColumns);
  const readmission = readReadmission(r);

  const events: DomainEvent[] = [];
  for (const step of IMPORT_LAYOUT) {
    const on = r.date(step.on);
    if (on === undefined) continue;
    const event = readStep(r, step, on, organisationId);
    if (event) events.push(event);
  }
  // A transferred case is imported into the cell it was transferred to (its current cell).
  for (const e of events) {
    if (e.type === 'TRANSFERRED' && organisationId !== undefined && (canonicalId(e.toOrganisationId) ?? e.toOrganisationId) !== organisationId) {
      r.problem('transferredTo', 'a transferred case is imported into the cell it was transferred to: transferredTo must be the row’s organisationId (or empty)');
    }
  }

  for (const k of Object.keys(row).filter((k) => !KNOWN_COLUMNS.has(k))) r.problem(k, `unknown column ${k}`);
  if (r.problems.length > 0 || candidate === undefined) return { ok: false, problems: r.problems };

  // Steps on the same day keep the procedure's order; otherwise their dates order them.
  const order = (e: DomainEvent) => EVENT_TYPES.indexOf(e.type);
  events.sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : order(a) - order(b)));
  return {
    ok: true,
    value: { externalId: externalId!, organisationId: organisationId!, openedOn: openedOn!, candidate, ...(readmission ? { readmission } : {}), events, rowHash: rowHash(row) },
  };
}

/** One field's column: where its value is read, and what an empty cell means. */
export interface Column {
  /** The field's path in the event (`sponsor.name`). */
  path: string;
  column: string;
  shape: Exclude<FieldShape, { kind: 'group' }>;
  required: boolean;
  default?: unknown;
}

const CANDIDATE_FIELDS = fieldsOf(CANDIDATE_SCHEMA);
/** A re-admission's facts (the `readmission` of POST /cases), one column each: `readmission` + the field's name. */
const READMISSION_COLUMN_LIST = columnsOf(fieldsOf(READMISSION_SCHEMA), READMISSION_COLUMNS);

/** The columns of `fields` under the layout's naming rule; a group's fields are flattened under the same prefix. */
function columnsOf(fields: readonly FieldEntry[], layout: Pick<StepColumns, 'prefix' | 'columns' | 'fixed' | 'defaults'>, parent = ''): Column[] {
  return fields.flatMap((f): Column[] => {
    if (layout.fixed && f.name in layout.fixed) return [];
    const path = parent ? `${parent}.${f.name}` : f.name;
    if (f.shape.kind === 'group') return columnsOf(f.shape.fields, layout, path);
    const column = layout.columns?.[f.name] ?? (layout.prefix ? `${layout.prefix}${f.name[0].toUpperCase()}${f.name.slice(1)}` : f.name);
    const hasDefault = layout.defaults !== undefined && f.name in layout.defaults;
    return [{ path, column, shape: f.shape, required: f.required, ...(hasDefault ? { default: layout.defaults![f.name] } : {}) }];
  });
}

/** A step's columns: its fields but the date, which is the step's own `on` column. */
export function stepColumns(step: StepColumns): Column[] {
  return columnsOf(fieldsOf(EVENT_DEFINITIONS[step.type].schema).filter((f) => f.name !== 'occurredOn'), step);
}
const STEP_COLUMNS = new Map(IMPORT_LAYOUT.map((step) => [step, stepColumns(step)]));

/** Every column an import row may hold (docs/imports.md), in the layout's order. */
export const IMPORT_COLUMNS: readonly string[] = [
  ...new Set([
    'externalId',
    'organisationId',
    'openedOn',
    ...columnsOf(CANDIDATE_FIELDS, { prefix: '' }).map((c) => c.column),
    ...READMISSION_COLUMN_LIST.map((c) => c.column),
    ...IMPORT_LAYOUT.flatMap((step) => [step.on, ...STEP_COLUMNS.get(step)!.map((c) => c.column)]),
  ]),
];
const KNOWN_COLUMNS = new Set(IMPORT_COLUMNS);

function readCandidate(r: RowReader, columns: readonly Column[]): Candidate | undefined {
  const body = readColumns(r, columns, undefined);
  if (body === undefined) return undefined;
  const parsed = read(CANDIDATE_SCHEMA, body);
  if (parsed.ok) return parsed.value;
  for (const problem of parsed.fields) reportSchemaProblem(r, problem, columns, 'fullName');
  return undefined;
}

/** The re-admission facts, when any of their columns is filled (a row with none of them is a first admission). */
function readReadmission(r: RowReader): Readmission | undefined {
  if (!READMISSION_COLUMN_LIST.some((c) => r.has(c.column))) return undefined;
  const body = readColumns(r, READMISSION_COLUMN_LIST, undefined);
  if (body === undefined) return undefined;
  const parsed = read(READMISSION_SCHEMA, body);
  if (parsed.ok) return parsed.value;
  for (const problem of parsed.fields) reportSchemaProblem(r, problem, READMISSION_COLUMN_LIST, 'readmissionLeftOn');
  return undefined;
}

function readStep(r: RowReader, step: StepColumns, on: string, cell: string | undefined): DomainEvent | undefined {
  const columns = STEP_COLUMNS.get(step)!;
  const body = readColumns(r, columns, on, cell);
  if (body === undefined) return undefined;
  const parsed = parseEvent({ type: step.type, occurredOn: on, ...step.fixed, ...body });
  if (parsed.ok) return parsed.value;
  for (const problem of parsed.fields) reportSchemaProblem(r, problem, columns, step.on);
  return undefined;
}

/** The cells of `columns` as a body of nested fields, or undefined when a cell could not be read (reported). */
function readColumns(r: RowReader, columns: readonly Column[], on: string | undefined, cell?: string): Record<string, unknown> | undefined {
  const before = r.problems.length;
  const body: Record<string, unknown> = {};
  for (const c of columns) {
    let value = readCell(r, c);
    if (value === undefined && 'default' in c) value = c.default === STEP_DATE ? on : c.default === ROW_CELL ? cell : c.default;
    if (value === undefined) {
      if (c.required) r.problem(c.column, `${c.column} is required`);
      continue;
    }
    setPath(body, c.path, value);
  }
  return r.problems.length === before ? body : undefined;
}

function readCell(r: RowReader, c: Column): unknown {
  switch (c.shape.kind) {
    case 'text':
      return r.text(c.column, { max: CELL_MAX });
    case 'date':
      return r.date(c.column);
    case 'count':
      return r.count(c.column);
    case 'flag':
      return r.flag(c.column);
    case 'choice':
      return r.oneOf(c.column, c.shape.values);
    case 'texts': {
      // A list in one cell: items separated by semicolons.
      const cell = r.text(c.column, { max: CELL_MAX });
      return cell === undefined ? undefined : cell.split(';').map((s) => s.trim()).filter(Boolean);
    }
  }
}

function setPath(body: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = body;
  for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[keys[keys.length - 1]] = value;
}

/** A problem the schema found, named by the column it came from (a fixed field's by the step's date column). */
function reportSchemaProblem(r: RowReader, problem: FieldError, columns: readonly Column[], fallback: string): void {
  const path = problem.field.replace(/\[\d+\]/g, '');
  const column = columns.find((c) => c.path === path)?.column ?? fallback;
  const message = problem.message.startsWith(problem.field) ? `${column}${problem.message.slice(problem.field.length)}` : `${column}: ${problem.message}`;
  r.problem(column, message);
}

/** A stable hash of the row's filled cells (column order and empty cells do not matter). */
export function rowHash(row: Record<string, unknown>): string {
  const filled = Object.keys(row)
    .filter((k) => row[k] !== undefined && row[k] !== null && cellText(row[k]).trim() !== '')
    .sort()
    .map((k) => [k, cellText(row[k]).trim()]);
  return createHash('sha256').update(JSON.stringify(filled)).digest('hex');
}
