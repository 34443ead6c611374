import { createHmac, randomBytes } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issuer identity that survives a change of PUBLIC_BASE_URL (every base URL an organisation
 * issued under, taken from the credentials already signed), and a printed name that can be
 * checked: shown by default from now on, a salted hash of it for the name check, and when the
 * holder made the choice.
 *
 * Existing certificates keep show_name as it is. The old default was false and nothing
 * recorded whether a holder had set false on purpose (true, then false again), so a false row
 * cannot be told apart from one nobody touched. Publishing a name cannot be undone, hiding it
 * can (one PATCH by the holder), and the name check now lets anyone holding the PDF confirm
 * the printed name; so these rows stay hidden with show_name_chosen_at NULL, which the page
 * words as "not published" rather than "at the holder's request".
 */
export class StableIssuerAndCheckableName1796001200000 implements MigrationInterface {
  name = 'StableIssuerAndCheckableName1796001200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "issuer_base_urls" (
        "organization_id" uuid NOT NULL,
        "base_url" text NOT NULL,
        "first_issued_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_issuer_base_urls" PRIMARY KEY ("organization_id", "base_url"),
        CONSTRAINT "FK_issuer_base_urls_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE
      )
    `);
    await queryRunner.query(`
      INSERT INTO "issuer_base_urls" ("organization_id", "base_url", "first_issued_at")
      SELECT "organization_id", left(issuer_id, length(issuer_id) - length('/v1/issuers/' || "organization_id"::text)), min("issued_at")
        FROM (SELECT "organization_id", "issued_at", "credential"->'issuer'->>'id' AS issuer_id FROM "certificates") AS issued
       WHERE right(issuer_id, length('/v1/issuers/' || "organization_id"::text)) = '/v1/issuers/' || "organization_id"::text
       GROUP BY 1, 2
    `);

    await queryRunner.query(`ALTER TABLE "certificates" ALTER COLUMN "show_name" SET DEFAULT true`);
    await queryRunner.query(`
      ALTER TABLE "certificates"
        ADD COLUMN "show_name_chosen_at" TIMESTAMP(3) WITH TIME ZONE,
        ADD COLUMN "recipient_name_salt" bytea,
        ADD COLUMN "recipient_name_hash" bytea
    `);
    const rows: Array<{ id: string; recipient_name: string }> = await queryRunner.query(`SELECT "id", "recipient_name" FROM "certificates"`);
    for (const row of rows) {
      const salt = randomBytes(16);
      const hash = createHmac('sha256', salt).update(normalisedAtThisMigration(row.recipient_name), 'utf8').digest();
      await queryRunner.query(`UPDATE "certificates" SET "recipient_name_salt" = $2, "recipient_name_hash" = $3 WHERE "id" = $1`, [row.id, salt, hash]);
    }
    await queryRunner.query(`
      ALTER TABLE "certificates"
        ALTER COLUMN "recipient_name_salt" SET NOT NULL,
        ALTER COLUMN "recipient_name_hash" SET NOT NULL
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "certificates"
        DROP COLUMN "recipient_name_hash",
        DROP COLUMN "recipient_name_salt",
        DROP COLUMN "show_name_chosen_at"
    `);
    await queryRunner.query(`ALTER TABLE "certificates" ALTER COLUMN "show_name" SET DEFAULT false`);
    await queryRunner.query(`DROP TABLE "issuer_base_urls"`);
  }
}

/**
 * The normalisation of src/certificates/name-check/recipient-name-hash.ts as it was when this
 * migration was written: a migration must not change when the app's code does.
 */
function normalisedAtThisMigration(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase().toUpperCase().toLowerCase().normalize('NFC');
}
