import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Behind PgBouncer in transaction pooling (DATABASE_POOLER=transaction) consecutive transactions of one
 * pool client may run on different server sessions, so no code may leave state on a session: a session
 * advisory lock would be held by a session nobody controls, a SET would leak into other clients, a
 * LISTEN would hear nothing. Only the LISTEN hub (its own direct connection) may hold a session.
 */
const FORBIDDEN: [RegExp, string][] = [
  [/pg_(try_)?advisory_lock(_shared)?\s*\(/i, 'session advisory lock (use pg_try_advisory_xact_lock)'],
  [/\bSET\s+(SESSION\s+)?(statement_timeout|search_path|role|lock_timeout|timezone)\b/i, 'session SET'],
  [/set_config\([^)]*,\s*false\s*\)/i, 'session set_config'],
  [/\bPREPARE\s+\w+\s+(AS|\()/i, 'SQL-level PREPARE'],
  [/['"`]\s*(UN)?LISTEN\s/i, 'LISTEN outside the hub'],
];
const ALLOWED: Record<string, string[]> = {
  'LISTEN outside the hub': ['src/infra/db/listen-hub.ts'],
  // The migrator's lock_timeout: migrations always run on the direct connection (DATABASE_LISTEN_URL under
  // the pooler), and it is reset before that connection goes back to its pool.
  'session set_config': ['src/infra/db/migrator.ts'],
};

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sources(full)));
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

describe('nothing keeps session state on a pooled connection', () => {
  it('finds no session advisory lock, session SET, PREPARE or stray LISTEN in src/ or migrations/', async () => {
    const offences: string[] = [];
    for (const file of [...(await sources('src')), ...(await sources('migrations'))]) {
      const text = await readFile(file, 'utf8');
      for (const [pattern, what] of FORBIDDEN) {
        if (pattern.test(text) && !ALLOWED[what]?.includes(file)) offences.push(`${file}: ${what}`);
      }
    }
    expect(offences).toEqual([]);
  });
});
