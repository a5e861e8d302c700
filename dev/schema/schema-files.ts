import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

/*
 * The two files the schema produces, both generated from a migrated database and committed:
 *   migrations/schema.sql     `pg_dump --schema-only`, normalised (no comments, SET lines or the random
 *                             \restrict key), so a review sees what a migration did to the schema;
 *   src/infra/db/schema.ts    kysely-codegen's Database types (`.kysely-codegenrc.json` narrows the
 *                             columns Postgres types loosely: jsonb shapes, CHECK-listed values).
 * `npm run db:schema` rewrites both; test/infra/db/schema-files.test.ts fails when either drifts.
 */

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

export const SCHEMA_SQL = path.join(ROOT, 'migrations/schema.sql');
export const SCHEMA_TS = path.join(ROOT, 'src/infra/db/schema.ts');

export function normaliseDump(dump: string): string {
  const kept = dump
    .split('\n')
    .filter((line) => !/^(--|SET |SELECT pg_catalog\.set_config\(|\\(un)?restrict )/.test(line))
    .map((line) => line.trimEnd());
  return `${kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    return Math.floor(Number(rows[0]?.v) / 10_000);
  } finally {
    await client.end();
  }
}

/** pg_dump's major version, or undefined when the machine has none on PATH. */
async function pgDumpMajor(): Promise<number | undefined> {
  try {
    const { stdout } = await run('pg_dump', ['--version']);
    const match = /\s(\d+)(\.\d+)*/.exec(stdout);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why the dump cannot be made against `url` here, or undefined when it can. pg_dump refuses a newer
 * server, and an older server's dump reads differently, so only a matching major version is used.
 */
export async function dumpUnavailable(url: string): Promise<string | undefined> {
  const [dump, server] = await Promise.all([pgDumpMajor(), serverMajor(url)]);
  if (dump === undefined) return 'no pg_dump on PATH';
  if (dump !== server) return `pg_dump ${dump} does not match server ${server}`;
  return undefined;
}

export async function dumpSchema(url: string): Promise<string> {
  const why = await dumpUnavailable(url);
  if (why !== undefined) throw new Error(`cannot dump the schema: ${why}`);
  const { stdout } = await run('pg_dump', ['--schema-only', '--no-owner', '--no-privileges', url], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return normaliseDump(stdout);
}

/** kysely-codegen over `url` with the committed config; the text it would write to schema.ts. */
export async function generateTypes(url: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'stacker-codegen-'));
  try {
    const out = path.join(dir, 'schema.ts');
    const bin = path.join(ROOT, 'node_modules/.bin/kysely-codegen');
    await run(bin, ['--url', url, '--out-file', out, '--log-level', 'error'], { cwd: ROOT });
    return await readFile(out, 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
