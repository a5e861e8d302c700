import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../src/infra/db/connection.js';

export interface TestDatabase extends DatabaseHandle {
  url: string;
  name: string;
  /** Drops the database (closing the pool first). */
  drop(): Promise<void>;
}

export function adminUrl(): string {
  return inject('pgAdminUrl');
}

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function urlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

/** A fresh database cloned from the migrated template: each test file gets its own, so files run in parallel. */
export async function createTestDatabase(poolMax = 10): Promise<TestDatabase> {
  const template = inject('pgTemplateDb');
  const name = `${template.replace('stacker_tpl_', 'stacker_test_')}_${randomBytes(4).toString('hex')}`;
  await withAdmin(async (client) => {
    // Two clones of one template at the same instant can collide on the template's lock (55006): retry.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
  });
  const url = urlFor(name);
  const handle = createDatabase({ url, poolMax, statementTimeoutMs: 30_000 });
  return {
    ...handle,
    url,
    name,
    async drop() {
      await handle.close();
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** An empty database (no migrations), for migration tests. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const name = `${inject('pgTemplateDb').replace('stacker_tpl_', 'stacker_test_')}_e${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = urlFor(name);
  const handle = createDatabase({ url, poolMax: 4, statementTimeoutMs: 30_000 });
  return {
    ...handle,
    url,
    name,
    async drop() {
      await handle.close();
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
