import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type FieldError, validationFailed } from './errors.js';

/**
 * Limits every request value is held to before any schema or route sees it. Postgres refuses NUL in
 * `text` and `jsonb` and lone surrogates in `jsonb` (a 500 if they get that far); and every walker over a
 * free-form document (redaction, secret detection, encryption) must be able to trust its depth.
 */
export const INPUT_LIMITS = { maxDepth: 32, maxKeys: 1_000 } as const;

// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function stringProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain a NUL character';
  return LONE_SURROGATE.test(value) ? 'must be well-formed Unicode' : undefined;
}

/**
 * The first value under `root` that breaks a limit, walked with an explicit stack (a recursive walk is
 * the thing a 10,000-level document would blow).
 */
export function inputProblem(root: unknown, rootPath: string): FieldError | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: root, path: rootPath, depth: 0 },
  ];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, path, depth } = next;
    if (typeof value === 'string') {
      const message = stringProblem(value);
      if (message) return { path, message };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= INPUT_LIMITS.maxDepth) {
      return { path, message: `is nested deeper than ${INPUT_LIMITS.maxDepth} levels` };
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({ value: value[i], path: `${path}.${i}`, depth: depth + 1 });
      }
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > INPUT_LIMITS.maxKeys) {
      return { path, message: `has more than ${INPUT_LIMITS.maxKeys} keys` };
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      const message = stringProblem(key);
      if (message) return { path, message: `has a key that ${message.replace(/^must/, 'does')}` };
      stack.push({
        value: (value as Record<string, unknown>)[key],
        path: `${path}.${key}`,
        depth: depth + 1,
      });
    }
  }
  return undefined;
}

const PARTS = ['params', 'querystring', 'body'] as const;
const partValue = (request: FastifyRequest, part: (typeof PARTS)[number]) =>
  part === 'params' ? request.params : part === 'querystring' ? request.query : request.body;

/** Refuses, with 400 `validation_failed` naming the field, any request whose values break the limits. */
export const inputGuardPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('preValidation', async (request) => {
      for (const part of PARTS) {
        const found = inputProblem(partValue(request, part), part);
        if (found) throw validationFailed([found]);
      }
    });
  },
  { name: 'input-guard', dependencies: ['error-handler'] },
);
