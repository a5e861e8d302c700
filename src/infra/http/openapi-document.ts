import { completeResponse, sharedResponseComponents } from './openapi-responses.js';
import { type RouteAccessLookup, type RouteFacts, routeKey } from './openapi-route.js';

// The generated document is plain JSON; these are the few shapes this file reads and writes.
type Json = Record<string, unknown>;
type Operation = {
  operationId?: string;
  security?: unknown;
  tags?: string[];
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, Json>;
};
type MediaType = { schema?: Json; example?: unknown; examples?: unknown };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'];

export interface CompleteOptions {
  facts: Map<string, RouteFacts>;
  access: RouteAccessLookup;
  tags: Record<string, string>;
}

/**
 * Completes the document generated from the zod schemas with what every route has without saying it:
 * security and the statuses of the access check (from the policy), 400 on validated input, 413/415 on a
 * body, 429 on a rate-limited route, 503 everywhere (database, User Service, shutting down), an
 * operationId, problem+json errors, descriptions, examples. A new route gets all of it by default.
 */
export function completeDocument(doc: Json, options: CompleteOptions): Json {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Operation>>;
  const components = (doc.components ?? {}) as Json;
  const schemas = (components.schemas ?? {}) as Record<string, Json>;
  const usedIds = new Set<string>();
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const facts = options.facts.get(routeKey(method, path));
      op.operationId ??= uniqueId(operationId(method, path), usedIds);
      usedIds.add(op.operationId);
      const statuses = new Set<number>([503]);
      if (facts) {
        const access = facts.authenticate
          ? options.access(facts.method, facts.url)
          : { security: [], statuses: [] };
        op.security = access.security;
        for (const s of access.statuses) statuses.add(s);
        if (facts.takesInput) statuses.add(400);
        if (facts.takesBody) for (const s of [400, 413, 415]) statuses.add(s);
        if (facts.rateLimited) statuses.add(429);
      }
      const responses = op.responses ?? {};
      for (const status of Object.keys(responses)) statuses.add(Number(status));
      op.responses = Object.fromEntries(
        [...statuses]
          .sort((a, b) => a - b)
          .map((status) => [String(status), completeResponse(status, responses[String(status)])]),
      );
      liftExamples(op, schemas);
    }
  }
  doc.paths = mergeIdenticalPaths(paths);
  components.responses = { ...sharedResponseComponents(), ...(components.responses as Json) };
  doc.components = components;
  dropEmptyAnyOf(doc);
  dropUnusedSchemas(doc);
  doc.tags = usedTags(paths).map((name) => ({ name, description: options.tags[name] }));
  return doc;
}

/** `GET /api/v1/deployments/{deployment_hash}` → `getDeploymentsByDeploymentHash`. */
export function operationId(method: string, path: string): string {
  const words = path
    .split('/')
    .filter((part) => part && part !== 'api' && part !== 'v1')
    .map((part) => (part.startsWith('{') ? `by_${part.slice(1, -1)}` : part))
    .flatMap((part) => part.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}${n}`;
  return candidate;
}

/** A schema's first `examples` entry (zod `.meta({ examples })`) becomes its media type's `example`. */
function liftExamples(op: Operation, schemas: Record<string, Json>) {
  const media = [
    ...Object.values(op.requestBody?.content ?? {}),
    ...Object.values(op.responses ?? {}).flatMap((r) =>
      Object.values((r.content ?? {}) as Record<string, MediaType>),
    ),
  ];
  for (const m of media) {
    if (m.example !== undefined || m.examples !== undefined || !m.schema) continue;
    const ref = typeof m.schema.$ref === 'string' ? m.schema.$ref.split('/').pop()! : undefined;
    const schema = ref ? schemas[ref] : m.schema;
    const examples = schema?.examples;
    if (Array.isArray(examples) && examples.length > 0) m.example = examples[0];
  }
}

/**
 * `/api/templates/{slug}` (GET) and `/api/templates/{id}` (PUT) are one path to OpenAPI: the segments
 * are merged under a name that says both (`{slug_or_id}`); each operation keeps its own schema for it.
 */
function mergeIdenticalPaths(paths: Record<string, Record<string, Operation>>) {
  const groups = new Map<string, string[]>();
  for (const path of Object.keys(paths)) {
    const shape = path.replace(/\{[^}]+\}/g, '{}');
    groups.set(shape, [...(groups.get(shape) ?? []), path]);
  }
  const out: Record<string, Record<string, Operation>> = {};
  for (const group of groups.values()) {
    if (group.length === 1) {
      out[group[0]!] = paths[group[0]!]!;
      continue;
    }
    const names = group.map((path) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!));
    const merged = names[0]!.map((_, i) => [...new Set(names.map((n) => n[i]!))].join('_or_'));
    let index = 0;
    const mergedPath = group[0]!.replace(/\{[^}]+\}/g, () => `{${merged[index++]}}`);
    const item: Record<string, Operation> = {};
    group.forEach((path, g) => {
      for (const [method, op] of Object.entries(paths[path]!)) {
        if (item[method]) throw new Error(`${method} ${path} and ${mergedPath} are the same operation`);
        for (const p of op.parameters ?? []) {
          const i = names[g]!.indexOf(p.name);
          if (p.in === 'path' && i >= 0) p.name = merged[i]!;
        }
        item[method] = op;
      }
    });
    out[mergedPath] = item;
  }
  return out;
}

/** zod's `unknown` inside a union gives `anyOf: [{}, …]`, which matches anything: say so plainly. */
function dropEmptyAnyOf(node: unknown): void {
  if (Array.isArray(node)) for (const child of node) dropEmptyAnyOf(child);
  else if (node && typeof node === 'object') {
    const obj = node as Json;
    const anyOf = obj.anyOf;
    if (
      Array.isArray(anyOf) &&
      anyOf.some((s) => s && typeof s === 'object' && Object.keys(s).length === 0)
    ) {
      delete obj.anyOf;
    }
    for (const child of Object.values(obj)) dropEmptyAnyOf(child);
  }
}

/** The zod transform registers an `…Input` twin of every named schema; keep only what is referenced. */
function dropUnusedSchemas(doc: Json) {
  const schemas = ((doc.components as Json).schemas ?? {}) as Json;
  let text = JSON.stringify({ ...doc, components: { ...(doc.components as Json), schemas: {} } });
  const keep = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const name of Object.keys(schemas)) {
      if (keep.has(name) || !text.includes(`"#/components/schemas/${name}"`)) continue;
      keep.add(name);
      text += JSON.stringify(schemas[name]);
      grew = true;
    }
  }
  for (const name of Object.keys(schemas)) if (!keep.has(name)) delete schemas[name];
}

function usedTags(paths: Record<string, Record<string, Operation>>): string[] {
  const tags = new Set<string>();
  for (const item of Object.values(paths))
    for (const op of Object.values(item)) for (const tag of op.tags ?? []) tags.add(tag);
  return [...tags];
}
