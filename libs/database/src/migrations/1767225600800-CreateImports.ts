import { MigrationInterface, QueryRunner } from 'typeorm';

/** Imports of cases already under way. */
export class CreateImports1767225600800 implements MigrationInterface {
  name = 'CreateImports1767225600800';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
