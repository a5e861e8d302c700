import { type Kysely, sql } from 'kysely';

// Dashboard → CLI handoff tokens (deployment-lifecycle.md, "Handoff"): only the token's SHA-256 is kept,
// the payload (it carries the caller's bearer) is sealed with the secret box, and a token is consumed by
// one guarded UPDATE, so it resolves once whichever instance answers.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE handoff (
      token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
      user_id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('deployment', 'account')),
      payload_ciphertext bytea NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    -- The purge of spent and expired tokens.
    CREATE INDEX handoff_expires_idx ON handoff (expires_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE handoff;`.execute(db);
}
