import { randomBytes, randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { DEV_USER_IDS } from '../../dev/user-service/index.js';
import { randomToken } from '../../src/infra/crypto/hmac.js';
import { SecretBox } from '../../src/infra/crypto/secret-box.js';
import { createDatabase, type DatabaseHandle } from '../../src/infra/db/connection.js';
import type { Database } from '../../src/infra/db/database.js';

/*
 * Seed data written straight in SQL, in a few statements whatever the count (10,000 agents take a
 * second): deployments owned by the emulator's vendor with a registered agent each (the rows the
 * registration route writes; test/helpers/fake-agent.ts does the same for tests), and approved
 * marketplace templates. The HTTP paths that create them have their own tests.
 */

export const OWNER_ID = String(DEV_USER_IDS.vendor);
export const CAPABILITIES = ['status_panel', 'docker', 'logs', 'monitoring', 'compose'];

export interface SeededAgent {
  id: string;
  token: string;
  hash: string;
}

export interface Seeder {
  handle: DatabaseHandle;
  secretKey: string;
  agents(count: number): Promise<SeededAgent[]>;
  templates(count: number): Promise<void>;
  close(): Promise<void>;
}

export function createSeeder(url: string): Seeder {
  const key = randomBytes(32);
  const secretBox = new SecretBox(key);
  const handle = createDatabase({ url, poolMax: 4, statementTimeoutMs: 120_000 });
  const db: Kysely<Database> = handle.db;
  return {
    handle,
    secretKey: key.toString('base64'),
    async agents(count) {
      const out: SeededAgent[] = [];
      const batch = 2_000;
      for (let start = 0; start < count; start += batch) {
        const n = Math.min(batch, count - start);
        const rows = Array.from({ length: n }, () => ({
          id: randomUUID(),
          token: randomToken(64),
          hash: `deployment_${randomUUID()}`,
        }));
        const ciphertexts = rows.map((r) => secretBox.seal(r.token));
        await sql`
          WITH d AS (
            INSERT INTO deployment (user_id, deployment_hash, status)
            SELECT ${OWNER_ID}, h, 'running' FROM unnest(${rows.map((r) => r.hash)}::text[]) AS h
          )
          INSERT INTO agent (id, deployment_hash, version, capabilities, token_ciphertext)
          SELECT a.id, a.hash, '0.2.1', ${JSON.stringify(CAPABILITIES)}::jsonb, a.ct
          FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.hash)}::text[],
                      ${ciphertexts}::bytea[]) AS a(id, hash, ct)`.execute(db);
        out.push(...rows);
      }
      return out;
    },
    async templates(count) {
      await sql`
        INSERT INTO stack_category (id, name, title) VALUES (1, 'web', 'Web apps')
        ON CONFLICT (id) DO NOTHING`.execute(db);
      await sql`
        WITH t AS (
          INSERT INTO stack_template (creator_user_id, creator_name, name, slug, short_description,
                                      long_description, category_id, tags, tech_stack, status,
                                      approved_at, submitted_at)
          SELECT ${OWNER_ID}, 'Vera Vendor', 'Stack ' || i, 'bench-stack-' || i,
                 'A benchmark stack number ' || i, repeat('Long description. ', 20), 1,
                 '["web","bench"]'::jsonb, '{"runtime":"docker"}'::jsonb, 'approved',
                 now() - make_interval(secs => i), now() - make_interval(secs => i + 60)
          FROM generate_series(1, ${count}::int) AS i
          RETURNING id
        ), v AS (
          INSERT INTO stack_template_version (template_id, version, stack_definition, review_status, is_latest)
          SELECT id, '1.0.0', '{"services":{"web":{"image":"nginx:1.27"}}}'::jsonb, 'approved', true FROM t
          RETURNING id, template_id
        ), l AS (
          INSERT INTO template_listing (template_id) SELECT id FROM t
        )
        SELECT count(*) FROM v`.execute(db);
      // A statement does not see rows its own WITH inserted: link the approved versions afterwards.
      await sql`
        UPDATE stack_template s SET approved_version_id = v.id
        FROM stack_template_version v
        WHERE s.id = v.template_id AND s.approved_version_id IS NULL AND s.status = 'approved'`.execute(db);
    },
    close: () => handle.close(),
  };
}
