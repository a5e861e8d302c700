import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE agent (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      deployment_hash text NOT NULL CONSTRAINT agent_deployment_hash_key UNIQUE,
      version text,
      capabilities jsonb NOT NULL DEFAULT '[]',
      system_info jsonb NOT NULL DEFAULT '{}',
      token_ciphertext bytea NOT NULL,
      previous_token_ciphertext bytea,
      previous_token_expires_at timestamptz,
      last_heartbeat timestamptz,
      revoked_at timestamptz,
      compose_url text,
      compose_agent_id text,
      compose_token_ciphertext bytea,
      compose_last_ok_at timestamptz,
      compose_last_error text,
      compose_last_error_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE agent_request_seen (
      agent_id uuid NOT NULL,
      request_id text NOT NULL,
      expires_at timestamptz NOT NULL,
      PRIMARY KEY (agent_id, request_id)
    );
    CREATE INDEX agent_request_seen_expires_idx ON agent_request_seen (expires_at);

    CREATE TABLE app_status (
      deployment_hash text NOT NULL,
      app_code text NOT NULL,
      status text NOT NULL,
      logs jsonb NOT NULL DEFAULT '[]',
      reported_at timestamptz NOT NULL,
      PRIMARY KEY (deployment_hash, app_code)
    );

    CREATE SEQUENCE command_change_seq;

    CREATE TABLE command (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      command_id text NOT NULL CONSTRAINT command_command_id_key UNIQUE,
      deployment_hash text NOT NULL,
      type text NOT NULL,
      app_code text,
      status text NOT NULL CHECK (status IN ('queued', 'sent', 'completed', 'failed', 'cancelled')),
      priority smallint NOT NULL DEFAULT 1 CHECK (priority BETWEEN 0 AND 3),
      parameters jsonb NOT NULL DEFAULT '{}',
      secret_parameters bytea,
      result jsonb,
      error jsonb,
      metadata jsonb NOT NULL DEFAULT '{}',
      created_by text NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      timeout_seconds integer NOT NULL DEFAULT 300,
      change_seq bigint NOT NULL DEFAULT nextval('command_change_seq'),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      lease_expires_at timestamptz,
      completed_at timestamptz
    );
    ALTER SEQUENCE command_change_seq OWNED BY command.change_seq;
    CREATE INDEX command_claim_idx ON command (deployment_hash, priority DESC, created_at) WHERE status = 'queued';
    CREATE INDEX command_lease_idx ON command (lease_expires_at) WHERE status = 'sent';
    CREATE INDEX command_feed_idx ON command (deployment_hash, change_seq);
    CREATE INDEX command_finished_idx ON command (completed_at) WHERE status IN ('completed', 'failed', 'cancelled');
    CREATE UNIQUE INDEX command_one_inflight_health_idx ON command (deployment_hash, (coalesce(app_code, 'all')))
      WHERE type = 'health' AND status IN ('queued', 'sent');

    -- Every write takes a fresh change_seq: the change feeds follow it.
    CREATE FUNCTION command_bump_change_seq() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.change_seq := nextval('command_change_seq');
      NEW.updated_at := now();
      RETURN NEW;
    END $$;
    CREATE TRIGGER command_bump_change_seq BEFORE UPDATE ON command
      FOR EACH ROW EXECUTE FUNCTION command_bump_change_seq();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE command;
    DROP FUNCTION command_bump_change_seq();
    DROP TABLE app_status;
    DROP TABLE agent_request_seen;
    DROP TABLE agent;
  `.execute(db);
}
