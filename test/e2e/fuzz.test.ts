import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deploymentWithAgent, type Fixture } from '../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { bearer } from '../helpers/auth.js';
import {
  encodeSegment,
  hostileJson,
  hostileString,
  NASTY_STRINGS,
  ODD_BODIES,
  RAW_SEGMENTS,
} from '../helpers/fuzz-values.js';

// Every operation of /openapi.json, sent malformed variants with valid credentials: wrong types, 1 MB
// strings, deep nesting, NUL and odd Unicode, huge numbers, extra fields, invalid JSON, wrong or no
// content type, empty bodies. No reply may be a 5xx, and every 4xx is problem+json with a `code`.
// The seed is fixed so a run is repeatable; FUZZ_SEED and FUZZ_RUNS explore further.

const SEED = Number(process.env.FUZZ_SEED ?? 1304);
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
/** Routes that hold a valid request open by design (a long-poll, a stream): a held reply is not a hang. */
const HOLDS = new Set([
  '/api/v1/agent/commands/wait/{deployment_hash}',
  '/api/v1/commands/{deployment_hash}/stream',
]);
const HOLD_MS = 2_500;
/** Variants of one operation in flight at once. */
const CONCURRENCY = 8;

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyKeys: string[] | undefined;
  agent: boolean;
}

type Doc = {
  paths: Record<string, Record<string, OpenApiOp>>;
  components?: { schemas?: Record<string, Schema> };
};
type OpenApiOp = {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: Record<string, unknown>[];
};
type Schema = { $ref?: string; properties?: Record<string, unknown>; anyOf?: Schema[]; oneOf?: Schema[] };

// A 1 MB value goes into each operation's first query parameter only: in every one it would be the
// whole run time spent parsing URLs.
const URL_VALUES = [...NASTY_STRINGS.filter((v) => v.length < 1_000).map(encodeSegment), ...RAW_SEGMENTS];
const LONG_VALUE = 'x'.repeat(1024 * 1024);

let t: TestApp;
let f: Fixture;
let operations: Operation[];
const failures: string[] = [];

function propertyNames(doc: Doc, schema: Schema | undefined, seen = 0): string[] {
  if (!schema || seen > 5) return [];
  if (schema.$ref)
    return propertyNames(doc, doc.components?.schemas?.[schema.$ref.split('/').pop() ?? ''], seen + 1);
  const own = Object.keys(schema.properties ?? {});
  const alternatives = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  return [...new Set([...own, ...alternatives.flatMap((s) => propertyNames(doc, s, seen + 1))])];
}

function readOperations(doc: Doc): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = op.parameters ?? [];
      const body = op.requestBody?.content?.['application/json'];
      out.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        bodyKeys: body ? propertyNames(doc, body.schema) : undefined,
        agent:
          (op.security ?? []).some((s) => 'agent' in s) && !(op.security ?? []).some((s) => 'bearer' in s),
      });
    }
  }
  // What would end the fixture (its deletion, its agent's token) goes last, so the rest runs against it.
  const last = (op: Operation) =>
    (op.method === 'DELETE' ? 1 : 0) + (op.path.includes('rotate-token') ? 2 : 0);
  return out.sort((a, b) => last(a) - last(b));
}

/** A plausible value for a path parameter, so the variants reach validation past the router. */
function validParam(name: string): string {
  if (name === 'deployment_hash' || name === 'hash') return f.hash;
  if (name === 'agent_id') return f.agent.id;
  if (name === 'app_code' || name === 'code') return 'web';
  if (name === 'name') return 'DB_PASSWORD';
  return '00000000-0000-4000-8000-000000000000';
}

function buildUrl(op: Operation, path: Record<string, string>, query: [string, string][]): string {
  const url = op.path.replace(
    /\{(\w+)\}/g,
    (_m, name: string) => path[name] ?? encodeSegment(validParam(name)),
  );
  const qs = query.map(([k, v]) => `${k}=${v}`).join('&');
  return qs ? `${url}?${qs}` : url;
}

async function send(
  op: Operation,
  url: string,
  payload: string | undefined,
  contentType: string | undefined,
): Promise<void> {
  const body = payload ?? '';
  const auth = op.agent
    ? f.agent.headers(op.method, url, body)
    : bearer(op.path.startsWith('/api/admin') ? 'admin' : 'vendor');
  const headers: Record<string, string> = { ...auth };
  delete headers['content-type'];
  if (contentType) headers['content-type'] = contentType;
  const request = t.app.inject({
    method: op.method as 'GET',
    url,
    headers,
    ...(payload === undefined ? {} : { payload }),
  });
  let timer: NodeJS.Timeout | undefined;
  const held = new Promise<'held'>((resolve) => {
    timer = setTimeout(() => resolve('held'), HOLD_MS);
  });
  const res = await Promise.race([request, held]);
  clearTimeout(timer);
  const what = `${op.method} ${url.slice(0, 160)} ${contentType ?? ''} ${(payload ?? '').slice(0, 80)}`;
  if (res === 'held') {
    if (!HOLDS.has(op.path)) failures.push(`${what}: no reply in ${HOLD_MS} ms`);
    return;
  }
  check(res, what);
}

/**
 * A 500 is always a failure. Another 5xx is allowed only as a dependency's answer (the fixture's agent
 * never answers, so the status panel says `agent_offline` or times out): still a problem with its code.
 */
function check(res: LightMyRequestResponse, what: string): void {
  if (res.statusCode < 400) return;
  const type = String(res.headers['content-type'] ?? '');
  const code = type.startsWith('application/problem+json')
    ? (res.json() as { code?: unknown }).code
    : undefined;
  if (typeof code !== 'string' || code === '') {
    failures.push(`${what}: ${res.statusCode} ${type} without a code`);
  } else if (res.statusCode === 500 || code === 'internal_error') {
    failures.push(`${what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  }
}

beforeAll(async () => {
  t = await buildTestApp({
    env: { AGENT_POLL_MAX_SECS: '5', AGENT_POLL_DEFAULT_SECS: '5', HEALTH_CHECK_TIMEOUT_SECS: '1' },
  });
  f = await deploymentWithAgent(t);
  operations = readOperations((await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as Doc);
});
afterAll(() => t?.close());

const bodyOf = (op: Operation) => (op.method === 'GET' || op.method === 'DELETE' ? undefined : op);

it('no operation answers a malformed request with a 5xx, and every 4xx is problem+json', {
  timeout: 600_000,
}, async () => {
  expect(operations.length).toBeGreaterThan(50);
  for (const op of operations) {
    const variants: (() => Promise<void>)[] = [];
    // Hand-picked variants: every nasty string and raw escape in each path and query parameter.
    for (const name of op.pathParams) {
      for (const value of URL_VALUES) {
        const url = buildUrl(op, { [name]: value }, []);
        variants.push(() => send(op, url, bodyOf(op) && '{}', bodyOf(op) && 'application/json'));
      }
    }
    for (const name of op.queryParams) {
      for (const value of URL_VALUES) {
        variants.push(() => send(op, buildUrl(op, {}, [[name, value]]), undefined, undefined));
      }
      variants.push(() =>
        send(
          op,
          buildUrl(op, {}, [
            [name, '1'],
            [name, '2'],
          ]),
          undefined,
          undefined,
        ),
      );
      if (name === op.queryParams[0]) {
        variants.push(() => send(op, buildUrl(op, {}, [[name, LONG_VALUE]]), undefined, undefined));
      }
    }
    if (bodyOf(op)) {
      // 10,000 levels under each known field, written as text (an object that deep cannot be stringified).
      for (const key of op.bodyKeys ?? []) {
        const payload = `{${JSON.stringify(key)}:${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
        variants.push(() => send(op, buildUrl(op, {}, []), payload, 'application/json'));
      }
      for (const body of ODD_BODIES) {
        variants.push(() => send(op, buildUrl(op, {}, []), body.payload, body.contentType));
      }
    }
    for (let i = 0; i < variants.length; i += CONCURRENCY) {
      await Promise.all(variants.slice(i, i + CONCURRENCY).map((run) => run()));
    }
    // A held route would only be held again: its generated variants add nothing but time.
    if (HOLDS.has(op.path)) continue;
    // Generated variants: random query values, and bodies whose known fields hold hostile values.
    const keys = op.bodyKeys ?? [];
    const record = fc.dictionary(fc.constantFrom(...keys, 'extra_field', '__proto__'), hostileJson, {
      maxKeys: 8,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...op.queryParams, 'unknown'), hostileString), { maxLength: 3 }),
        fc.oneof(record, hostileJson),
        async (query, body) => {
          const url = buildUrl(
            op,
            {},
            query.map(([k, v]) => [k, encodeSegment(v)]),
          );
          const payload = bodyOf(op) ? JSON.stringify(body) : undefined;
          await send(op, url, payload, payload === undefined ? undefined : 'application/json');
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  }
  expect(failures).toEqual([]);
});
