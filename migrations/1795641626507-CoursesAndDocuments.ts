import { MigrationInterface, QueryRunner } from "typeorm";

export class CoursesAndDocuments1795641626507 implements MigrationInterface {
    name = 'CoursesAndDocuments1795641626507'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "courses" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid,
                "slug" text NOT NULL,
                "title" jsonb NOT NULL,
                "description" jsonb NOT NULL DEFAULT '{}',
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_3f70a487cc718ad8eda4e6d58c9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_courses_platform_slug" ON "courses" ("slug")
            WHERE organization_id IS NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_courses_org_slug" ON "courses" ("organization_id", "slug")
            WHERE organization_id IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "documents" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "course_id" uuid NOT NULL,
                "organization_id" uuid,
                "title" text NOT NULL,
                "language" text NOT NULL,
                "latest_version" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_8b07ef80b13c56953ccc200e49" ON "documents" ("course_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "document_versions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "document_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "content_hash" text NOT NULL,
                "format" text NOT NULL,
                "language" text NOT NULL,
                "key_source" text NOT NULL,
                "source" text NOT NULL,
                "size_bytes" integer NOT NULL,
                "section_count" integer NOT NULL,
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_document_versions_number" UNIQUE ("document_id", "version"),
                CONSTRAINT "PK_baf26dab035c6d6fc433f9dc6a2" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "document_sections" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version_id" uuid NOT NULL,
                "key" text NOT NULL,
                "title" text NOT NULL,
                "level" smallint NOT NULL,
                "parent_key" text,
                "sibling_order" integer NOT NULL,
                "document_index" integer NOT NULL,
                "body" text NOT NULL,
                "text" text NOT NULL,
                CONSTRAINT "uq_document_sections_key" UNIQUE ("version_id", "key"),
                CONSTRAINT "PK_7be19dc6e9315a413ca3e9a5cd4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "documents"
            ADD CONSTRAINT "FK_8b07ef80b13c56953ccc200e49a" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "document_versions"
            ADD CONSTRAINT "FK_ac75577bca976d6d581b0f459b6" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "document_sections"
            ADD CONSTRAINT "FK_5857b8f247efa1e3671b9dd23f3" FOREIGN KEY ("version_id") REFERENCES "document_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "document_sections" DROP CONSTRAINT "FK_5857b8f247efa1e3671b9dd23f3"
        `);
        await queryRunner.query(`
            ALTER TABLE "document_versions" DROP CONSTRAINT "FK_ac75577bca976d6d581b0f459b6"
        `);
        await queryRunner.query(`
            ALTER TABLE "documents" DROP CONSTRAINT "FK_8b07ef80b13c56953ccc200e49a"
        `);
        await queryRunner.query(`
            DROP TABLE "document_sections"
        `);
        await queryRunner.query(`
            DROP TABLE "document_versions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_8b07ef80b13c56953ccc200e49"
        `);
        await queryRunner.query(`
            DROP TABLE "documents"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_courses_org_slug"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_courses_platform_slug"
        `);
        await queryRunner.query(`
            DROP TABLE "courses"
        `);
    }

}
