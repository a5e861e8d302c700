import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { sleep } from '../../helpers/wait.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ env: { METRICS_TOKEN: 'metrics-secret' } });
});
afterAll(() => t.close());

describe('GET /health_check', () => {
  it('is 200 with a database round trip and dependency slots', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health_check' });
    expect(res.statusCode).toBe(200);
    expect(res.json().checks.db).toBe('ok');
    expect(res.json().checks).toHaveProperty('amqp');
    expect(res.json().checks).toHaveProperty('user_service');
  });

  it('is 503 when the database is unreachable', async () => {
    const other = await buildTestApp();
    await other.database.drop();
    const res = await other.app.inject({ method: 'GET', url: '/health_check' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'down', checks: { db: 'down' } });
    await other.app.close();
    await other.listenHub.close();
  });
});

describe('GET /metrics', () => {
  it('needs the metrics token when one is set, compared locally', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const wrong = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.statusCode).toBe(401);
  });

  it('exposes request durations by route pattern and process metrics', async () => {
    await t.app.inject({ method: 'GET', url: '/health_check' });
    const res = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer metrics-secret' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toMatch(
      /stacker_http_request_duration_seconds_count\{method="GET",route="\/health_check",status_code="200"\} \d+/,
    );
    expect(res.body).toContain('stacker_process_cpu_seconds_total');
  });
});

describe('OpenAPI', () => {
  it('serves the generated document and the docs page', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.json().openapi).toBe('3.1.0');
    expect(Object.keys(doc.json().paths)).toContain('/health_check');
    const page = await t.app.inject({ method: 'GET', url: '/docs' });
    expect([200, 302]).toContain(page.statusCode);
  });
});

describe('graceful shutdown', () => {
  it('finishes an in-flight request before closing', async () => {
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const s = await buildTestApp({
      policy: ['p, group_anonymous, /test/slow, GET'],
      routes(app) {
        app.get('/test/slow', async () => {
          entered();
          await gate;
          return { message: 'finished' };
        });
      },
    });
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = s.app.server.address() as AddressInfo;
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/test/slow', agent: false }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    await inside;
    let closed = false;
    const closing = s.close().then(() => (closed = true));
    await sleep(50, 'a quiet period: close must wait for the request in flight');
    expect(closed).toBe(false);
    release();
    const result = await inFlight;
    await closing;
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ message: 'finished' });
    await expect(fetch(`http://127.0.0.1:${port}/health_check`)).rejects.toThrow();
  });
});
