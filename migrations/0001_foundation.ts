import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      actor_type text,
      actor_id text,
      action text NOT NULL,
      deployment_hash text,
      target text,
      outcome text,
      details jsonb NOT NULL DEFAULT '{}',
      ip inet,
      user_agent text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX audit_log_deployment_idx ON audit_log (deployment_hash, created_at DESC) WHERE deployment_hash IS NOT NULL;
    CREATE INDEX audit_log_action_idx ON audit_log (action, created_at DESC);

    CREATE TABLE idempotency_key (
      user_id text NOT NULL,
      key text NOT NULL,
      route text NOT NULL,
      reply jsonb NOT NULL,
      status integer NOT NULL,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, key)
    );
    CREATE INDEX idempotency_key_expires_idx ON idempotency_key (expires_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE idempotency_key; DROP TABLE audit_log;`.execute(db);
}
