import { type Kysely, sql } from 'kysely';

// Each instance keeps the serialized `latest` reply of the deployments it serves
// (src/modules/commands/latest-cache.ts) and drops an entry on `stacker_command_changed` for its hash.
// The writers of the queue send that NOTIFY in their own statements; these triggers cover the two
// changes that have none: the retention purge deleting finished commands (statement-level, one NOTIFY
// per deployment) and a deployment changing owner or status (the cached reply holds both; rare, so
// row-level). Delivered at commit, so a reader never drops an entry for a change it cannot see yet.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION stacker_notify_commands_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('stacker_command_changed', h.deployment_hash)
      FROM (SELECT DISTINCT deployment_hash FROM gone) h;
      RETURN NULL;
    END $$;
    CREATE TRIGGER command_deleted_notify AFTER DELETE ON command
      REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION stacker_notify_commands_deleted();

    CREATE FUNCTION stacker_notify_deployment_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('stacker_command_changed', OLD.deployment_hash);
      RETURN NULL;
    END $$;
    CREATE TRIGGER deployment_access_changed_notify
      AFTER DELETE OR UPDATE OF user_id, status, deployment_hash ON deployment
      FOR EACH ROW EXECUTE FUNCTION stacker_notify_deployment_changed();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TRIGGER deployment_access_changed_notify ON deployment;
    DROP FUNCTION stacker_notify_deployment_changed();
    DROP TRIGGER command_deleted_notify ON command;
    DROP FUNCTION stacker_notify_commands_deleted();
  `.execute(db);
}
