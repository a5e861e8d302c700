import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer } from '../../helpers/auth.js';

// Every 4xx is problem+json with a `code`, including the ones the router and the HTTP parser answer
// before any route runs.

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await buildTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(() => t.close());

const expectProblem = (
  res: { statusCode: number; headers: Record<string, unknown>; json(): { code?: string; status?: number } },
  status: number,
  code: string,
) => {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ status, code });
};

/** Sends raw bytes over a real socket and returns the raw reply (the parser's errors never reach inject). */
function rawRequest(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.end(text);
  });
}

function parseRaw(reply: string) {
  const [head = '', body = ''] = reply.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
  );
  return { statusCode: Number(statusLine.split(' ')[1]), headers, json: () => JSON.parse(body) };
}

describe('router errors are problem+json', () => {
  it('a malformed percent-encoding in the path is 400 bad_url', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/templates/%ff' }), 400, 'bad_url');
  });

  it('an over-long path parameter is 414 uri_too_long', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/templates/${'a'.repeat(500)}` });
    expectProblem(res, 414, 'uri_too_long');
  });

  it('an unsupported content type is 415 unsupported_media_type', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/commands',
      headers: { ...bearer('vendor'), 'content-type': 'text/xml' },
      payload: '<x/>',
    });
    expectProblem(res, 415, 'unsupported_media_type');
  });
});

describe('HTTP parser errors are problem+json', () => {
  it('headers over the size limit are 431 headers_too_large', async () => {
    const reply = await rawRequest(
      `GET /health_check HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expectProblem(parseRaw(reply), 431, 'headers_too_large');
  });

  it('a malformed request is 400 malformed_request', async () => {
    const reply = await rawRequest('GET /health_check HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
    expectProblem(parseRaw(reply), 400, 'malformed_request');
  });

  it('a NUL in a header value is 400 malformed_request', async () => {
    const reply = await rawRequest(
      'GET /health_check HTTP/1.1\r\nHost: x\r\nLast-Event-ID: a\u0000b\r\n\r\n',
    );
    expectProblem(parseRaw(reply), 400, 'malformed_request');
  });
});
