import { MigrationInterface, QueryRunner } from 'typeorm';

/** Targets per organisation and period (statistics). */
export class CreateTargets1767225600700 implements MigrationInterface {
  name = 'CreateTargets1767225600700';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
