import { MigrationInterface, QueryRunner } from "typeorm";

export class Certificates1795643622172 implements MigrationInterface {
    name = 'Certificates1795643622172'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "status_lists" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "bits" bytea NOT NULL,
                "capacity" integer NOT NULL,
                "next_index" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_adc0737adaeb00543ac6839cc2b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_status_lists_org" ON "status_lists" ("organization_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "certificates" (
                "id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "attempt_id" uuid NOT NULL,
                "exam_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "recipient_name" text NOT NULL,
                "exam_title" text NOT NULL,
                "score" real NOT NULL,
                "issued_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "valid_until" TIMESTAMP(3) WITH TIME ZONE,
                "status_list_id" uuid NOT NULL,
                "status_list_index" integer NOT NULL,
                "kid" text NOT NULL,
                "credential" jsonb NOT NULL,
                "jwt" text NOT NULL,
                "show_name" boolean NOT NULL DEFAULT false,
                "revoked_at" TIMESTAMP(3) WITH TIME ZONE,
                "revocation_reason" text,
                "revoked_by_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_certificates_status_entry" UNIQUE ("status_list_id", "status_list_index"),
                CONSTRAINT "uq_certificates_attempt" UNIQUE ("attempt_id"),
                CONSTRAINT "PK_e4c7e31e2144300bea7d89eb165" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_certificates_user" ON "certificates" ("user_id", "issued_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_certificates_org_exam" ON "certificates" ("organization_id", "exam_id", "issued_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "issuer_keys" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "kid" text NOT NULL,
                "public_jwk" jsonb NOT NULL,
                "encrypted_private_key" jsonb NOT NULL,
                "retired_at" TIMESTAMP(3) WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_bcf94c113007680f9e2e264573e" UNIQUE ("kid"),
                CONSTRAINT "PK_5ef739799f142784510bb3860ce" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_issuer_keys_current" ON "issuer_keys" ("organization_id")
            WHERE retired_at IS NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "status_lists"
            ADD CONSTRAINT "FK_d7a43202db8cc24fadffa34c199" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_bdfe3bffc137ae7204afe8ace86" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_325338f12701c3d28886d8e8ec0" FOREIGN KEY ("attempt_id") REFERENCES "attempts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_4177d05436d2f541a0e68ea1143" FOREIGN KEY ("exam_id") REFERENCES "exams"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_88f90b1b9c635c14271e509cec0" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_c1b92e52a4b4f84b03b2f8c57af" FOREIGN KEY ("status_list_id") REFERENCES "status_lists"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "issuer_keys"
            ADD CONSTRAINT "FK_beaa1f79c5ae6814b64b40a9384" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "issuer_keys" DROP CONSTRAINT "FK_beaa1f79c5ae6814b64b40a9384"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_c1b92e52a4b4f84b03b2f8c57af"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_88f90b1b9c635c14271e509cec0"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_4177d05436d2f541a0e68ea1143"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_325338f12701c3d28886d8e8ec0"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_bdfe3bffc137ae7204afe8ace86"
        `);
        await queryRunner.query(`
            ALTER TABLE "status_lists" DROP CONSTRAINT "FK_d7a43202db8cc24fadffa34c199"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_issuer_keys_current"
        `);
        await queryRunner.query(`
            DROP TABLE "issuer_keys"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_certificates_org_exam"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_certificates_user"
        `);
        await queryRunner.query(`
            DROP TABLE "certificates"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_status_lists_org"
        `);
        await queryRunner.query(`
            DROP TABLE "status_lists"
        `);
    }

}
