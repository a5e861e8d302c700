import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { timingSafeEqualStrings } from '../crypto/hmac.js';
import { unauthorized } from '../http/errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** One registry per app (tests build many apps in one process). */
    metrics: Registry;
  }
}

export const metricsPlugin = fp(
  async (app: FastifyInstance, opts: { token: string | undefined }) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'stacker_' });
    // prom-client also exports three gauges named `*_total`, a suffix Prometheus reserves for counters
    // (promtool check metrics refuses them). Their numbers stay available, by type, in the gauges
    // stacker_nodejs_active_{handles,requests,resources}.
    for (const name of ['active_handles', 'active_requests', 'active_resources']) {
      registry.removeSingleMetric(`stacker_nodejs_${name}_total`);
    }
    const duration = new Histogram({
      name: 'stacker_http_request_duration_seconds',
      help: 'HTTP request duration by route pattern and status',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 60],
      registers: [registry],
    });
    app.decorate('metrics', registry);

    app.addHook('onResponse', async (request, reply) => {
      // The route pattern, not the URL, keeps label cardinality bounded.
      const route = request.routeOptions.url ?? 'unmatched';
      duration.observe(
        { method: request.method, route, status_code: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });

    app.get(
      '/metrics',
      { schema: { hide: true }, config: { authenticate: false } },
      async (request, reply) => {
        if (opts.token) {
          const header = request.headers.authorization ?? '';
          const presented = header.startsWith('Bearer ') ? header.slice(7) : '';
          // Compared here, never sent to the User Service.
          if (!timingSafeEqualStrings(presented, opts.token))
            throw unauthorized('metrics_unauthorized', 'A valid metrics token is required.');
        }
        reply.type(registry.contentType);
        return registry.metrics();
      },
    );
  },
  { name: 'metrics' },
);
