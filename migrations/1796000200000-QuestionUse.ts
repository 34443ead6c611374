import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Exam pools apart from practice: each question says whether it serves practice, exams or both. */
export class QuestionUse1796000200000 implements MigrationInterface {
  name = 'QuestionUse1796000200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "questions" ADD "use" text NOT NULL DEFAULT 'both'`);
    await queryRunner.query(`ALTER TABLE "questions" ADD CONSTRAINT "ck_questions_use" CHECK ("use" IN ('practice', 'exam', 'both'))`);
    // Exposure counts and the running-attempt check look attempt items up by question.
    await queryRunner.query(`CREATE INDEX "ix_attempt_items_question" ON "attempt_items" ("question_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_attempt_items_question"`);
    await queryRunner.query(`ALTER TABLE "questions" DROP CONSTRAINT "ck_questions_use"`);
    await queryRunner.query(`ALTER TABLE "questions" DROP COLUMN "use"`);
  }
}
