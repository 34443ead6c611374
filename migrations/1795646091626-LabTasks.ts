import { MigrationInterface, QueryRunner } from "typeorm";

export class LabTasks1795646091626 implements MigrationInterface {
    name = 'LabTasks1795646091626'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "lab_tasks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "task_id" text NOT NULL,
                "definition" jsonb NOT NULL,
                "created_by_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_lab_tasks_org_task" UNIQUE ("organization_id", "task_id"),
                CONSTRAINT "PK_f7bef0e23720feca1ab7337673a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "lab_tasks"
            ADD CONSTRAINT "FK_e4be0a9711b4a999d600c1a55f9" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "lab_tasks" DROP CONSTRAINT "FK_e4be0a9711b4a999d600c1a55f9"
        `);
        await queryRunner.query(`
            DROP TABLE "lab_tasks"
        `);
    }

}
