import { z } from 'zod';
import { CANDIDATE_SCHEMA, date, READMISSION_SCHEMA } from '@charterflow/procedure';
import { canonicalId, isUuid } from '@charterflow/kernel';

/**
 * The body of `POST /cases` (api.md "Cases"): the cell, the date of its resolution putting the person on the
 * sympathiser list, the candidate as the procedure declares it and, for a re-admission, how the person left the Party.
 */
export const OPEN_CASE_BODY = z
  .strictObject({
    organisationId: z
      .string({ error: 'must be a UUID' })
      .refine(isUuid, { error: 'must be a UUID' })
      .transform((id) => canonicalId(id) as string)
      .meta({ format: 'uuid', description: 'The party cell the candidate belongs to', 'x-labels': { vi: 'Chi bộ', en: 'Cell' } }),
    occurredOn: date({ vi: 'Ngày nghị quyết của chi bộ', en: 'Date of the cell resolution' }, { example: '2026-01-05' }),
    candidate: CANDIDATE_SCHEMA,
    // A re-admission (QĐ294 §3.5): left out for a first admission.
    readmission: READMISSION_SCHEMA.optional(),
  })
  .meta({ description: 'Open a case: the cell resolution putting a person on the sympathiser list' });

export type OpenCaseBody = z.output<typeof OPEN_CASE_BODY>;
