import {
  CANDIDATE_SCHEMA,
  DomainEvent,
  EVENT_DEFINITIONS,
  EVENT_TYPES,
  FieldEntry,
  fieldsOf,
  FieldShape,
  Label,
  read,
  parseEvent,
  Candidate,
  Readmission,
  READMISSION_SCHEMA,
} from '@charterflow/procedure';
import type { ImportedCase } from '@charterflow/cases';
import { canonicalId, FieldError, sha256Hex } from '@charterflow/kernel';
import { CANDIDATE_COLUMNS, CASE_COLUMN_LABELS, IMPORT_LAYOUT, READMISSION_COLUMNS, ROW_CELL, STEP_DATE, StepColumns } from './import-layout';
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

  const candidate = readCandidate(r, CANDIDATE_COLUMN_LIST);
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
  /** What the column records, as staff read it: the step (or the candidate, the re-admission), then the field. */
  label: Label;
}

/** The fields of the opening of a case: the candidate and the re-admission, each a group with its own label. */
const OPENING_FIELDS = fieldsOf(EVENT_DEFINITIONS.CASE_OPENED.schema);
const groupOf = (name: string): { label: Label; fields: readonly FieldEntry[] } => {
  const shape = OPENING_FIELDS.find((f) => f.name === name)?.shape;
  if (shape?.kind !== 'group') throw new Error(`CASE_OPENED has no group ${name}`);
  return { label: shape.meta['x-labels'], fields: shape.fields };
};
const CANDIDATE_GROUP = groupOf('candidate');
const READMISSION_GROUP = groupOf('readmission');
const CANDIDATE_FIELDS = fieldsOf(CANDIDATE_SCHEMA);
/** The candidate's fields, one column each, named as the field. */
const CANDIDATE_COLUMN_LIST = columnsOf(CANDIDATE_FIELDS, { prefix: '', defaults: CANDIDATE_COLUMNS.defaults }, [CANDIDATE_GROUP.label]);
/** A re-admission's facts (the `readmission` of POST /cases), one column each: `readmission` + the field's name. */
const READMISSION_COLUMN_LIST = columnsOf(fieldsOf(READMISSION_SCHEMA), READMISSION_COLUMNS, [READMISSION_GROUP.label]);

/** Labels read one after the other: «Quyết định kết nạp đảng viên – Số quyết định». */
function joined(labels: readonly Label[]): Label {
  return { vi: labels.map((l) => l.vi).join(' – '), en: labels.map((l) => l.en).join(' – ') };
}

/**
 * The columns of `fields` under the layout's naming rule; a group's fields are flattened under the same prefix.
 * `within` names what the fields belong to (the step); a group adds its own label, unless it is all the step holds.
 */
function columnsOf(fields: readonly FieldEntry[], layout: Pick<StepColumns, 'prefix' | 'columns' | 'fixed' | 'defaults'>, within: readonly Label[], parent = ''): Column[] {
  const filled = fields.filter((f) => !(layout.fixed && f.name in layout.fixed));
  return filled.flatMap((f): Column[] => {
    const path = parent ? `${parent}.${f.name}` : f.name;
    if (f.shape.kind === 'group') return columnsOf(f.shape.fields, layout, filled.length === 1 && !parent ? within : [...within, f.shape.meta['x-labels']], path);
    const column = layout.columns?.[f.name] ?? (layout.prefix ? `${layout.prefix}${f.name[0].toUpperCase()}${f.name.slice(1)}` : f.name);
    const hasDefault = layout.defaults !== undefined && f.name in layout.defaults;
    return [{ path, column, shape: f.shape, required: f.required, label: joined([...within, f.shape.meta['x-labels']]), ...(hasDefault ? { default: layout.defaults![f.name] } : {}) }];
  });
}

/**
 * A step as its columns' labels name it: the layout's name for it, else the event's label with the values the column
 * set fixes («Văn bản đồng ý của cấp có thẩm quyền (Kết nạp người trên 60 tuổi)»).
 */
function stepLabel(step: StepColumns): Label {
  if (step.label) return step.label;
  const event = EVENT_DEFINITIONS[step.type];
  const fixed = fieldsOf(event.schema).flatMap((f) => {
    const value = step.fixed?.[f.name];
    const label = f.shape.kind === 'choice' && typeof value === 'string' ? f.shape.meta['x-enum-labels']?.[value] : undefined;
    return label ? [label] : [];
  });
  if (fixed.length === 0) return event.label;
  return { vi: `${event.label.vi} (${fixed.map((l) => l.vi).join(', ')})`, en: `${event.label.en} (${fixed.map((l) => l.en).join(', ')})` };
}

/** A step's columns: its fields but the date, which is the step's own `on` column. */
export function stepColumns(step: StepColumns): Column[] {
  return columnsOf(fieldsOf(EVENT_DEFINITIONS[step.type].schema).filter((f) => f.name !== 'occurredOn'), step, [stepLabel(step)]);
}
const STEP_COLUMNS = new Map(IMPORT_LAYOUT.map((step) => [step, stepColumns(step)]));

/** Every column an import row may hold with what it records and its field's own label, in the layout's order. */
const LABELLED_COLUMNS: readonly { column: string; label: Label; field: Label }[] = (() => {
  const opening = EVENT_DEFINITIONS.CASE_OPENED;
  const of = (c: Column) => ({ column: c.column, label: c.label, field: c.shape.meta['x-labels'] });
  const dated = (column: string, what: Label, on: Label) => ({ column, label: joined([what, on]), field: on });
  return [
    { column: 'externalId', label: CASE_COLUMN_LABELS.externalId, field: CASE_COLUMN_LABELS.externalId },
    { column: 'organisationId', label: CASE_COLUMN_LABELS.organisationId, field: CASE_COLUMN_LABELS.organisationId },
    dated('openedOn', opening.label, opening.occurredOnLabel),
    ...CANDIDATE_COLUMN_LIST.map(of),
    ...READMISSION_COLUMN_LIST.map(of),
    ...IMPORT_LAYOUT.flatMap((step) => [dated(step.on, stepLabel(step), EVENT_DEFINITIONS[step.type].occurredOnLabel), ...STEP_COLUMNS.get(step)!.map(of)]),
  ];
})();

/** Every column an import row may hold (docs/imports.md), in the layout's order. */
export const IMPORT_COLUMNS: readonly string[] = [...new Set(LABELLED_COLUMNS.map((c) => c.column))];

/**
 * Each column of an import row as staff read it, from the schema's labels: what it records, then the field
 * («Quyết định kết nạp đảng viên – Ngày ký quyết định» for `admissionDecisionOn`). A column several steps share (the
 * recognition votes' motion) is named by its field alone.
 */
export const IMPORT_COLUMN_LABELS: ReadonlyMap<string, Label> = new Map(
  IMPORT_COLUMNS.map((column) => {
    const entries = LABELLED_COLUMNS.filter((c) => c.column === column);
    return [column, entries.length === 1 ? entries[0].label : entries[0].field];
  }),
);
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

/** Each column path split at its dots, once: the paths are the columns' own, a few dozen in all. */
const PATH_KEYS = new Map<string, readonly string[]>();

function setPath(body: Record<string, unknown>, path: string, value: unknown): void {
  let keys = PATH_KEYS.get(path);
  if (!keys) PATH_KEYS.set(path, (keys = path.split('.')));
  let at = body;
  for (let i = 0; i < keys.length - 1; i += 1) at = (at[keys[i]] ??= {}) as Record<string, unknown>;
  at[keys[keys.length - 1]] = value;
}

/** A problem the schema found, named by the column it came from (a fixed field's by the step's date column). */
function reportSchemaProblem(r: RowReader, problem: FieldError, columns: readonly Column[], fallback: string): void {
  const path = problem.field.replace(/\[\d+\]/g, '');
  const column = columns.find((c) => c.path === path)?.column ?? fallback;
  const message = problem.message.startsWith(problem.field) ? `${column}${problem.message.slice(problem.field.length)}` : `${column}: ${problem.message}`;
  r.problem(column, message);
}

/**
 * A stable hash of the row's filled cells (column order and empty cells do not matter): the SHA-256 of the JSON of
 * the `[column, trimmed text]` pairs of the filled cells in column-name order. It is stored with each imported case
 * and compared when the file comes again, so the text hashed must never change.
 */
export function rowHash(row: Record<string, unknown>): string {
  let json = '';
  for (const key of sortedKeys(row)) {
    const cell = row[key];
    if (cell === undefined || cell === null) continue;
    const text = cellText(cell).trim();
    if (text !== '') json += `${json ? ',' : '['}[${JSON.stringify(key)},${JSON.stringify(text)}]`;
  }
  return sha256Hex(json ? `${json}]` : '[]');
}

/** The row's keys in sort order; the rows of one file share their keys, so the last order is kept and reused. */
let lastKeys: readonly string[] = [];
let lastSorted: readonly string[] = [];

function sortedKeys(row: Record<string, unknown>): readonly string[] {
  const keys = Object.keys(row);
  if (keys.length !== lastKeys.length || keys.some((k, i) => k !== lastKeys[i])) {
    lastKeys = keys;
    lastSorted = [...keys].sort();
  }
  return lastSorted;
}
