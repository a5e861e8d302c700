import { brotliDecompressSync } from 'node:zlib';
import type { InjectOptions } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installMessage } from '../../../src/integrations/install-service/install-sender.js';
import { saveCloud } from '../../../src/modules/clouds/index.js';
import { generateSshKeyPair } from '../../../src/modules/servers/index.js';
import { cliProjectBody } from '../../fixtures/project-forms.js';
import { buildTestApp, type TestApp, testSecretBox } from '../../helpers/app.js';
import { bearer, type DevUser, userId } from '../../helpers/auth.js';
import { cliDeployResponse, parseAsCli } from '../../helpers/cli-shapes.js';

const box = testSecretBox();
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ secretBox: box });
});
afterAll(async () => {
  await t?.close();
});

const PREFIXES = ['/api/v1/project', '/project'] as const;

const call = (method: 'GET' | 'POST', url: string, user: DevUser, payload?: unknown) => {
  const options: InjectOptions = { method, url, headers: bearer(user) };
  if (payload !== undefined) options.payload = payload as InjectOptions['payload'];
  return t.app.inject(options);
};

async function newProject(user: DevUser = 'customerFree'): Promise<number> {
  const res = await call('POST', '/api/v1/project', user, cliProjectBody('website'));
  expect(res.statusCode, res.body).toBe(200);
  return res.json().item.id;
}

/** What `stacker deploy` sends for a cloud target with credentials from the environment. */
const cloudDeploy = (extra: Record<string, unknown> = {}) => ({
  cloud: { provider: 'htz', save_token: true, cloud_token: 'hcloud-secret-token-123' },
  server: { region: 'nbg1-dc3', server: 'cpx11', os: 'docker-ce', name: 'website-a3f1' },
  stack: {
    stack_code: 'website',
    vars: [],
    integrated_features: [],
    extended_features: [],
    subscriptions: [],
  },
  runtime: 'runc',
  ...extra,
});

/** A server target: the status panel always on, the user's own key file. */
const ownKey = generateSshKeyPair('me@laptop');
const serverDeploy = (ip = '203.0.113.10') => ({
  cloud: { provider: 'own', save_token: false },
  server: {
    name: 'my-box',
    srv_ip: ip,
    ssh_user: 'root',
    ssh_port: 2222,
    connection_mode: 'status_panel',
    ssh_private_key: `${ownKey.privateKey}\n\n`,
    public_key: ownKey.publicKey,
  },
  stack: {
    stack_code: 'website',
    vars: [
      { key: 'vault_url', value: 'https://vault.example' },
      { key: 'status_panel_port', value: '5000' },
      { key: 'commonDomain', value: 'example.com' },
    ],
    integrated_features: ['statuspanel'],
    extended_features: ['nginx_proxy_manager'],
    subscriptions: [],
  },
  public_ports: ['8000', '53/udp'],
  runtime: 'runc',
});

async function counts() {
  const n = async (table: 'deployment' | 'server' | 'cloud' | 'outbox' | 'remote_secret') =>
    Number(
      (
        await t.app.db
          .selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    deployment: await n('deployment'),
    server: await n('server'),
    cloud: await n('cloud'),
    outbox: await n('outbox'),
    secret: await n('remote_secret'),
  };
}

async function publishedFor(deploymentId: number) {
  const row = await t.app.db
    .selectFrom('deployment')
    .select(['deployment_hash'])
    .where('id', '=', deploymentId)
    .executeTakeFirstOrThrow();
  const event = await t.app.db
    .selectFrom('outbox')
    .selectAll()
    .where('ordering_key', '=', row.deployment_hash)
    .executeTakeFirstOrThrow();
  const secrets = event.secret_payload
    ? box.openJson<Record<string, unknown>>(event.secret_payload)
    : undefined;
  const message = installMessage(event.topic, event.payload as Record<string, unknown>, secrets);
  if ('error' in message) throw new Error(message.error);
  return {
    event,
    message,
    body: JSON.parse(message.text!) as Record<string, unknown>,
    hash: row.deployment_hash,
  };
}

describe('deploy to a cloud', () => {
  it.each(PREFIXES)(
    'POST %s/{id}/deploy answers the CLI and queues the flat install message',
    async (prefix) => {
      const id = await newProject();
      const res = await call('POST', `${prefix}/${id}/deploy`, 'customerFree', cloudDeploy());
      expect(res.statusCode, res.body).toBe(200);
      const reply = parseAsCli(cliDeployResponse, res.json());
      expect(res.json()).toEqual({ message: 'Success', id, meta: { deployment_id: expect.any(Number) } });
      const deploymentId = reply.meta!.deployment_id;

      const deployment = await t.app.db
        .selectFrom('deployment')
        .selectAll()
        .where('id', '=', deploymentId)
        .executeTakeFirstOrThrow();
      expect(deployment).toMatchObject({
        project_id: id,
        status: 'pending',
        runtime: 'runc',
        user_id: userId('customerFree'),
      });
      expect(deployment.deployment_hash).toMatch(/^deployment_[0-9a-f-]{36}$/);
      expect(deployment.metadata.public_ports).toEqual(['8080/tcp']);

      const { event, message, body, hash } = await publishedFor(deploymentId);
      expect(event.topic).toBe('install.start');
      expect(message.routingKey).toBe('install.start.tfa.all.all');
      // What an admin sees holds no secret.
      const visible = JSON.stringify(event.payload);
      for (const secret of ['hcloud-secret-token-123', 's3cret-value', 'PRIVATE KEY'])
        expect(visible).not.toContain(secret);

      const keys = message.text!.match(/"([A-Za-z_]+)":/g)!.map((k) => k.slice(1, -2));
      const topLevel = keys.filter(
        (k) => !['key', 'value', '_id', 'type', 'code', 'restart', 'custom'].includes(k) || k === 'custom',
      );
      expect(topLevel.slice(0, 8)).toEqual([
        'id',
        'project_id',
        'deployment_hash',
        'user_token',
        'user_email',
        'user_id',
        'name',
        'provider',
      ]);
      expect(message.text!.match(/"name":"website-a3f1"/g)?.length).toBe(1);
      expect(body).toMatchObject({
        id: deploymentId,
        project_id: id,
        deployment_hash: hash,
        user_token: userId('customerFree'),
        user_id: null,
        provider: 'htz',
        cloud_token: 'hcloud-secret-token-123',
        cloud_key: null,
        save_token: true,
        region: 'nbg1',
        server: 'cpx11',
        os: 'docker-ce',
        ssh_port: 22,
        name: 'website-a3f1',
        srv_ip: null,
        stack_code: 'website',
        vars: [],
        form_app: null,
      });
      expect(body).not.toHaveProperty('commonDomain');
      expect(String(body.public_key)).toMatch(/^ssh-ed25519 /);
      expect(String(body.ssh_private_key)).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\n[\s\S]+-----\n$/);
      expect(String(body.ssh_private_key).endsWith('-----\n')).toBe(true);
      expect(String(body.ssh_private_key).endsWith('\n\n')).toBe(false);

      const compose = brotliDecompressSync(Buffer.from(body.docker_compose as number[])).toString('utf8');
      const served = await call('GET', `/project/${id}/compose`, 'customerFree');
      expect(compose).toBe(served.json().item);

      const server = await t.app.db
        .selectFrom('server')
        .selectAll()
        .where('id', '=', body.server_id as number)
        .executeTakeFirstOrThrow();
      expect(server).toMatchObject({
        project_id: id,
        region: 'nbg1-dc3',
        key_status: 'active',
        ssh_port: 22,
      });
      expect(box.openString(server.private_key_ciphertext!)).toBe(body.ssh_private_key);
      const cloud = await t.app.db
        .selectFrom('cloud')
        .selectAll()
        .where('id', '=', server.cloud_id!)
        .executeTakeFirstOrThrow();
      expect(cloud.cloud_token!.toString('latin1')).not.toContain('hcloud');
      expect(box.openString(cloud.cloud_token!)).toBe('hcloud-secret-token-123');
    },
  );

  it('saves a new cloud row for inline credentials on every deploy with save_token', async () => {
    const id = await newProject();
    const before = await counts();
    await call('POST', `/project/${id}/deploy`, 'customerFree', cloudDeploy());
    await call('POST', `/project/${id}/deploy`, 'customerFree', cloudDeploy());
    expect((await counts()).cloud).toBe(before.cloud + 2);
  });

  it('uses the saved cloud named by cloud.name, and the {cloud_id} path', async () => {
    const id = await newProject();
    const saved = await t.app.db.transaction().execute((trx) =>
      saveCloud(trx, box, {
        userId: userId('customerFree'),
        name: 'Hetzner-Main',
        provider: 'htz',
        credentials: { token: 'saved-token', key: null, secret: null },
        saveToken: true,
        now: new Date(),
      }),
    );
    const byName = await call('POST', `/project/${id}/deploy`, 'customerFree', {
      ...cloudDeploy(),
      cloud: { provider: 'htz', name: 'hetzner-main', save_token: false },
    });
    expect(byName.statusCode, byName.body).toBe(200);
    const first = await publishedFor(byName.json().meta.deployment_id);
    expect(first.body).toMatchObject({
      cloud_token: 'saved-token',
      cloud_key: '',
      cloud_secret: '',
      cloud_id: saved.id,
    });

    const byId = await call('POST', `/api/v1/project/${id}/deploy/${saved.id}`, 'customerFree', {
      ...cloudDeploy(),
      cloud: { provider: 'do', save_token: true },
      server: {
        region: 'fsn1-dc14',
        server: 'cpx21',
        os: 'docker-ce',
        name: null,
        ssh_port: null,
        srv_ip: null,
      },
      statuspanel_install_mode: 'remote',
    });
    expect(byId.statusCode, byId.body).toBe(200);
    const second = await publishedFor(byId.json().meta.deployment_id);
    expect(second.body).toMatchObject({
      provider: 'htz',
      cloud_token: 'saved-token',
      region: 'fsn1',
      cloud_id: saved.id,
    });
  });
});

describe('deploy to a server', () => {
  it('routes to own, carries the request key (one trailing newline) and stores it nowhere', async () => {
    const id = await newProject();
    const res = await call('POST', `/project/${id}/deploy`, 'customerFree', serverDeploy());
    expect(res.statusCode, res.body).toBe(200);
    const { message, body } = await publishedFor(res.json().meta.deployment_id);
    expect(message.routingKey).toBe('install.start.own.all.all');
    expect(body).toMatchObject({
      provider: 'own',
      srv_ip: '203.0.113.10',
      ssh_port: 2222,
      ssh_user: 'root',
      name: 'my-box',
      connection_mode: 'status_panel',
      commonDomain: 'example.com',
      public_key: ownKey.publicKey,
      ssh_private_key: ownKey.privateKey,
      integrated_features: ['statuspanel'],
    });
    const server = await t.app.db
      .selectFrom('server')
      .selectAll()
      .where('id', '=', body.server_id as number)
      .executeTakeFirstOrThrow();
    expect(box.openString(server.private_key_ciphertext!)).not.toBe(ownKey.privateKey);
    const deployment = await t.app.db
      .selectFrom('deployment')
      .select('metadata')
      .where('id', '=', res.json().meta.deployment_id)
      .executeTakeFirstOrThrow();
    expect(deployment.metadata.public_ports).toEqual(['8000/tcp', '53/udp', '8080/tcp']);
    const npm = await t.app.db
      .selectFrom('remote_secret')
      .selectAll()
      .where('server_id', '=', server.id)
      .where('name', '=', 'npm_credentials')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(box.openString(npm.value_ciphertext))).toMatchObject({ email: 'admin@example.com' });
  });

  it('reuses server_id: fields overwritten, absent kept, ssh_port null kept and absent 22', async () => {
    const id = await newProject();
    const first = await call('POST', `/project/${id}/deploy`, 'customerFree', serverDeploy());
    const { body } = await publishedFor(first.json().meta.deployment_id);
    const serverId = body.server_id as number;
    const again = serverDeploy();
    const kept = await call('POST', `/project/${id}/deploy`, 'customerFree', {
      ...again,
      server: { server_id: serverId, ssh_port: null, ssh_private_key: again.server.ssh_private_key },
    });
    expect(kept.statusCode, kept.body).toBe(200);
    const second = await publishedFor(kept.json().meta.deployment_id);
    expect(second.body).toMatchObject({
      server_id: serverId,
      srv_ip: '203.0.113.10',
      ssh_port: 2222,
      name: 'my-box',
    });
    const reset = await call('POST', `/project/${id}/deploy`, 'customerFree', {
      ...again,
      server: { server_id: serverId },
    });
    expect((await publishedFor(reset.json().meta.deployment_id)).body).toMatchObject({ ssh_port: 22 });
    // The server's own stored key was generated once and is sent when the request has none.
    expect((await publishedFor(reset.json().meta.deployment_id)).body.ssh_private_key).toMatch(/OPENSSH/);
  });
});

describe('a refused deploy writes nothing (the CLI sends it twice)', () => {
  const refusals: [
    string,
    number,
    (ctx: { id: number; otherServer: number; otherCloud: number }) => [string, unknown],
  ][] = [
    [
      'a cloud target without region, server and os',
      400,
      ({ id }) => [`${id}/deploy`, { ...cloudDeploy(), server: { name: 'x' } }],
    ],
    [
      'no credentials and no saved cloud',
      400,
      ({ id }) => [`${id}/deploy`, { ...cloudDeploy(), cloud: { provider: 'htz' } }],
    ],
    [
      'an unknown saved cloud name',
      400,
      ({ id }) => [`${id}/deploy`, { ...cloudDeploy(), cloud: { provider: 'htz', name: 'nope' } }],
    ],
    [
      'invalid public_ports',
      400,
      ({ id }) => [`${id}/deploy`, { ...serverDeploy(), public_ports: ['80', 'http'] }],
    ],
    [
      "another user's server_id",
      404,
      ({ id, otherServer }) => [`${id}/deploy`, { ...serverDeploy(), server: { server_id: otherServer } }],
    ],
    ["another user's {cloud_id}", 404, ({ id, otherCloud }) => [`${id}/deploy/${otherCloud}`, cloudDeploy()]],
    [
      "another user's server.cloud_id",
      404,
      ({ id, otherCloud }) => [
        `${id}/deploy`,
        { ...cloudDeploy(), server: { ...cloudDeploy().server, cloud_id: otherCloud } },
      ],
    ],
    ['a missing stack', 400, ({ id }) => [`${id}/deploy`, { cloud: { provider: 'own' }, server: {} }]],
  ];

  it.each(refusals)('%s → %i on both prefixes, no row anywhere', async (_, status, make) => {
    const id = await newProject();
    const other = await newProject('customerPro');
    const pro = await call('POST', `/project/${other}/deploy`, 'customerPro', cloudDeploy());
    const { body } = await publishedFor(pro.json().meta.deployment_id);
    const [suffix, payload] = make({
      id,
      otherServer: body.server_id as number,
      otherCloud: body.cloud_id as number,
    });
    const before = await counts();
    for (const prefix of PREFIXES) {
      const res = await call('POST', `${prefix}/${suffix}`, 'customerFree', payload);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await counts()).toEqual(before);
  });

  it("another user's project is 404 first", async () => {
    const other = await newProject('customerPro');
    const res = await call('POST', `/project/${other}/deploy`, 'customerFree', {
      ...cloudDeploy(),
      server: {},
    });
    expect(res.statusCode).toBe(404);
  });

  it('names the missing instance fields', async () => {
    const id = await newProject();
    const res = await call('POST', `/project/${id}/deploy`, 'customerFree', {
      ...cloudDeploy(),
      server: { region: 'nbg1' },
    });
    expect(res.json().detail).toBe(
      'Instance configuration incomplete. Missing: server, os. Select datacenter, hardware, and OS before deploying.',
    );
  });
});
