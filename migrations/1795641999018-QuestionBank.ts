import { MigrationInterface, QueryRunner } from "typeorm";

export class QuestionBank1795641999018 implements MigrationInterface {
    name = 'QuestionBank1795641999018'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "questions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid,
                "course_id" uuid NOT NULL,
                "section_keys" text array NOT NULL,
                "language" text NOT NULL,
                "type" text NOT NULL,
                "difficulty" text NOT NULL,
                "tags" text array NOT NULL DEFAULT '{}',
                "status" text NOT NULL,
                "origin" text NOT NULL,
                "translation_key" text,
                "fingerprint" text,
                "source" jsonb,
                "current_revision" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_08a6d4b0f49ff300bf3a0ca60ac" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_questions_fingerprint" ON "questions" ("course_id", "fingerprint")
            WHERE fingerprint IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_questions_bank" ON "questions" ("course_id", "language", "status")
        `);
        await queryRunner.query(`
            CREATE TABLE "question_revisions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "question_id" uuid NOT NULL,
                "revision" integer NOT NULL,
                "content" jsonb NOT NULL,
                "answer_key" jsonb NOT NULL,
                "explanation" text NOT NULL DEFAULT '',
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_question_revisions_number" UNIQUE ("question_id", "revision"),
                CONSTRAINT "PK_ea234e255d05fb7544375e67960" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "practice_results" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "organization_id" uuid,
                "course_id" uuid NOT NULL,
                "section_key" text NOT NULL,
                "language" text NOT NULL,
                "points" real NOT NULL,
                "max_points" real NOT NULL,
                "answered_count" integer NOT NULL,
                "correct_count" integer NOT NULL,
                "items" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8af7337cb3077211a3f0f503198" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_practice_results_user_course" ON "practice_results" ("user_id", "course_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "questions"
            ADD CONSTRAINT "FK_921085ed8cad9bd8299dc603ef4" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "question_revisions"
            ADD CONSTRAINT "FK_f7ccbad0f1a856eeec2d68cc32e" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "practice_results"
            ADD CONSTRAINT "FK_6be3f138c4062f3d21297e7250f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "practice_results"
            ADD CONSTRAINT "FK_06b5b088210b7c83c876ddf2db4" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "practice_results" DROP CONSTRAINT "FK_06b5b088210b7c83c876ddf2db4"
        `);
        await queryRunner.query(`
            ALTER TABLE "practice_results" DROP CONSTRAINT "FK_6be3f138c4062f3d21297e7250f"
        `);
        await queryRunner.query(`
            ALTER TABLE "question_revisions" DROP CONSTRAINT "FK_f7ccbad0f1a856eeec2d68cc32e"
        `);
        await queryRunner.query(`
            ALTER TABLE "questions" DROP CONSTRAINT "FK_921085ed8cad9bd8299dc603ef4"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_practice_results_user_course"
        `);
        await queryRunner.query(`
            DROP TABLE "practice_results"
        `);
        await queryRunner.query(`
            DROP TABLE "question_revisions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_questions_bank"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_questions_fingerprint"
        `);
        await queryRunner.query(`
            DROP TABLE "questions"
        `);
    }

}
