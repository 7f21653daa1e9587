import { EVENT_PERMISSIONS } from '../access/event-permissions';
import { admissionMachine } from '../machine/admission.machine';
import { CANDIDATE_SCHEMA } from './candidate.schema';
import { EVENT_DEFINITIONS, EVENT_LABELS, EVENT_TYPES, exampleEvent } from './events.schema';
import { parseCandidate, parseEvent } from './parse';
import { eventJsonSchemas, eventSchemaName } from './json-schema';
import { exampleOf, FieldEntry, fieldsOf } from './walk';

/** Every field of `fields`, groups opened, with its dotted name. */
function allFields(fields: readonly FieldEntry[], prefix = ''): { name: string; entry: FieldEntry }[] {
  return fields.flatMap((f) => {
    const name = prefix ? `${prefix}.${f.name}` : f.name;
    return [{ name, entry: f }, ...(f.shape.kind === 'group' ? allFields(f.shape.fields, name) : [])];
  });
}

describe('the event schema is complete', () => {
  it.each(EVENT_TYPES)('%s has labels in both languages, a permission line and a way into the procedure', (type) => {
    expect(EVENT_LABELS[type].vi).toMatch(/\S/);
    expect(EVENT_LABELS[type].en).toMatch(/\S/);
    expect(EVENT_PERMISSIONS[type].source).toMatch(/\S/);
    // CASE_OPENED starts the machine (its input); every other event is one the machine accepts somewhere.
    if (type === 'CASE_OPENED') expect(admissionMachine.events).not.toContain(type);
    else expect(admissionMachine.events).toContain(type);
  });

  it('the machine accepts no event the schema does not declare', () => {
    const foreign = admissionMachine.events.filter((e) => !e.startsWith('xstate.') && !(EVENT_TYPES as readonly string[]).includes(e));
    expect(foreign).toEqual([]);
  });

  it.each(EVENT_TYPES)('every field of %s has a Vietnamese and an English label, and every choice labels each value', (type) => {
    for (const { name, entry } of allFields(fieldsOf(EVENT_DEFINITIONS[type].schema))) {
      const labels = entry.shape.meta['x-labels'];
      expect({ name, vi: labels.vi.length > 0, en: labels.en.length > 0 }).toEqual({ name, vi: true, en: true });
      if (entry.shape.kind === 'choice') {
        const enumLabels = entry.shape.meta['x-enum-labels'] ?? {};
        expect(Object.keys(enumLabels).sort()).toEqual([...entry.shape.values].sort());
      }
    }
  });

  it.each(EVENT_TYPES)('the example of %s parses, and loses a required field loudly', (type) => {
    const example = exampleEvent(type, '2026-03-02');
    expect(parseEvent(example)).toEqual({ ok: true, value: example });
    const required = fieldsOf(EVENT_DEFINITIONS[type].schema).filter((f) => f.required);
    for (const f of required) {
      const { [f.name]: _dropped, ...rest } = example as Record<string, unknown>;
      const parsed = parseEvent(rest);
      const label = f.shape.meta['x-labels'].vi;
      expect(parsed.ok ? [] : parsed.fields).toContainEqual({ field: f.name, message: `${f.name} is required`, labelVi: label, messageVi: `«${label}» chưa được nhập` });
    }
  });

  it('a field an event does not declare is refused by name', () => {
    expect(parseEvent({ ...exampleEvent('WITHDRAWN', '2026-03-02'), note: 'x' })).toEqual({
      ok: false,
      fields: [{ field: 'note', message: 'note is not a field of this event' }],
    });
  });

  it('the candidate example parses, religion defaulting to none', () => {
    const candidate = exampleOf(fieldsOf(CANDIDATE_SCHEMA), '2001-04-12');
    expect(candidate).not.toHaveProperty('religion');
    expect(parseCandidate(candidate)).toEqual({ ok: true, value: { ...candidate, religion: null } });
  });

  it('the JSON Schema of each event names it, fixes its type and carries the labels', () => {
    const schemas = eventJsonSchemas();
    expect(Object.keys(schemas)).toEqual(EVENT_TYPES.map(eventSchemaName));
    const vote = schemas.CellVoteRecordedEvent as { properties: Record<string, Record<string, unknown>>; required: string[]; additionalProperties: boolean };
    expect(vote.properties.type).toMatchObject({ enum: ['CELL_VOTE_RECORDED'] });
    expect(vote.properties.inFavour).toMatchObject({ type: 'integer', 'x-labels': { vi: 'Số phiếu tán thành', en: 'Votes in favour' } });
    expect(vote.required.sort()).toEqual(['excluded', 'fullMembers', 'inFavour', 'occurredOn', 'type']);
    expect(vote.additionalProperties).toBe(false);
  });
});
