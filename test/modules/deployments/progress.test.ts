import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ProgressUpdate,
  parseProgressMessage,
} from '../../../src/integrations/install-service/progress-message.js';
import { applyInstallProgress } from '../../../src/modules/deployments/progress-service.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer } from '../../helpers/auth.js';
import { listedTemplate, type TestTemplate, UNLIMITED_DEPLOYS_ENV } from '../../helpers/templates.js';

// The status rules of install-service.md against the real database (the broker path is tested in
// test/integrations/install-service/).

let t: TestApp;
let free: TestTemplate;

beforeAll(async () => {
  t = await buildTestApp({ env: UNLIMITED_DEPLOYS_ENV });
  free = await listedTemplate(t);
});
afterAll(async () => {
  await t?.close();
});

async function newDeployment(): Promise<{ hash: string; id: number }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/deployments',
    headers: bearer('customerPro'),
    payload: { template: free.slug, name: 'p' },
  });
  const { deployment } = res.json().item;
  return { hash: deployment.deployment_hash, id: deployment.id };
}

function update(body: Record<string, unknown>): ProgressUpdate {
  const parsed = parseProgressMessage(Buffer.from(JSON.stringify(body)));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.update;
}

const apply = (body: Record<string, unknown>) =>
  applyInstallProgress({ db: t.app.db, clock: t.app.clock }, update(body));

async function read(hash: string) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/deployments/${hash}`,
    headers: bearer('customerPro'),
  });
  return res.json().item;
}

describe('install progress rules', () => {
  it('applies status, message, server address and progress details', async () => {
    const { hash } = await newDeployment();
    expect(
      await apply({
        deployment_hash: hash,
        status: 'in_progress',
        message: 'Creating server',
        srv_ip: '203.0.113.7',
        progress: 40,
        ssh_port: 2222,
      }),
    ).toBe('updated');
    const d = await read(hash);
    expect(d).toMatchObject({
      status: 'in_progress',
      status_message: 'Creating server',
      server_ip: '203.0.113.7',
    });
    expect(d.metadata).toMatchObject({ progress: 40, ssh_port: 2222 });
  });

  it('changes nothing on a duplicate (not even updated_at)', async () => {
    const { hash } = await newDeployment();
    const message = { deployment_hash: hash, status: 'in_progress', message: 'Installing', progress: 10 };
    expect(await apply(message)).toBe('updated');
    const before = await read(hash);
    expect(await apply(message)).toBe('unchanged');
    expect(await read(hash)).toEqual(before);
  });

  it('keeps the message and address when a later message leaves them out', async () => {
    const { hash } = await newDeployment();
    await apply({ deployment_hash: hash, status: 'in_progress', message: 'Booting', srv_ip: '198.51.100.4' });
    await apply({ deployment_hash: hash, status: 'wait_start' });
    expect(await read(hash)).toMatchObject({
      status: 'wait_start',
      status_message: 'Booting',
      server_ip: '198.51.100.4',
    });
  });

  it('never moves out of completed: a late or duplicate message is ignored', async () => {
    const { hash } = await newDeployment();
    expect(await apply({ deployment_hash: hash, status: 'complete', message: 'Done' })).toBe('updated');
    const done = await read(hash);
    expect(done.status).toBe('completed');
    expect(await apply({ deployment_hash: hash, status: 'in_progress', message: 'late' })).toBe('final');
    expect(await apply({ deployment_hash: hash, status: 'failed' })).toBe('final');
    expect(await apply({ deployment_hash: hash, status: 'completed', message: 'Done again' })).toBe('final');
    expect(await read(hash)).toEqual(done);
  });

  it('never moves out of cancelled or deleted', async () => {
    const cancelled = await newDeployment();
    await apply({ deployment_hash: cancelled.hash, status: 'cancelled' });
    expect(await apply({ deployment_hash: cancelled.hash, status: 'in_progress' })).toBe('final');
    const deleted = await newDeployment();
    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/deployments/${deleted.hash}`,
      headers: bearer('customerPro'),
    });
    expect(await apply({ deployment_hash: deleted.hash, status: 'completed' })).toBe('final');
    expect((await read(deleted.hash)).status).toBe('deleted');
  });

  it('lets failed and error move on when the Install Service retries', async () => {
    const { hash } = await newDeployment();
    await apply({ deployment_hash: hash, status: 'failed', message: 'quota' });
    expect(await apply({ deployment_hash: hash, status: 'in_progress', message: 'retrying' })).toBe(
      'updated',
    );
    await apply({ deployment_hash: hash, status: 'error' });
    expect(await apply({ deployment_hash: hash, status: 'completed' })).toBe('updated');
    expect((await read(hash)).status).toBe('completed');
  });

  it('finds the deployment by numeric id (id or deploy_id) when there is no hash', async () => {
    const a = await newDeployment();
    const b = await newDeployment();
    expect(await apply({ id: a.id, status: 'paused' })).toBe('updated');
    expect(await apply({ deploy_id: String(b.id), status: 'confirmed' })).toBe('updated');
    expect((await read(a.hash)).status).toBe('paused');
    expect((await read(b.hash)).status).toBe('confirmed');
  });

  it('reports an unknown deployment', async () => {
    expect(await apply({ deployment_hash: 'deployment_nope', status: 'completed' })).toBe('unknown');
    expect(await apply({ id: 2_000_000_000, status: 'completed' })).toBe('unknown');
  });
});
