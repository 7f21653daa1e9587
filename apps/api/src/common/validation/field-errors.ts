import { ValidationError } from 'class-validator';
import { FieldError } from '@charterflow/kernel';

/** Joins a child property to its parent path: `candidate.dateOfBirth`, `organisations[1]`. */
function join(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/**
 * Flattens class-validator's tree of errors into `{ field, message }` pairs with full paths, one per broken
 * constraint, so that a client can point at the exact input.
 */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = join(parent, error.property);
    for (const message of Object.values(error.constraints ?? {})) {
      const text = message.startsWith(`${error.property} `) ? `${field}${message.slice(error.property.length)}` : message;
      out.push({ field, message: text });
    }
    if (error.children?.length) out.push(...toFieldErrors(error.children, field));
  }
  return out;
}
