import { parseArgs } from 'node:util';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AccessModule, BOOTSTRAP_ADMIN_FULL_NAME, UsersService } from '@charterflow/access';
import { loadConfig } from '@charterflow/config';
import { OrganisationsModule, OrganisationsService, WHOLE_TREE } from '@charterflow/organisations';
import { PlatformModule } from '@charterflow/platform';

const USAGE = `Usage: npm run setup -- --province "<name>" --username <name> [--full-name "<name>"] [--title "<post>"] [--password <password>]

Creates the first province (a root of the organisation tree) and an administrator account attached to it, on the
database the environment names (DATABASE_URL, or the embedded one in DATA_DIR: stop the server first). The password
is read from --password or, better (it then stays out of the shell history), from SETUP_PASSWORD. The administrator's
full name is --full-name, else ADMIN_FULL_NAME, else "${BOOTSTRAP_ADMIN_FULL_NAME}".
Running it again with the same province name reuses that province.`;

/**
 * First-run setup: the first province and its administrator. Everything goes through the same services as the
 * API, so the same rules hold (hierarchy, name and password policy).
 */
export async function runSetup(argv: string[], env: NodeJS.ProcessEnv): Promise<{ provinceId: string; userId: string; createdProvince: boolean }> {
  const { values } = parseArgs({
    args: argv,
    options: {
      province: { type: 'string' },
      username: { type: 'string' },
      'full-name': { type: 'string' },
      title: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  const password = values.password ?? env.SETUP_PASSWORD;
  if (values.help || !values.province || !values.username || !password) throw new UsageError(USAGE);

  const config = loadConfig({ ...env, RUN_WORKER: 'false' });
  @Module({ imports: [PlatformModule.forRoot({ config }), OrganisationsModule, AccessModule] })
  class SetupModule {}
  const context = await NestFactory.createApplicationContext(SetupModule, { logger: ['error'] });
  try {
    const organisations = context.get(OrganisationsService);
    const users = context.get(UsersService);
    const roots = await organisations.list({}, WHOLE_TREE);
    const existing = roots.find((o) => o.parentId === null && o.kind === 'province' && o.name === values.province!.trim());
    const province = existing ?? (await organisations.create({ name: values.province, kind: 'province' }, WHOLE_TREE));
    const fullName = values['full-name'] ?? config.ADMIN_FULL_NAME ?? BOOTSTRAP_ADMIN_FULL_NAME;
    const user = await users.create({ username: values.username, password, fullName, title: values.title, organisationId: province.id, roles: ['admin'] }, WHOLE_TREE);
    return { provinceId: province.id, userId: user.id, createdProvince: !existing };
  } finally {
    await context.close();
  }
}

export class UsageError extends Error {}

if (require.main === module) {
  runSetup(process.argv.slice(2), process.env)
    .then((r) => {
      process.stdout.write(
        `${r.createdProvince ? 'Đã tạo tỉnh ủy / Province created' : 'Tỉnh ủy đã có / Province exists'}: ${r.provinceId}\n` +
          `Đã tạo tài khoản quản trị / Administrator created: ${r.userId}\n`,
      );
      process.exit(0);
    })
    .catch((error: unknown) => {
      const e = error as { name?: string; message?: string; code?: string; details?: unknown };
      const message = error instanceof UsageError || e.name === 'ConfigValidationError' ? e.message : e.code ? `${e.code}: ${e.message} ${JSON.stringify(e.details ?? {})}` : String(error);
      process.stderr.write(`${message}\n`);
      process.exit(error instanceof UsageError ? 2 : 1);
    });
}
