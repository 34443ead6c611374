import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Answers given offline and uploaded later: each carries the id the app gave it (a retry
 * of the same upload records nothing twice) and the time it was answered on the device.
 */
export class OfflinePracticeResults1796001100000 implements MigrationInterface {
  name = 'OfflinePracticeResults1796001100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "practice_results" ADD "client_id" uuid`);
    await queryRunner.query(`ALTER TABLE "practice_results" ADD "answered_at" timestamptz(3)`);
    // Per person: another user's id can neither collide with nor reveal anyone's upload.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_practice_results_user_client" ON "practice_results" ("user_id", "client_id") WHERE "client_id" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ux_practice_results_user_client"`);
    await queryRunner.query(`ALTER TABLE "practice_results" DROP COLUMN "answered_at"`);
    await queryRunner.query(`ALTER TABLE "practice_results" DROP COLUMN "client_id"`);
  }
}
