import { candidateJsonSchema, eventJsonSchemas, eventSchemaName, EVENT_TYPES, jsonSchemaOf } from '@charterflow/procedure';
import { registerSchemaComponent, schemaRef } from '../../common/schema/schema-components';
import { OPEN_CASE_BODY } from '../dto/open-case.body';

// The OpenAPI schemas of the cases API that come from the procedure's declarations: the candidate, each event (the
// body of POST /cases/{id}/events is one of them, told apart by `type`) and the body of POST /cases.
registerSchemaComponent('Candidate', candidateJsonSchema);
for (const [name, schema] of Object.entries(eventJsonSchemas())) registerSchemaComponent(name, () => schema);
registerSchemaComponent('OpenCaseBody', () => jsonSchemaOf(OPEN_CASE_BODY));

/** The body of `POST /cases/{id}/events`: one of the events, by `type`. */
export const EVENT_BODY_SCHEMA = {
  oneOf: EVENT_TYPES.map((type) => schemaRef(eventSchemaName(type))),
  discriminator: {
    propertyName: 'type',
    mapping: Object.fromEntries(EVENT_TYPES.map((type) => [type, schemaRef(eventSchemaName(type)).$ref])),
  },
};

export const CANDIDATE_SCHEMA_REF = schemaRef('Candidate');
export const OPEN_CASE_BODY_REF = schemaRef('OpenCaseBody');
