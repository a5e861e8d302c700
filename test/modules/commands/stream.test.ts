import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeHub } from '../../../src/modules/commands/change-hub.js';
import { SseStreams } from '../../../src/modules/commands/sse-stream.js';
import { deploymentWithAgent, enqueue, type Fixture } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer } from '../../helpers/auth.js';
import { waitUntil } from '../../helpers/wait.js';

interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
}

/** A minimal SSE client over a raw socket: collects events and comment lines. */
class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  status = 0;
  headers: http.IncomingHttpHeaders = {};
  ended = false;
  private buffer = '';
  private readonly req: http.ClientRequest;

  constructor(url: URL, headers: Record<string, string>) {
    this.req = http.get(url, { headers }, (res) => {
      this.status = res.statusCode ?? 0;
      this.headers = res.headers;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => this.feed(chunk));
      res.on('end', () => {
        this.ended = true;
      });
    });
    this.req.on('error', () => {
      this.ended = true;
    });
  }

  private feed(chunk: string) {
    this.buffer += chunk;
    let cut = this.buffer.indexOf('\n\n');
    while (cut >= 0) {
      const block = this.buffer.slice(0, cut);
      this.buffer = this.buffer.slice(cut + 2);
      const event: SseEvent = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) this.comments.push(line);
        else if (line.startsWith('id: ')) event.id = line.slice(4);
        else if (line.startsWith('event: ')) event.event = line.slice(7);
        else if (line.startsWith('data: ')) event.data = line.slice(6);
      }
      if (event.event) this.events.push(event);
      cut = this.buffer.indexOf('\n\n');
    }
  }

  commandIds(): string[] {
    return this.events.map((e) => (JSON.parse(e.data ?? '{}') as { command_id: string }).command_id);
  }

  close() {
    this.req.destroy();
  }
}

let t: TestApp;
let base: URL;
beforeAll(async () => {
  t = await buildTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = new URL(`http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`);
});
afterAll(async () => {
  await t.close();
});

const open = (f: Fixture, headers: Record<string, string> = {}) =>
  new SseClient(new URL(`/api/v1/commands/${f.hash}/stream`, base), {
    ...f.owner,
    'accept-encoding': 'gzip, br',
    ...headers,
  });

describe('the SSE command stream', () => {
  it('sends one command event per change, uncompressed, ids being change cursors', async () => {
    const f = await deploymentWithAgent(t);
    const client = open(f);
    await waitUntil(() => client.status === 200);
    expect(client.headers['content-type']).toContain('text/event-stream');
    expect(client.headers['content-encoding']).toBeUndefined();
    const queued = await enqueue(t, f, 'health', { app_code: 'web' });
    await waitUntil(() => client.events.length === 1);
    await f.agent.poll(5);
    await waitUntil(() => client.events.length === 2);
    const [first, second] = client.events.map(
      (e) => JSON.parse(e.data!) as { command_id: string; status: string },
    );
    expect(first).toMatchObject({ command_id: queued.command_id, status: 'queued' });
    expect(second).toMatchObject({ command_id: queued.command_id, status: 'sent' });
    expect(client.events.every((e) => e.event === 'command' && /^c\d+\./.test(e.id ?? ''))).toBe(true);
    client.close();
  });

  it('resumes after Last-Event-ID without gaps or repeats', async () => {
    const f = await deploymentWithAgent(t);
    const client = open(f);
    await waitUntil(() => client.status === 200);
    const a = await enqueue(t, f, 'restart', { app_code: 'a' });
    await waitUntil(() => client.events.length === 1);
    const lastId = client.events[0]!.id!;
    client.close();
    const b = await enqueue(t, f, 'restart', { app_code: 'b' });
    const c = await enqueue(t, f, 'restart', { app_code: 'c' });
    const resumed = open(f, { 'last-event-id': lastId });
    await waitUntil(() => resumed.events.length === 2);
    expect(resumed.commandIds()).toEqual([b.command_id, c.command_id]);
    expect(resumed.commandIds()).not.toContain(a.command_id);
    resumed.close();
  });

  it("answers 404 for someone else's deployment and 400 for a bad Last-Event-ID", async () => {
    const f = await deploymentWithAgent(t);
    const stranger = open(f, bearer('customerPro'));
    await waitUntil(() => stranger.status !== 0);
    expect(stranger.status).toBe(404);
    const garbled = open(f, { 'last-event-id': 'nonsense' });
    await waitUntil(() => garbled.status !== 0);
    expect(garbled.status).toBe(400);
  });

  it('is ended cleanly when the app shuts down', async () => {
    const s = await buildTestApp();
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    const url = new URL(`http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`);
    const f = await deploymentWithAgent(s);
    const client = new SseClient(new URL(`/api/v1/commands/${f.hash}/stream`, url), f.owner);
    await waitUntil(() => client.status === 200);
    const started = Date.now();
    await s.close();
    await waitUntil(() => client.ended);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('writes a heartbeat comment on its interval (15 s in the app)', async () => {
    const streams = new SseStreams({
      db: t.database.db,
      hub: new ChangeHub(),
      log: t.app.log,
      heartbeatMs: 50,
    });
    const bare = Fastify();
    bare.get('/stream', (request, reply) => {
      streams.serve(request, reply, 'deployment_quiet', {
        kind: 'seq',
        seq: 0,
        readAtMs: Date.now(),
        seen: [],
      });
    });
    await bare.listen({ port: 0, host: '127.0.0.1' });
    try {
      const url = new URL(`http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/stream`);
      const client = new SseClient(url, {});
      await waitUntil(() => client.comments.filter((c) => c === ': ping').length >= 2);
      expect(client.events).toEqual([]);
      streams.closeAll();
      await waitUntil(() => client.ended);
      expect(streams.size).toBe(0);
    } finally {
      await bare.close();
    }
  });
});
