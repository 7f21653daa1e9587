import fc from 'fast-check';
import { IMPORT_COLUMNS } from '@charterflow/intake';
import { forgedCursors, hostileDates, hostileStrings, hostileUuids, hostileValue, percentEncode, RawJson, toJsonText } from './hostile-values';

// The parts of an OpenAPI 3 document the generator reads.
export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  oneOf?: Schema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  example?: unknown;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}
interface OperationObject {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  security?: unknown[];
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, Schema> };
}

/** One operation of the document: `POST /api/v1/cases/{id}/events`. */
export interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  /** Request body media types and their schemas (JSON and CSV). */
  body?: Record<string, Schema | undefined>;
  secured: boolean;
}

/** A generated request, sent as is. */
export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: { contentType: string; text: string };
  /** Sent without the admin's token. */
  anonymous: boolean;
}

/** Ids and values that exist in the fuzzed application, so that generated requests reach past the lookups. */
export interface FuzzPools {
  organisationIds: string[];
  cellIds: string[];
  caseIds: string[];
  /** Accounts the run created; never the bootstrap admin, whose deletion or new password would end the session. */
  userIds: string[];
  usernames: string[];
  webhookIds: string[];
  importIds: string[];
  /** `nextCursor`s the application issued. */
  cursors: string[];
  /** Years whose calendar PUT may replace (far from any year another test computes with). */
  calendarYears: string[];
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const body = op.requestBody ? Object.fromEntries(Object.entries(op.requestBody.content).map(([type, media]) => [type, media.schema])) : undefined;
      out.push({ method: method.toUpperCase(), path, parameters: op.parameters ?? [], body, secured: (op.security ?? []).length > 0 });
    }
  }
  return out;
}

const VALID_DATES = ['2026-01-05', '2026-01-15', '2026-02-02', '2026-03-02', '2025-09-01', '1900-01-01', '2100-12-31'];
const BIRTH_DATES = ['2001-04-12', '1990-05-01', '2008-03-02', '1966-01-15'];
const TEXTS = ['Nguyễn Thị Lan', 'NQ-7', 'Chi bộ 1', 'Trung tâm chính trị', 'req-1', 'A'];
const JSON_TYPE = 'application/json';

/** Arbitraries of requests for the operations of one OpenAPI document. */
export class RequestGenerator {
  constructor(
    private readonly doc: OpenApiDocument,
    private readonly pools: FuzzPools,
  ) {}

  /** Requests for `op`: valid values mixed with hostile ones in every parameter and body field. */
  requests(op: Operation): fc.Arbitrary<FuzzRequest> {
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    const queryParams = op.parameters.filter((p) => p.in === 'query');
    const headerParams = op.parameters.filter((p) => p.in === 'header');
    return fc
      .record({
        path: fc.tuple(...pathParams.map((p) => this.pathValue(op, p.name))),
        query: fc.tuple(...queryParams.map((p) => this.queryParameter(p))),
        extraQuery: oneTimeIn(6, fc.tuple(fc.constantFrom('extra', 'q', '__proto__', 'cursor'), hostileStrings)),
        headers: fc.tuple(...headerParams.map((p) => fc.option(this.headerValue(p.name), { freq: 2, nil: undefined }))),
        body: this.body(op),
        anonymousDraw: fc.integer({ min: 0, max: 19 }),
      })
      .map(({ path, query, extraQuery, headers, body, anonymousDraw }) => {
        let url = op.path;
        pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, percentEncode(path[i]))));
        const pairs: string[] = [];
        queryParams.forEach((p, i) => query[i]?.forEach((v) => pairs.push(`${percentEncode(p.name)}=${percentEncode(v)}`)));
        if (extraQuery) pairs.push(`${percentEncode(extraQuery[0])}=${percentEncode(extraQuery[1].slice(0, 2_000))}`);
        const headerValues: Record<string, string> = {};
        headerParams.forEach((p, i) => {
          if (headers[i] !== undefined) headerValues[p.name] = headers[i]!;
        });
        return {
          method: op.method,
          url: pairs.length ? `${url}?${pairs.join('&')}` : url,
          headers: headerValues,
          body,
          // One secured request in twenty goes without a token: refused 401, and writing nothing either.
          anonymous: op.secured && anonymousDraw === 0,
        };
      });
  }

  private pathValue(op: Operation, name: string): fc.Arbitrary<string> {
    // The segment before the parameter names what it identifies: /cases/{id}/events, /targets/{organisationId}/…
    const segments = op.path.split('/');
    const resource = name === 'organisationId' ? 'organisations' : segments[segments.indexOf(`{${name}}`) - 1];
    const pools: Record<string, string[]> = {
      organisations: this.pools.organisationIds,
      cases: this.pools.caseIds,
      users: this.pools.userIds,
      webhooks: this.pools.webhookIds,
      imports: this.pools.importIds,
    };
    const pool = pools[resource] ?? [];
    if (name === 'year') {
      // A PUT or DELETE changes the year's calendar in the database: only years no other test computes with.
      const valid = op.method === 'GET' ? ['2026', '2027', '1900', '2100', '1000', '2101', '9999'] : this.pools.calendarYears;
      return fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...valid) },
        { weight: 1, arbitrary: fc.constantFrom('0000', '0999', '9999', '10000', '-2026', '2026.5', '2026.0', '0x7EA', '1e3', '+2027', '2o26', '', '2026\u0000', '\uD800', ' 2026') },
      );
    }
    if (name === 'period') {
      return fc.oneof({ weight: 3, arbitrary: fc.constantFrom('2026', '2025-2030', '2027', '1900', '2100') }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom('0000', '9999', '0000-9999', '2026-Q1', '2026-13', '2030-2025'), hostileStrings) });
    }
    const valid = pool.length ? fc.constantFrom(...pool) : fc.uuid();
    return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: hostileUuids }, { weight: 1, arbitrary: hostileStrings.filter((s) => s.length > 0 && s.length < 2_000) });
  }

  /** A query parameter: a required one is sent 19 times in 20, an optional one half of the time. */
  private queryParameter(p: Parameter): fc.Arbitrary<string[] | undefined> {
    return p.required ? fc.oneof({ weight: 19, arbitrary: this.queryValues(p) }, { weight: 1, arbitrary: fc.constant(undefined) }) : fc.option(this.queryValues(p), { freq: 2, nil: undefined });
  }

  /** The values of one query parameter (more than one: the key repeated). */
  private queryValues(p: Parameter): fc.Arbitrary<string[]> {
    const one = this.queryValue(p);
    return fc.oneof({ weight: 6, arbitrary: one.map((v) => [v]) }, { weight: 1, arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }) });
  }

  private queryValue(p: Parameter): fc.Arbitrary<string> {
    const s = this.resolve(p.schema ?? {});
    const hostile = fc.oneof(hostileStrings, hostileDates, forgedCursors, fc.constantFrom('NaN', '-0', '1e308', '-1', '0', '1.5', '9'.repeat(400))).map((v) => v.slice(0, 2_000));
    let valid: fc.Arbitrary<string>;
    if (p.name === 'cursor') valid = this.pools.cursors.length ? fc.constantFrom(...this.pools.cursors) : forgedCursors;
    else if (p.name === 'check') valid = fc.constantFrom('A1', 'A15,A16', 'a2', 'A99');
    else if (p.name === 'period') valid = fc.constantFrom('2026-Q1', '2026-03', '2026-H1', '2026', '2025-2030');
    else valid = this.scalar(s, p.name).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
    return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: hostile });
  }

  private headerValue(name: string): fc.Arbitrary<string> {
    // Node refuses to send a control character in a header (and its parser would refuse to read one): only values
    // a client can put on the wire.
    if (name === 'If-Match') return fc.constantFrom('"1"', '"2"', 'W/"3"', '*', 'abc', '"99999999999"', '', '"-1"');
    return fc.oneof(fc.constantFrom('fuzz-key-1', 'fuzz-key-2', 'x'.repeat(201), '', 'with space', 'ü'), fc.string({ minLength: 1, maxLength: 20 }).map((s) => `fuzz-${s}`));
  }

  /** A body for the operation: valid, one field hostile, unknown fields, or a hostile body altogether. */
  private body(op: Operation): fc.Arbitrary<FuzzRequest['body']> {
    if (!op.body) return oneTimeIn(10, fc.constant({ contentType: JSON_TYPE, text: '{"unexpected":"\\u0000"}' }));
    if (op.path.endsWith('/imports')) return this.importBody();
    const schema = op.body[JSON_TYPE] ?? {};
    const json = fc
      .oneof(
        { weight: 8, arbitrary: this.value(schema, '', 0) },
        { weight: 1, arbitrary: fc.tuple(this.value(schema, '', 0), fc.constantFrom('extra', '__proto__', 'constructor', 'x\u0000'), hostileValue).map(([v, k, x]) => (isPlainObject(v) ? { ...v, [k]: x } : v)) },
        { weight: 1, arbitrary: hostileValue },
      )
      .map((v) => this.keepSessionAndNames(op, v));
    const raw = fc.constantFrom('{"name": ', 'null', '', '[]', '"\\u0000"', '{"a":1,"a":2}', '{"__proto__":{"polluted":true}}', '\uFEFF{}', '{'.repeat(3_000));
    return fc.oneof({ weight: 12, arbitrary: json.map((v) => ({ contentType: JSON_TYPE, text: toJsonText(v) })) }, { weight: 1, arbitrary: raw.map((text) => ({ contentType: JSON_TYPE, text })) });
  }

  /**
   * Two generated values could reach beyond the run: failed logins of `admin` would lock the account every other
   * test file logs in with, and an account created under a short random name could take a name another test
   * creates later. Login names are never `admin`; created accounts are named `fz.…`.
   */
  private keepSessionAndNames(op: Operation, v: unknown): unknown {
    if (!isPlainObject(v) || typeof v.username !== 'string') return v;
    if (op.path.endsWith('/auth/login') && v.username.trim().toLowerCase() === 'admin') return { ...v, username: 'fz.admin' };
    if (op.path.endsWith('/users') && op.method === 'POST' && !v.username.startsWith('fz.')) return { ...v, username: `fz.${v.username}`.slice(0, 64) };
    return v;
  }

  /**
   * The import endpoint documents its body as text (CSV, or JSON `{ historical, rows }`), not as a schema: its rows
   * are generated from the import columns, as JSON or CSV.
   */
  private importBody(): fc.Arbitrary<FuzzRequest['body']> {
    const cell = (column: string): fc.Arbitrary<unknown> => {
      const valid =
        column === 'organisationId'
          ? fc.constantFrom(...this.pools.cellIds)
          : column === 'externalId'
            ? fc.nat(50).map((n) => `FZ-${n}`)
            : column.endsWith('On') || column.endsWith('Since') || column === 'dateOfBirth'
              ? fc.constantFrom(...VALID_DATES, ...BIRTH_DATES)
              : fc.constantFrom('Nguyễn Văn A', 'male', 'female', 'Kinh', 'university', 'teacher', 'true', '9', '6', 'youth_union', 'recognise');
      return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: hostileValue });
    };
    const base = ['externalId', 'organisationId', 'openedOn', 'fullName', 'dateOfBirth', 'gender', 'ethnicity', 'education', 'occupation'];
    const row = fc
      .tuple(fc.subarray([...IMPORT_COLUMNS], { maxLength: 6 }), oneTimeIn(5, fc.constantFrom('unknownColumn', 'x\u0000', '\uD800', '__proto__')))
      .chain(([extra, unknown]) => {
        const columns = [...new Set([...base, ...extra, ...(unknown ? [unknown] : [])])];
        return fc.tuple(...columns.map(cell)).map((values) => Object.fromEntries(columns.map((c, i) => [c, values[i]])));
      });
    const rows = fc.array(row, { minLength: 0, maxLength: 3 });
    const json = fc
      .record({ historical: fc.option(fc.oneof(fc.boolean(), hostileValue), { freq: 2, nil: undefined }), rows: fc.oneof({ weight: 6, arbitrary: rows }, { weight: 1, arbitrary: hostileValue }) })
      .map((b) => ({ contentType: JSON_TYPE, text: toJsonText(b.historical === undefined ? { rows: b.rows } : b) }));
    const csv = rows.map((rs) => ({ contentType: 'text/csv', text: toCsv(rs) }));
    const rawCsv = fc.constantFrom('', 'externalId\n"unbalanced', 'a,b\n1,2\n', '\u0000', 'externalId,organisationId\nFZ-1\n');
    return fc.oneof({ weight: 4, arbitrary: json }, { weight: 3, arbitrary: csv }, { weight: 1, arbitrary: rawCsv.map((text) => ({ contentType: 'text/csv', text })) });
  }

  /** A value of `schema`: mostly valid, sometimes hostile (each field on its own). */
  private value(schema: Schema, name: string, depth: number): fc.Arbitrary<unknown> {
    return fc.oneof({ weight: 10, arbitrary: this.validValue(schema, name, depth) }, { weight: 1, arbitrary: hostileValue });
  }

  private validValue(input: Schema, name: string, depth: number): fc.Arbitrary<unknown> {
    const schema = this.resolve(input);
    if (schema.oneOf) return fc.oneof(...schema.oneOf.map((s) => this.validValue(s, name, depth)));
    if (schema.type === 'object' || schema.properties) {
      if (depth > 4 || !schema.properties) return fc.constant({});
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(schema.properties);
      return fc
        .tuple(...entries.map(([key, s]) => fc.tuple(fc.nat(19), this.value(s, key, depth + 1))))
        .map((values) => {
          const out: Record<string, unknown> = {};
          entries.forEach(([key], i) => {
            const [draw, v] = values[i];
            // Required fields are sent 19 times in 20; optional ones half of the time.
            if (required.has(key) ? draw !== 0 : draw % 2 === 0) out[key] = v;
          });
          return out;
        });
    }
    if (schema.type === 'array') return fc.array(this.value(schema.items ?? {}, name, depth + 1), { maxLength: 4 });
    const scalar = this.scalar(schema, name);
    return schema.nullable ? fc.oneof({ weight: 5, arbitrary: scalar }, { weight: 1, arbitrary: fc.constant(null) }) : scalar;
  }

  private scalar(schema: Schema, name: string): fc.Arbitrary<unknown> {
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    if (name === 'organisationId' || name === 'parentId') return fc.constantFrom(...this.pools.organisationIds);
    if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...this.pools.organisationIds, ...this.pools.caseIds), fc.uuid());
    if (schema.format === 'date') return name === 'dateOfBirth' ? fc.constantFrom(...BIRTH_DATES) : fc.constantFrom(...VALID_DATES);
    if (name === 'url') return fc.constantFrom('http://127.0.0.1:9/fuzz', 'https://127.0.0.1:9/hook', 'ftp://127.0.0.1/x', 'http://[::1]:9/');
    if (name === 'username') return fc.oneof(fc.constantFrom('fz.user', ...this.pools.usernames), fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 3, maxLength: 12 }).map((h) => `fz.${h}`));
    if (/password/i.test(name) || name === 'secret') return fc.constantFrom('fuzz-password-1', 'short', 'x'.repeat(64));
    if (schema.type === 'integer' || schema.type === 'number') {
      const min = schema.minimum ?? -2;
      const max = Math.min(schema.maximum ?? 20, min + 50);
      return fc.oneof(fc.integer({ min, max }), fc.constantFrom(schema.minimum ?? 0, schema.maximum ?? 1, (schema.maximum ?? 0) + 1));
    }
    if (schema.type === 'boolean') return fc.boolean();
    const examples = typeof schema.example === 'string' ? [schema.example] : [];
    return fc.oneof(fc.constantFrom(...examples, ...TEXTS), fc.string({ minLength: 1, maxLength: Math.min(schema.maxLength ?? 40, 40) }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }));
  }

  private resolve(schema: Schema): Schema {
    let s = schema;
    for (let i = 0; s.$ref && i < 10; i += 1) s = this.doc.components.schemas[s.$ref.replace('#/components/schemas/', '')] ?? {};
    return s;
  }
}

/** `arb` one time in `n`, otherwise undefined. */
function oneTimeIn<T>(n: number, arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: 1, arbitrary: arb }, { weight: n - 1, arbitrary: fc.constant(undefined) });
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof RawJson);
}

/** CSV text (RFC 4180 quoting) of generated rows, one header of every column they fill. */
function toCsv(rows: Record<string, unknown>[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => {
    const s = v instanceof RawJson ? v.text : typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}
