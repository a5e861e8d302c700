import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../../src/infra/http/logger.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer } from '../../helpers/auth.js';

const lines: Record<string, unknown>[] = [];
let t: TestApp;
beforeAll(async () => {
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  t = await buildTestApp({ deps: { logger } });
});
afterAll(() => t.close());

it('writes one line per request, with method, URL, status and time, and never a header', async () => {
  lines.length = 0;
  await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer('vendor') });
  await t.app.inject({ method: 'GET', url: '/api/v1/me' });
  const requests = lines.filter((line) => typeof line.responseTime === 'number');
  expect(requests).toHaveLength(2);
  expect(requests[0]).toMatchObject({
    msg: expect.stringMatching(/^GET \/api\/v1\/me 200 [\d.]+ ms$/),
    req: { method: 'GET', url: '/api/v1/me' },
    route: '/api/v1/me',
    res: { statusCode: 200 },
  });
  expect(requests[1]).toMatchObject({ res: { statusCode: 401 } });
  expect(lines.some((line) => line.msg === 'incoming request' || line.msg === 'request completed')).toBe(
    false,
  );
  expect(JSON.stringify(lines)).not.toContain('dev-vendor-token');
});

it('pretty-prints one readable line per event in development, JSON in production', async () => {
  const pretty = await createLogger({ logLevel: 'info', logFormat: 'pretty' });
  const json = await createLogger({ logLevel: 'info', logFormat: 'json' });
  // pino exposes its destination stream under a symbol; the pretty one is not the plain stdout writer.
  const stream = (logger: object) => (logger as Record<symbol, unknown>)[pino.symbols.streamSym];
  expect(stream(pretty)).not.toBe(stream(json));
  expect(pretty.level).toBe('info');
});
