import { MigrationInterface, QueryRunner } from "typeorm";

export class ExamsAndAttempts1795642757605 implements MigrationInterface {
    name = 'ExamsAndAttempts1795642757605'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "exams" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "course_id" uuid NOT NULL,
                "draft" jsonb NOT NULL,
                "published_version" integer NOT NULL DEFAULT '0',
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b43159ee3efa440952794b4f53e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_8d9f1399d9824f76c1da692071" ON "exams" ("organization_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "exam_versions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "exam_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "blueprint" jsonb NOT NULL,
                "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_exam_versions_number" UNIQUE ("exam_id", "version"),
                CONSTRAINT "PK_fd0f4935b20747626221cadde64" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "attempts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "exam_id" uuid NOT NULL,
                "exam_version_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "attempt_number" integer NOT NULL,
                "seed" text NOT NULL,
                "status" text NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "deadline_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "submitted_by" text,
                "percentage" real,
                "passed" boolean,
                "result" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_attempts_number" UNIQUE ("exam_id", "user_id", "attempt_number"),
                CONSTRAINT "PK_295ca261e361fd2fd217754dcac" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d167176b022a0f255e652f07f4" ON "attempts" ("exam_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_1f23e642cf6e009c61cc2c214e" ON "attempts" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_attempts_deadline" ON "attempts" ("status", "deadline_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "attempt_items" (
                "attempt_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "question_id" uuid NOT NULL,
                "revision_id" uuid NOT NULL,
                "section_key" text NOT NULL,
                "weight" real NOT NULL,
                "display_seed" text,
                "answer" jsonb,
                "answer_version" integer NOT NULL DEFAULT '0',
                "answered_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_34e44fada688606caaaf56300c4" PRIMARY KEY ("attempt_id", "position")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "idempotency_keys" (
                "scope" text NOT NULL,
                "key" text NOT NULL,
                "fingerprint" text NOT NULL,
                "status_code" integer NOT NULL,
                "body" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_15de2f76fa9f27ad8f330983607" PRIMARY KEY ("scope", "key")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "enrollments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "exam_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_enrollments_exam_user" UNIQUE ("exam_id", "user_id"),
                CONSTRAINT "PK_7c0f752f9fb68bf6ed7367ab00f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "exams"
            ADD CONSTRAINT "FK_8d9f1399d9824f76c1da6920718" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "exams"
            ADD CONSTRAINT "FK_490a686c682fdb6b506bd924bb8" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "exam_versions"
            ADD CONSTRAINT "FK_824741284d2f2d8eccca264eb96" FOREIGN KEY ("exam_id") REFERENCES "exams"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "attempts"
            ADD CONSTRAINT "FK_d167176b022a0f255e652f07f48" FOREIGN KEY ("exam_id") REFERENCES "exams"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "attempts"
            ADD CONSTRAINT "FK_8da0941aad281af05c2289b8c79" FOREIGN KEY ("exam_version_id") REFERENCES "exam_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "attempts"
            ADD CONSTRAINT "FK_1f23e642cf6e009c61cc2c214e2" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "attempt_items"
            ADD CONSTRAINT "FK_60997e64aebc8a3773719e09f19" FOREIGN KEY ("attempt_id") REFERENCES "attempts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "attempt_items"
            ADD CONSTRAINT "FK_7af48c82af1b65bd435823e348d" FOREIGN KEY ("revision_id") REFERENCES "question_revisions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrollments"
            ADD CONSTRAINT "FK_5d73f2b63eab86c1f57aa36dff4" FOREIGN KEY ("exam_id") REFERENCES "exams"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrollments"
            ADD CONSTRAINT "FK_ff997f5a39cd24a491b9aca45c9" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "enrollments" DROP CONSTRAINT "FK_ff997f5a39cd24a491b9aca45c9"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrollments" DROP CONSTRAINT "FK_5d73f2b63eab86c1f57aa36dff4"
        `);
        await queryRunner.query(`
            ALTER TABLE "attempt_items" DROP CONSTRAINT "FK_7af48c82af1b65bd435823e348d"
        `);
        await queryRunner.query(`
            ALTER TABLE "attempt_items" DROP CONSTRAINT "FK_60997e64aebc8a3773719e09f19"
        `);
        await queryRunner.query(`
            ALTER TABLE "attempts" DROP CONSTRAINT "FK_1f23e642cf6e009c61cc2c214e2"
        `);
        await queryRunner.query(`
            ALTER TABLE "attempts" DROP CONSTRAINT "FK_8da0941aad281af05c2289b8c79"
        `);
        await queryRunner.query(`
            ALTER TABLE "attempts" DROP CONSTRAINT "FK_d167176b022a0f255e652f07f48"
        `);
        await queryRunner.query(`
            ALTER TABLE "exam_versions" DROP CONSTRAINT "FK_824741284d2f2d8eccca264eb96"
        `);
        await queryRunner.query(`
            ALTER TABLE "exams" DROP CONSTRAINT "FK_490a686c682fdb6b506bd924bb8"
        `);
        await queryRunner.query(`
            ALTER TABLE "exams" DROP CONSTRAINT "FK_8d9f1399d9824f76c1da6920718"
        `);
        await queryRunner.query(`
            DROP TABLE "enrollments"
        `);
        await queryRunner.query(`
            DROP TABLE "idempotency_keys"
        `);
        await queryRunner.query(`
            DROP TABLE "attempt_items"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_attempts_deadline"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_1f23e642cf6e009c61cc2c214e"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d167176b022a0f255e652f07f4"
        `);
        await queryRunner.query(`
            DROP TABLE "attempts"
        `);
        await queryRunner.query(`
            DROP TABLE "exam_versions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_8d9f1399d9824f76c1da692071"
        `);
        await queryRunner.query(`
            DROP TABLE "exams"
        `);
    }

}
