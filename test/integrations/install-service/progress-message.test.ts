import { describe, expect, it } from 'vitest';
import { handleProgressDelivery } from '../../../src/integrations/install-service/progress-handler.js';
import { parseProgressMessage } from '../../../src/integrations/install-service/progress-message.js';

const parse = (body: unknown) =>
  parseProgressMessage(Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)));

describe('parseProgressMessage', () => {
  it('reads the hash first, else the numeric id or deploy_id', () => {
    expect(parse({ deployment_hash: 'deployment_x', id: 5, status: 'in_progress' })).toMatchObject({
      ok: true,
      update: { target: { hash: 'deployment_x' } },
    });
    expect(parse({ id: '12', status: 'paused' })).toMatchObject({ ok: true, update: { target: { id: 12 } } });
    expect(parse({ deploy_id: 7, status: 'paused' })).toMatchObject({
      ok: true,
      update: { target: { id: 7 } },
    });
  });

  it('maps complete to completed and accepts every contract status, case-insensitively', () => {
    expect(parse({ id: 1, status: 'complete' })).toMatchObject({ update: { status: 'completed' } });
    for (const status of [
      'in_progress',
      'paused',
      'wait_resume',
      'wait_start',
      'confirmed',
      'completed',
      'failed',
      'error',
      'cancelled',
    ]) {
      expect(parse({ id: 1, status: status.toUpperCase() })).toMatchObject({ ok: true, update: { status } });
    }
  });

  it('refuses what cannot be applied, with a reason', () => {
    expect(parse('not json')).toEqual({ ok: false, reason: 'the body is not JSON' });
    expect(parse({ id: 1 })).toEqual({ ok: false, reason: 'the body has no status' });
    expect(parse({ id: 1, status: 'exploded' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('unknown status'),
    });
    expect(parse({ status: 'completed' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('names no deployment'),
    });
    expect(parse({ id: -3, status: 'completed' }).ok).toBe(false);
    expect(parse({ id: 'abc', deployment_hash: 'has spaces', status: 'completed' }).ok).toBe(false);
  });

  it('drops a server address Postgres would refuse, and out-of-range details', () => {
    const parsed = parse({
      id: 1,
      status: 'in_progress',
      srv_ip: 'not-an-ip',
      progress: 250,
      ssh_port: 70_000,
    });
    expect(parsed).toMatchObject({ ok: true, update: { serverIp: undefined, details: {} } });
    expect(parse({ id: 1, status: 'in_progress', srv_ip: '2001:db8::1' })).toMatchObject({
      update: { serverIp: '2001:db8::1' },
    });
  });

  it('caps the message length', () => {
    const parsed = parse({ id: 1, status: 'failed', message: 'x'.repeat(5000) });
    expect(parsed.ok && parsed.update.message?.length).toBe(2000);
  });
});

describe('handleProgressDelivery', () => {
  const log = () => {
    const lines: string[] = [];
    return {
      lines,
      warn: (_o: object, m: string) => lines.push(`warn ${m}`),
      info: (_o: object, m: string) => lines.push(`info ${m}`),
      error: (_o: object, m: string) => lines.push(`error ${m}`),
    };
  };
  const body = Buffer.from(JSON.stringify({ id: 1, status: 'completed' }));

  it('acks and logs a malformed body without applying anything', async () => {
    const l = log();
    let applied = 0;
    const verdict = await handleProgressDelivery(
      Buffer.from('{'),
      {},
      async () => {
        applied++;
        return 'updated';
      },
      l,
    );
    expect(verdict).toBe('ack');
    expect(applied).toBe(0);
    expect(l.lines).toEqual(['warn install progress message dropped']);
  });

  it('acks an unknown deployment (logged) and a message for a final deployment', async () => {
    const l = log();
    expect(await handleProgressDelivery(body, {}, async () => 'unknown', l)).toBe('ack');
    expect(await handleProgressDelivery(body, {}, async () => 'final', l)).toBe('ack');
    expect(l.lines).toHaveLength(2);
  });

  it('throws when applying fails (a database error), so the consumer requeues it after a pause', async () => {
    const l = log();
    await expect(
      handleProgressDelivery(
        body,
        {},
        async () => {
          throw new Error('connection terminated');
        },
        l,
      ),
    ).rejects.toThrow('connection terminated');
  });
});
