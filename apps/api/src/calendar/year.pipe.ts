import { Injectable, PipeTransform } from '@nestjs/common';
import { DomainException } from '@charterflow/database';

/** A four-digit calendar year in the path; anything else is `400 VALIDATION_FAILED` naming `year`. */
@Injectable()
export class ParseYearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^\d{4}$/.test(value) || Number(value) < 1000) {
      throw DomainException.validation([{ field: 'year', message: 'year must be a four-digit year, e.g. 2026' }]);
    }
    return Number(value);
  }
}
