import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { item, list } from '../../../src/infra/http/envelope.js';
import { AppError } from '../../../src/infra/http/errors.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({
    policy: [
      '/test/echo POST',
      '/test/list GET',
      '/test/boom GET',
      '/test/conflict GET',
      '/test/unique GET',
      '/test/big GET',
      '/test/bad-value/:kind GET',
    ].map((line) => `p, group_anonymous, ${line.split(' ')[0]}, ${line.split(' ')[1]}`),
    routes(app) {
      app.post(
        '/test/echo',
        {
          schema: {
            body: z.object({
              name: z.string().min(3),
              count: z.number().int(),
              tags: z.array(z.string()).optional(),
            }),
          },
        },
        async (request) => item(request.body, 'Echoed'),
      );
      app.get('/test/list', async () => list([{ a: 1 }, { a: 2 }], { next_cursor: null }));
      app.get('/test/boom', async () => {
        throw new Error('secret internal detail: password=hunter2');
      });
      app.get('/test/conflict', async () => {
        throw new AppError(409, 'invalid_transition', 'Template is approved.');
      });
      app.get('/test/unique', async () => {
        await app.db
          .insertInto('idempotency_key')
          .values({ user_id: 'u', key: 'k', route: 'r', reply: '{}', status: 200, expires_at: new Date() })
          .execute();
        await app.db
          .insertInto('idempotency_key')
          .values({ user_id: 'u', key: 'k', route: 'r', reply: '{}', status: 200, expires_at: new Date() })
          .execute();
        return { message: 'unreachable' };
      });
      // Values the input guard never lets through, made server-side to reach the safety net.
      const badValues: Record<string, string> = {
        nul: "select convert_from('\\x6100'::bytea, 'UTF8')", // 22021
        escape: `select '"\\u0000"'::jsonb`, // 22P05
        timestamp: "select 'soon'::timestamptz", // 22007
        index_row: 'select 1', // replaced below: 54000
      };
      app.get('/test/bad-value/:kind', async (request) => {
        const kind = (request.params as { kind: string }).kind;
        if (kind === 'index_row') {
          await sql`create temp table if not exists wide (v text primary key)`.execute(app.db);
          // Random, so compression cannot bring it under the btree's row limit.
          await sql`insert into wide values (${randomBytes(6000).toString('hex')})`.execute(app.db);
        } else {
          await sql.raw(badValues[kind] ?? 'select 1').execute(app.db);
        }
        return { message: 'unreachable' };
      });
      app.get('/test/big', async () => ({
        message: 'OK',
        list: Array.from({ length: 200 }, (_, i) => ({ i, text: 'lorem ipsum dolor' })),
      }));
    },
  });
});
afterAll(() => t.close());

const problemHeaders = (h: Record<string, unknown>) =>
  expect(String(h['content-type'])).toMatch(/^application\/problem\+json/);

describe('problem+json error mapping', () => {
  it('400 for malformed JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(res.statusCode).toBe(400);
    problemHeaders(res.headers);
    expect(res.json()).toMatchObject({ status: 400, code: 'malformed_json', title: 'Bad Request' });
    expect(res.json().message).toBe(res.json().detail);
  });

  it('400 naming every invalid field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/test/echo',
      payload: { name: 'ab', count: 1.5, tags: [1] },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    const paths = body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['body.count', 'body.name', 'body.tags.0']);
  });

  it('404 for unknown routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/no/such/route?x=1' });
    expect(res.statusCode).toBe(404);
    problemHeaders(res.headers);
    expect(res.json()).toMatchObject({ code: 'not_found', detail: 'Route GET /no/such/route not found.' });
  });

  it('413 over the 1 MiB body limit', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024), count: 1 }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload_too_large');
  });

  it('500 without internals for an unexpected throw', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/test/boom' });
    expect(res.statusCode).toBe(500);
    problemHeaders(res.headers);
    expect(res.json().code).toBe('internal_error');
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toContain('secret internal');
  });

  it('typed AppErrors keep their status and code', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/test/conflict' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'invalid_transition', detail: 'Template is approved.' });
  });

  it('classifies Postgres errors by SQLSTATE (23505 → 409)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/test/unique' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('conflict');
    expect(res.body).not.toContain('idempotency_key_pkey');
  });

  it.each(['nul', 'escape', 'timestamp', 'index_row'])(
    'a value Postgres refuses (%s) is 400 invalid_value, never 500',
    async (kind) => {
      const res = await t.app.inject({ method: 'GET', url: `/test/bad-value/${kind}` });
      expect(res.statusCode).toBe(400);
      problemHeaders(res.headers);
      expect(res.json().code).toBe('invalid_value');
    },
  );

  it('415 for an unsupported content type', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'text/xml' },
      payload: '<a/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('unsupported_media_type');
  });
});

describe('envelope, request ids and compression', () => {
  it('wraps items and lists in the envelope', async () => {
    const one = await t.app.inject({ method: 'POST', url: '/test/echo', payload: { name: 'abc', count: 2 } });
    expect(one.json()).toEqual({ message: 'Echoed', item: { name: 'abc', count: 2 } });
    const many = await t.app.inject({ method: 'GET', url: '/test/list' });
    expect(many.json()).toEqual({ message: 'OK', list: [{ a: 1 }, { a: 2 }], meta: { next_cursor: null } });
  });

  it('echoes a safe x-request-id and makes one otherwise', async () => {
    const echoed = await t.app.inject({
      method: 'GET',
      url: '/test/list',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    const made = await t.app.inject({
      method: 'GET',
      url: '/test/list',
      headers: { 'x-request-id': 'bad id\twith spaces' },
    });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('compresses responses over 1 KiB (br preferred, gzip) and leaves small ones alone', async () => {
    const br = await t.app.inject({
      method: 'GET',
      url: '/test/big',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    const gz = await t.app.inject({
      method: 'GET',
      url: '/test/big',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const small = await t.app.inject({
      method: 'GET',
      url: '/test/list',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
