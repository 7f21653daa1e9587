import { NestExpressApplication } from '@nestjs/platform-express';

/**
 * Body parsers of the import endpoint, registered before the application's own (whose JSON limit is small). The
 * import module fills this in; until then it registers nothing.
 */
export function useImportBodyParsers(_app: NestExpressApplication): void {}
