import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Standard Webhooks signing with secret rotation, and once-only events.
 *
 * Secrets already issued were used as raw HMAC keys; they are sealed with a key this
 * migration does not hold, so they are not rewritten but marked `raw` (their UTF-8 bytes
 * stay the key). New and rotated secrets are `base64` (`whsec_` + base64 of the key).
 *
 * Certificates that had already expired before this release are recorded as announced, so
 * the first run of the expiry job does not send a burst of stale `certificate.expired` events.
 */
export class StandardWebhooks1796001000000 implements MigrationInterface {
  name = 'StandardWebhooks1796001000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_endpoints" ADD "secret_format" text NOT NULL DEFAULT 'raw'`);
    await queryRunner.query(`ALTER TABLE "webhook_endpoints" ALTER COLUMN "secret_format" SET DEFAULT 'base64'`);
    await queryRunner.query(`
      ALTER TABLE "webhook_endpoints"
        ADD "previous_sealed_secret" text,
        ADD "previous_secret_format" text,
        ADD "previous_secret_expires_at" TIMESTAMP(3) WITH TIME ZONE
    `);
    await queryRunner.query(`
      CREATE TABLE "webhook_event_keys" (
        "key" text NOT NULL,
        "organization_id" uuid NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_webhook_event_keys" PRIMARY KEY ("key"),
        CONSTRAINT "fk_webhook_event_keys_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )
    `);
    await queryRunner.query(`CREATE INDEX "ix_webhook_event_keys_organization" ON "webhook_event_keys" ("organization_id")`);
    await queryRunner.query(`CREATE INDEX "ix_certificates_expiring" ON "certificates" ("valid_until") WHERE revoked_at IS NULL AND valid_until IS NOT NULL`);
    await queryRunner.query(`
      INSERT INTO "webhook_event_keys" ("key", "organization_id")
      SELECT 'certificate.expired:' || "id", "organization_id" FROM "certificates"
      WHERE "valid_until" <= now() AND "revoked_at" IS NULL
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_certificates_expiring"`);
    await queryRunner.query(`DROP TABLE "webhook_event_keys"`);
    await queryRunner.query(`
      ALTER TABLE "webhook_endpoints"
        DROP COLUMN "previous_secret_expires_at",
        DROP COLUMN "previous_secret_format",
        DROP COLUMN "previous_sealed_secret",
        DROP COLUMN "secret_format"
    `);
  }
}
