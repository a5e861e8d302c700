import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Clock } from '../../../src/infra/clock.js';
import { deploymentWithAgent, type Fixture } from '../../helpers/agent-fixture.js';
import type { TestApp } from '../../helpers/app.js';
import type { DevUser } from '../../helpers/auth.js';
import { bearer } from '../../helpers/auth.js';
import type { AgentCommand } from '../../helpers/fake-agent.js';

export const COMPOSE_CAPABILITIES = [
  'status_panel',
  'docker',
  'logs',
  'monitoring',
  'compose',
  'compose_agent',
];

/** A deployment with an agent that has just called (so it is online). */
export async function onlineDeployment(
  t: TestApp,
  options: { owner?: DevUser; capabilities?: string[]; clock?: Clock } = {},
): Promise<Fixture> {
  const f = await deploymentWithAgent(t, options);
  const res = await f.agent.appStatus('web', 'running');
  if (res.statusCode !== 200) throw new Error(`app status answered ${res.statusCode}: ${res.body}`);
  return f;
}

export function get(t: TestApp, url: string, user: DevUser | { authorization: string } = 'vendor') {
  const headers = typeof user === 'string' ? bearer(user) : user;
  return t.app.inject({ method: 'GET', url, headers });
}

export function post(
  t: TestApp,
  url: string,
  user: DevUser | { authorization: string } = 'vendor',
  payload?: Record<string, unknown>,
) {
  const headers = typeof user === 'string' ? bearer(user) : user;
  return t.app.inject({ method: 'POST', url, headers, ...(payload === undefined ? {} : { payload }) });
}

/** The four secrets the redaction case must hide, one per rule family, and the PEM block's lines. */
export const SECRETS = {
  awsKey: 'AKIAIOSFODNN7EXAMPLE',
  jwt: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  dsnPassword: 's3cr3t-pass',
  pemBody: 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
} as const;

export const SECRET_LOG_MESSAGES = [
  'listening on :8080',
  `loaded key ${SECRETS.awsKey} from the environment`,
  `session token ${SECRETS.jwt}`,
  `connecting to postgres://app:${SECRETS.dsnPassword}@db:5432/app`,
  '-----BEGIN RSA PRIVATE KEY-----',
  SECRETS.pemBody,
  '-----END RSA PRIVATE KEY-----',
  'GET /health 200 1ms',
];

/** A logs result as the agent reports it, with the agent's own redaction turned off. */
export function logsResult(command: AgentCommand, messages: string[] = SECRET_LOG_MESSAGES) {
  return {
    app_code: command.parameters.app_code,
    cursor: String(messages.length),
    deployment_hash: command.deployment_hash,
    lines: messages.map((message, i) => ({
      message,
      redacted: false,
      stream: i % 2 === 0 ? 'stdout' : 'stderr',
      ts: new Date(Date.UTC(2026, 0, 9, 0, 0, i)).toISOString(),
    })),
    truncated: false,
    type: 'logs',
  };
}

/**
 * None of the four secrets survived anywhere in the reply; every line that held one is marked
 * `redacted: true` and the harmless lines are untouched.
 */
export function expectSecretsRedacted(res: LightMyRequestResponse): void {
  for (const secret of Object.values(SECRETS)) expect(res.body).not.toContain(secret);
  const lines = (res.json() as { item: { lines: { message: string; redacted: boolean }[] } }).item.lines;
  expect(lines.map((line) => line.redacted)).toEqual([false, true, true, true, true, true, true, false]);
  expect(lines[0]?.message).toBe('listening on :8080');
  expect(lines[3]?.message).toBe('connecting to postgres://app:***REDACTED***@db:5432/app');
  expect(lines[5]?.message).toBe('***REDACTED***');
  expect(lines[7]?.message).toBe('GET /health 200 1ms');
}
