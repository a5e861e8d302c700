import { describe, expect, it } from 'vitest';
import {
  firewallCredentials,
  firewallMessageBody,
  firewallMessagePayload,
  firewallRules,
  isCidr,
  isHetzner,
  parsePublicPort,
} from '../../../src/integrations/install-service/firewall-message.js';

const server = {
  id: 42,
  projectId: 7,
  cloudId: 3,
  srvIp: '203.0.113.10',
  name: 'web-1',
  server: 'cpx11',
  region: 'nbg1',
  zone: null,
};

describe('the cloud firewall message', () => {
  const rules = firewallRules(42, 'cfw_1', [
    { port: 443, protocol: 'tcp', source: '0.0.0.0/0' },
    { port: 5432, protocol: 'tcp', source: '10.0.0.0/8', comment: 'db' },
  ]);

  it('builds rules the CLI parses: inbound, managed by stacker, labels as strings', () => {
    expect(rules[1]).toEqual({
      direction: 'inbound',
      port: 5432,
      protocol: 'tcp',
      source: '10.0.0.0/8',
      comment: 'db',
      managed_by: 'stacker',
      managed_scope: 'server:42',
      labels: { 'stacker.operation_id': 'cfw_1', 'stacker.server_id': '42' },
    });
    expect(rules[0]).not.toHaveProperty('comment');
  });

  it('lays out the body in the contract order with the credentials from the sealed half', () => {
    const payload = firewallMessagePayload({
      operationId: 'cfw_1',
      action: 'add',
      dryRun: false,
      server,
      deploymentHash: 'deployment_x',
      rules,
      requestedBy: { userId: 'u1', userEmail: 'u1@example.com' },
    });
    expect(JSON.stringify(payload)).not.toContain('credentials');
    const body = firewallMessageBody(payload, firewallCredentials({ token: 'tok', key: null, secret: ' ' }));
    expect(Object.keys(body)).toEqual([
      'protocol_version',
      'operation_id',
      'idempotency_key',
      'action',
      'dry_run',
      'target',
      'rules',
      'credentials',
      'provider_context',
      'requested_by',
    ]);
    expect(body).toMatchObject({
      protocol_version: 'stacker.cloud_firewall.v1',
      idempotency_key:
        'server:42:add:inbound:tcp:443:0.0.0.0/0:server:42|inbound:tcp:5432:10.0.0.0/8:server:42',
      target: {
        provider: 'htz',
        cloud_id: 3,
        server_id: 42,
        project_id: 7,
        deployment_hash: 'deployment_x',
        server_public_ip: '203.0.113.10',
        server_name: 'web-1',
        region: 'nbg1',
        firewall_name: 'frw-web-1',
      },
      credentials: { provider: 'htz', token: 'tok' },
      provider_context: {},
      requested_by: { user_id: 'u1', user_email: 'u1@example.com' },
    });
    expect(body.credentials).toEqual({ provider: 'htz', token: 'tok' });
    expect(body.target).not.toHaveProperty('zone');
  });

  it('names an unnamed server frw-server-{id}', () => {
    const payload = firewallMessagePayload({
      operationId: 'cfw_2',
      action: 'remove',
      dryRun: true,
      server: { ...server, name: null, server: null },
      rules: [],
      requestedBy: { userId: 'u1' },
    });
    expect(payload.target).toMatchObject({ firewall_name: 'frw-server-42' });
    expect(payload.target).not.toHaveProperty('deployment_hash');
  });

  it('parses public ports, CIDRs and the Hetzner spellings', () => {
    expect(parsePublicPort('8000')).toEqual({ port: 8000, protocol: 'tcp', source: '0.0.0.0/0' });
    expect(parsePublicPort('53/udp')).toMatchObject({ port: 53, protocol: 'udp' });
    for (const bad of ['0', '70000', '80/icmp', 'x']) expect(parsePublicPort(bad)).toBeUndefined();
    expect(['0.0.0.0/0', '10.0.0.0/8', '2001:db8::/32'].every(isCidr)).toBe(true);
    expect(['10.0.0.0', '10.0.0.0/33', 'x/1', '::/129', '1.2.3.4/8/1'].some(isCidr)).toBe(false);
    expect(['htz', 'Hetzner', 'hetzner_cloud', 'hcloud'].every(isHetzner)).toBe(true);
    expect(isHetzner('do')).toBe(false);
  });
});
