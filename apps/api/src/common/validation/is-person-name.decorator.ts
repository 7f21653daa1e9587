import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidateIf } from 'class-validator';
import { nameProblem, normaliseName } from '@charterflow/access';

/**
 * A staff member's full name (`fullName`) or title (`title`) as the accounts store it: Unicode NFC, white space
 * collapsed, trimmed (`normaliseName`), then 1–200 characters counted as a reader counts them (a Vietnamese letter
 * with its tone mark is one) and no control characters. A full name is required (`required`, or whenever the field
 * is sent, null included); a blank or null title means none. The 400 names the field.
 */
export function IsPersonName(field: 'fullName' | 'title', options: { required: boolean }): PropertyDecorator {
  const blankToNull = field === 'title';
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => {
      const normalised = normaliseName(value);
      return blankToNull && normalised === '' ? null : normalised;
    }),
    ValidateIf((o: Record<string, unknown>) => options.required || (blankToNull ? o[field] !== undefined && o[field] !== null : o[field] !== undefined)),
    ValidateBy({
      name: 'isPersonName',
      validator: {
        validate: (value: unknown) => nameProblem(field, value) === null,
        defaultMessage: (args) => nameProblem(field, args?.value) ?? `${field} is not valid`,
      },
    }),
  );
}
