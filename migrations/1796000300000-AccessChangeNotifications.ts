import type { MigrationInterface, QueryRunner } from 'typeorm';

const WATCHED = [
  ['memberships', 'INSERT OR UPDATE OF roles, user_id, organization_id OR DELETE'],
  ['users', 'UPDATE OF is_platform_admin OR DELETE'],
  ['api_keys', 'UPDATE OF revoked_at, scopes, organization_id OR DELETE'],
  ['refresh_tokens', 'UPDATE OF revoked_at, user_id OR DELETE'],
] as const;

/**
 * Every committed change to what an access token may do is announced on the channel
 * `kubequiz_access_changes`, so each API process can drop what it cached (auth/access-state).
 * Triggers rather than application code: cascades, seeding and manual fixes announce too.
 * NOTIFY is transactional (sent on commit only) and folds identical payloads of one
 * transaction, so revoking a session of many refresh tokens sends one message.
 */
export class AccessChangeNotifications1796000300000 implements MigrationInterface {
  name = 'AccessChangeNotifications1796000300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION "notify_access_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        channel CONSTANT text := 'kubequiz_access_changes';
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          PERFORM pg_notify(channel, '*');
        ELSIF TG_TABLE_NAME = 'memberships' THEN
          IF TG_OP <> 'INSERT' THEN PERFORM pg_notify(channel, 'user:' || OLD.user_id); END IF;
          IF TG_OP <> 'DELETE' THEN PERFORM pg_notify(channel, 'user:' || NEW.user_id); END IF;
        ELSIF TG_TABLE_NAME = 'users' THEN
          PERFORM pg_notify(channel, 'user:' || OLD.id);
        ELSIF TG_TABLE_NAME = 'api_keys' THEN
          PERFORM pg_notify(channel, 'api-key:' || OLD.id);
        ELSIF TG_TABLE_NAME = 'refresh_tokens' THEN
          PERFORM pg_notify(channel, 'session:' || OLD.family_id);
        END IF;
        RETURN NULL;
      END
      $$
    `);
    for (const [table, events] of WATCHED) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_access_change" AFTER ${events} ON "${table}" FOR EACH ROW EXECUTE FUNCTION "notify_access_change"()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_access_truncate" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "notify_access_change"()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of WATCHED) {
      await queryRunner.query(`DROP TRIGGER "${table}_access_truncate" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "${table}_access_change" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "notify_access_change"()`);
  }
}
