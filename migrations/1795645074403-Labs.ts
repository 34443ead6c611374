import { MigrationInterface, QueryRunner } from "typeorm";

export class Labs1795645074403 implements MigrationInterface {
    name = 'Labs1795645074403'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "clusters" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "sealed_kubeconfig" text NOT NULL,
                "capacity" integer NOT NULL,
                "labels" jsonb NOT NULL DEFAULT '{}',
                "enabled" boolean NOT NULL DEFAULT true,
                "embedded" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_9866753a0c6ffd4adebb5cc236b" UNIQUE ("name"),
                CONSTRAINT "PK_56c8e201f375e1e961dcdd6831c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "lab_sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid,
                "user_id" uuid NOT NULL,
                "task_id" text NOT NULL,
                "cluster_id" uuid NOT NULL,
                "namespace" text NOT NULL,
                "attempt_id" uuid,
                "status" text NOT NULL,
                "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "last_validation" jsonb,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_31ef0e42f6082ac26e0779c7442" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_51a9e006903fb4ec173779474d" ON "lab_sessions" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d0ef53ee7059cad4246caff2e6" ON "lab_sessions" ("cluster_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_7bf8a7ee8792e6946e086f82e1" ON "lab_sessions" ("attempt_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_lab_sessions_active" ON "lab_sessions" ("status", "expires_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "lab_sessions"
            ADD CONSTRAINT "FK_51a9e006903fb4ec173779474dd" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "lab_sessions"
            ADD CONSTRAINT "FK_d0ef53ee7059cad4246caff2e6f" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "lab_sessions" DROP CONSTRAINT "FK_d0ef53ee7059cad4246caff2e6f"
        `);
        await queryRunner.query(`
            ALTER TABLE "lab_sessions" DROP CONSTRAINT "FK_51a9e006903fb4ec173779474dd"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_lab_sessions_active"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_7bf8a7ee8792e6946e086f82e1"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d0ef53ee7059cad4246caff2e6"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_51a9e006903fb4ec173779474d"
        `);
        await queryRunner.query(`
            DROP TABLE "lab_sessions"
        `);
        await queryRunner.query(`
            DROP TABLE "clusters"
        `);
    }

}
