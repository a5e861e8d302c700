import { brotliDecompressSync } from 'node:zlib';
import type { InjectOptions } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installMessage } from '../../../src/integrations/install-service/install-sender.js';
import { cliProjectBody } from '../../fixtures/project-forms.js';
import { buildTestApp, type TestApp, testSecretBox } from '../../helpers/app.js';
import { bearer, type DevUser } from '../../helpers/auth.js';
import { cliDeployResponse, parseAsCli } from '../../helpers/cli-shapes.js';
import { draftTemplate } from '../../helpers/templates.js';

const box = testSecretBox();
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ secretBox: box });
});
afterAll(async () => {
  await t?.close();
});

const call = (method: 'GET' | 'POST', url: string, user: DevUser, payload?: unknown) => {
  const options: InjectOptions = { method, url, headers: bearer(user) };
  if (payload !== undefined) options.payload = payload as InjectOptions['payload'];
  return t.app.inject(options);
};

/** A version 2.0.0 whose stack definition is a ProjectForm (JSON), beside the draft's YAML 1.0.0. */
const V2_FORM = {
  custom: {
    custom_stack_code: 'shop',
    web: [
      {
        _id: 'app_shop',
        name: 'shop',
        code: 'shop',
        type: 'web',
        restart: 'always',
        dockerhub_name: 'acme/shop',
        dockerhub_tag: '2.0.0',
        shared_ports: [{ host_port: '443', container_port: '8443' }],
      },
    ],
  },
};

async function marketplaceProject(user: DevUser = 'vendor') {
  const template = await draftTemplate(t, { owner: user });
  const added = await call('POST', `/api/templates/${template.id}/versions`, user, {
    version: '2.0.0',
    stack_definition: V2_FORM,
    definition_format: 'json',
  });
  expect(added.statusCode, added.body).toBe(201);
  const created = await call('POST', '/project', user, cliProjectBody('shop'));
  const id: number = created.json().item.id;
  await t.app.db
    .updateTable('project')
    .set({ template_id: template.id, template_version: '1.0.0' })
    .where('id', '=', id)
    .execute();
  return { id, template };
}

const cloudDeploy = {
  cloud: { provider: 'htz', save_token: true, cloud_token: 'hcloud-rollback-token' },
  server: { region: 'nbg1', server: 'cpx11', os: 'docker-ce', name: 'shop-1', ssh_port: 2200 },
  stack: { stack_code: 'shop' },
};

describe('POST /project/{id}/rollback', () => {
  it.each(['/api/v1/project', '/project'])(
    '%s: redeploys the one server with the version, which becomes the form and template_version',
    async (prefix) => {
      const { id } = await marketplaceProject();
      expect((await call('POST', `/project/${id}/deploy`, 'vendor', cloudDeploy)).statusCode).toBe(200);
      const res = await call('POST', `${prefix}/${id}/rollback`, 'vendor', { version: '2.0.0' });
      expect(res.statusCode, res.body).toBe(200);
      const reply = parseAsCli(cliDeployResponse, res.json());
      expect(res.json()).toMatchObject({ message: 'Success', id });

      const project = await t.app.db
        .selectFrom('project')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(project.template_version).toBe('2.0.0');
      expect((project.metadata as typeof V2_FORM).custom.web[0]?.dockerhub_tag).toBe('2.0.0');
      const apps = await t.app.db
        .selectFrom('project_app')
        .select(['code', 'image'])
        .where('project_id', '=', id)
        .execute();
      expect(apps).toEqual([{ code: 'shop', image: 'acme/shop:2.0.0' }]);

      const deployment = await t.app.db
        .selectFrom('deployment')
        .selectAll()
        .where('id', '=', reply.meta!.deployment_id)
        .executeTakeFirstOrThrow();
      expect(deployment.metadata.public_ports).toEqual(['443/tcp']);
      const event = await t.app.db
        .selectFrom('outbox')
        .selectAll()
        .where('ordering_key', '=', deployment.deployment_hash)
        .executeTakeFirstOrThrow();
      const secrets = box.openJson<Record<string, unknown>>(event.secret_payload!);
      const message = installMessage(event.topic, event.payload as Record<string, unknown>, secrets);
      if ('error' in message) throw new Error(message.error);
      const body = JSON.parse(message.text!);
      expect(body).toMatchObject({
        provider: 'htz',
        cloud_token: 'hcloud-rollback-token',
        stack_code: 'shop',
        ssh_port: 2200,
      });
      const compose = brotliDecompressSync(Buffer.from(body.docker_compose)).toString('utf8');
      expect(compose).toContain('image: acme/shop:2.0.0');
    },
  );

  it('refuses in the contract order, each before any write', async () => {
    const plain = await call('POST', '/project', 'vendor', cliProjectBody('plain'));
    const plainId = plain.json().item.id;
    const notMarketplace = await call('POST', `/project/${plainId}/rollback`, 'vendor', { version: '1.0.0' });
    expect(notMarketplace.statusCode).toBe(400);
    expect(notMarketplace.json().detail).toBe('Rollback is only available for marketplace projects');

    const { id } = await marketplaceProject();
    expect(
      (await call('POST', `/project/${id}/rollback`, 'customerFree', { version: '2.0.0' })).statusCode,
    ).toBe(404);
    const unknown = await call('POST', `/project/${id}/rollback`, 'vendor', { version: '9.9.9' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toBe("Marketplace template version '9.9.9' was not found");
    const noServer = await call('POST', `/project/${id}/rollback`, 'vendor', { version: '2.0.0' });
    expect(noServer.statusCode).toBe(400);
    expect(noServer.json().code).toBe('rollback_target_unavailable');
    const deployments = await t.app.db
      .selectFrom('deployment')
      .select('id')
      .where('project_id', '=', id)
      .execute();
    expect(deployments).toEqual([]);
    const missing = await call('POST', `/project/${id}/rollback`, 'vendor', {});
    expect(missing.statusCode).toBe(400);
  });
});
