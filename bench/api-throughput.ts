import autocannon, { type Options, type Result } from 'autocannon';
import { DEV_TOKENS } from '../dev/user-service/index.js';
import type { BenchContext } from './lib/context.js';
import { type CpuSplit, startCpuMeter } from './lib/cpu-meter.js';
import type { Report } from './lib/report.js';
import { startHelloWorld } from './lib/stacker-process.js';
import { UserClient } from './lib/user-client.js';

/*
 * API throughput with autocannon: the public catalog (`GET /api/templates`, 200 approved templates, the
 * default page of 50), an authenticated read (`GET /api/v1/commands/{hash}/latest`, the user's token
 * already cached) and a bare Fastify hello-world started in the same run. The hello-world runs first
 * and last; the baseline is the mean of the two, so a machine that drifts weighs on both sides.
 */

const TEMPLATES = 200;

interface Target {
  label: string;
  url: string;
  headers?: Record<string, string>;
}

/** One autocannon run; the first request error is kept to say what went wrong. */
function cannon(options: Options): Promise<Result & { firstError?: string }> {
  return new Promise((resolve, reject) => {
    let firstError: string | undefined;
    const instance = autocannon(options, (error, result) => {
      if (error) reject(error);
      else resolve({ ...result, firstError });
    });
    instance.on('reqError', (error: Error) => {
      firstError ??= String(error);
    });
  });
}

interface Measured extends Result {
  /** CPU microseconds per request by side, when a meter was given. */
  cpuUs?: { server: number; postgres: number; client: number };
}

async function measure(
  target: Target,
  connections: number,
  duration: number,
  meter?: () => Promise<() => Promise<CpuSplit>>,
): Promise<Measured> {
  const base = { url: target.url, connections, headers: target.headers };
  // Warm-up (JIT, caches, pool connections), not counted.
  await cannon({ ...base, amount: connections * 20 });
  const stop = await meter?.();
  const result: Measured & { firstError?: string } = await cannon({ ...base, duration });
  const cpu = await stop?.();
  if (cpu) {
    const us = (secs: number) => Math.round((secs / result.requests.total) * 1e6);
    result.cpuUs = { server: us(cpu.server), postgres: us(cpu.postgres), client: us(cpu.bench) };
  }
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `${target.label}: ${result.non2xx} non-2xx replies, ${result.errors} errors (${result.firstError})`,
    );
  }
  return result;
}

const rps = (r: Result) => r.requests.total / r.duration;

export async function apiThroughput(ctx: BenchContext): Promise<Report> {
  const { apiDurationSecs: duration, apiConnections: connections } = ctx.options.sizes;
  await ctx.seeder.templates(TEMPLATES);
  const [agent] = await ctx.seeder.agents(1);
  const server = await ctx.startServer('api-throughput');
  const hello = await startHelloWorld(ctx.pg.url);
  const users = new UserClient(server.origin, 2);
  try {
    // Some history for the latest-per-(type, app) read: three kinds of command.
    for (const [type, params] of [
      ['server_resources', {}],
      ['list_containers', {}],
      ['health', { app_code: 'web' }],
    ] as const) {
      const r = await users.enqueue(agent!.hash, type, params);
      if (r.status !== 201) throw new Error(`seeding ${type}: ${r.status} ${r.body}`);
    }
    const auth = { authorization: `Bearer ${DEV_TOKENS.vendor}` };
    const helloFirst = await measure(
      { label: 'hello-world', url: `${hello.origin}/` },
      connections,
      duration,
    );
    const catalog = await measure(
      { label: 'catalog', url: `${server.origin}/api/templates` },
      connections,
      duration,
    );
    const meterOf = (pid: number) => () =>
      startCpuMeter({ serverPids: [pid], adminUrl: ctx.pg.adminUrl, database: ctx.pg.name });
    const latest = await measure(
      { label: 'latest', url: `${server.origin}/api/v1/commands/${agent!.hash}/latest`, headers: auth },
      connections,
      duration,
      meterOf(server.pid),
    );
    const oneQuery = await measure(
      { label: 'one query', url: `${hello.origin}/db` },
      connections,
      duration,
      meterOf(hello.pid),
    );
    const helloLast = await measure({ label: 'hello-world', url: `${hello.origin}/` }, connections, duration);
    const base = (rps(helloFirst) + rps(helloLast)) / 2;
    const baseP99 = (helloFirst.latency.p99 + helloLast.latency.p99) / 2;
    const row = (label: string, r: Result) => [
      label,
      rps(r),
      r.latency.p50,
      r.latency.p99,
      rps(r) / base,
      r.latency.p99 / baseP99,
    ];
    return {
      name: 'api-throughput',
      title: `API throughput (autocannon, ${connections} connections, ${duration} s each)`,
      columns: ['route', 'req/s', 'p50 ms', 'p99 ms', 'req/s ÷ hello', 'p99 ÷ hello'],
      rows: [
        row('hello-world (before)', helloFirst),
        row('GET /api/templates (50 of 200)', catalog),
        row('GET /api/v1/commands/{hash}/latest', latest),
        row('reference: Fastify + one SELECT 1', oneQuery),
        row('hello-world (after)', helloLast),
      ],
      notes: [
        `hello-world baseline: mean of before and after, ${base.toFixed(0)} req/s`,
        `reference: the same Fastify asking Postgres one trivial query per request reaches ${(rps(oneQuery) / base).toFixed(3)}× hello-world: the ceiling of any route that reads the database`,
        `authenticated read ÷ reference: ${(rps(latest) / rps(oneQuery)).toFixed(3)}`,
        ...[
          ['latest', latest],
          ['reference', oneQuery],
        ].map(([label, r]) => {
          const cpu = (r as Measured).cpuUs;
          return `CPU µs per request, ${label}: server ${cpu?.server}, Postgres ${cpu?.postgres}, client ${cpu?.client}`;
        }),
      ],
      checks: [
        {
          name: 'catalog req/s ÷ hello-world',
          value: rps(catalog) / base,
          op: '>=',
          target: 0.25,
          // Without the page cache the catalog serves about 0.01× (a query and a schema encoding each).
          gate: 0.05,
        },
        {
          name: 'authenticated read req/s ÷ hello-world',
          value: rps(latest) / base,
          op: '>=',
          target: 0.2,
          gate: 0.03,
        },
        {
          name: 'authenticated read req/s ÷ Fastify + SELECT 1',
          value: rps(latest) / rps(oneQuery),
          op: '>=',
          target: 0.6,
          // Without the reply cache it was 0.2–0.25.
          gate: 0.3,
        },
      ],
      data: {
        connections,
        duration,
        helloFirst: summary(helloFirst),
        helloLast: summary(helloLast),
        catalog: summary(catalog),
        latest: { ...summary(latest), cpuUs: latest.cpuUs },
        oneQuery: { ...summary(oneQuery), cpuUs: oneQuery.cpuUs },
      },
    };
  } finally {
    await users.close();
    await hello.stop();
  }
}

function summary(r: Result) {
  return { rps: rps(r), p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, total: r.requests.total };
}
