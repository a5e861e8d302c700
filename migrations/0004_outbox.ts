import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE outbox (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      topic text NOT NULL,
      ordering_key text NOT NULL,
      sequence integer,
      payload jsonb NOT NULL,
      secret_payload bytea,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead', 'discarded')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      locked_by text,
      locked_until timestamptz,
      last_status integer,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      delivered_at timestamptz
    );
    CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status = 'pending';
    -- The head-of-line check ("no older pending or dead row of this key") reads this index only.
    CREATE INDEX outbox_blocking_idx ON outbox (ordering_key, created_at) WHERE status IN ('pending', 'dead');
    CREATE INDEX outbox_delivered_idx ON outbox (delivered_at) WHERE status = 'delivered';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE outbox;`.execute(db);
}
