import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Secrets this installation generated for itself outside production (JWT_SECRET,
 * SECRETS_ENCRYPTION_KEY when not set), so restarts keep tokens and sealed data valid.
 */
export class InstanceSecrets1796000600000 implements MigrationInterface {
  name = 'InstanceSecrets1796000600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "instance_secrets" (
        "name" text NOT NULL,
        "value" text NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_instance_secrets" PRIMARY KEY ("name")
      )
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "instance_secrets"`);
  }
}
