import type { ComposeAgentPeerState, PeerApp } from './state.js';

/*
 * Validation and execution of the commands the compose agent runs for Stacker, answering with the result
 * shapes of status-panel.md ("Result checks"). The peer's containers are entries in its state.
 */

export type Execution =
  | { kind: 'done'; result: Record<string, unknown> }
  /** The command ran and failed: the agent still answers 200, with `status: "failed"`. */
  | { kind: 'failed'; error: string; errors: unknown[] }
  | { kind: 'invalid'; error: string };

type Params = Record<string, unknown>;

const CONTAINER_COMMANDS = new Set(['health', 'logs', 'restart', 'start', 'stop']);

export function executeCommand(state: ComposeAgentPeerState, body: unknown): Execution {
  if (!isObject(body)) return invalid('expected a JSON object');
  for (const field of ['id', 'command_id', 'name'] as const) {
    if (typeof body[field] !== 'string' || body[field] === '') return invalid(`missing field \`${field}\``);
  }
  if (!isObject(body.params)) return invalid('missing field `params`');
  const name = String(body.name)
    .trim()
    .toLowerCase()
    .replace(/^stacker\./, '');
  if (!CONTAINER_COMMANDS.has(name)) return invalid(`invalid command: unknown command ${name}`);
  const params = body.params;
  for (const field of ['deployment_hash', 'app_code'] as const) {
    if (typeof params[field] !== 'string' || params[field] === '') {
      return invalid(`invalid ${name} payload: missing field \`${field}\``);
    }
  }
  const hash = params.deployment_hash as string;
  const appCode = params.app_code as string;
  if (name === 'health') return { kind: 'done', result: health(state, hash, appCode, params) };
  const app = state.apps.get(appCode);
  if (app === undefined) {
    return {
      kind: 'failed',
      error: `no container for app ${appCode}`,
      errors: [{ code: 'container_not_found', message: `no container for app ${appCode}` }],
    };
  }
  if (name === 'logs') return logs(hash, app, params, state.now());
  return { kind: 'done', result: lifecycle(name, hash, app) };
}

function health(state: ComposeAgentPeerState, hash: string, appCode: string, params: Params) {
  const withMetrics = params.include_metrics !== false;
  const lastHeartbeatAt = new Date(state.now()).toISOString();
  if (appCode === 'all') {
    const containers = [...state.apps.values()].map((app) => ({
      app_code: app.app_code,
      container_name: app.container_name,
      container_state: app.container_state,
      status: app.status,
      ...(withMetrics ? { metrics: metricsOf(app) } : {}),
    }));
    const allOk = containers.every((c) => c.status === 'ok');
    return {
      type: 'all_health',
      deployment_hash: hash,
      status: allOk ? 'ok' : 'degraded',
      last_heartbeat_at: lastHeartbeatAt,
      containers,
    };
  }
  const app = state.apps.get(appCode);
  return {
    type: 'health',
    deployment_hash: hash,
    app_code: appCode,
    status: app?.status ?? 'unknown',
    container_state: app?.container_state ?? 'unknown',
    last_heartbeat_at: lastHeartbeatAt,
    ...(withMetrics && app ? { metrics: metricsOf(app) } : {}),
    errors: app ? [] : [{ code: 'container_not_found', message: `no container for app ${appCode}` }],
  };
}

function logs(hash: string, app: PeerApp, params: Params, now: number): Execution {
  const limit = params.limit ?? 400;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 1000) {
    return invalid('invalid logs payload: limit must be 1..1000');
  }
  const streams = params.streams ?? ['stdout', 'stderr'];
  if (!Array.isArray(streams) || streams.some((s) => s !== 'stdout' && s !== 'stderr')) {
    return invalid('invalid logs payload: streams must be stdout and/or stderr');
  }
  const start = typeof params.cursor === 'string' && /^\d+$/.test(params.cursor) ? Number(params.cursor) : 0;
  const lines: { ts: string; stream: string; message: string; redacted: boolean }[] = [];
  let index = start;
  for (; index < app.logs.length && lines.length < limit; index += 1) {
    const line = app.logs[index]!;
    if (!streams.includes(line.stream)) continue;
    // One line a second, ending now, so timestamps are ordered like real ones.
    const ts = new Date(now - (app.logs.length - index) * 1000).toISOString();
    // The peer leaves redaction to Stacker's own pass, which is the one the tests must prove.
    lines.push({ ts, stream: line.stream, message: line.message, redacted: false });
  }
  return {
    kind: 'done',
    result: {
      type: 'logs',
      deployment_hash: hash,
      app_code: app.app_code,
      cursor: String(index),
      truncated: index < app.logs.length,
      lines,
    },
  };
}

function lifecycle(name: string, hash: string, app: PeerApp) {
  if (name === 'restart') app.restarts += 1;
  app.container_state = name === 'stop' ? 'exited' : 'running';
  app.status = name === 'stop' ? 'unhealthy' : 'ok';
  return {
    type: name,
    deployment_hash: hash,
    app_code: app.app_code,
    status: 'ok',
    container_state: app.container_state,
    errors: [],
  };
}

function metricsOf(app: PeerApp) {
  const running = app.container_state === 'running';
  return {
    cpu_pct: running ? 1.5 : 0,
    mem_pct: running ? 12.5 : 0,
    mem_usage_mb: running ? 128 : 0,
    mem_limit_bytes: 1_073_741_824,
    rx_bytes: 4096,
    tx_bytes: 2048,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(error: string): Execution {
  return { kind: 'invalid', error };
}
