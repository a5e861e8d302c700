import { Counter, type Registry } from 'prom-client';

export function createRateLimitMetrics(registry: Registry) {
  return {
    exceeded: new Counter({
      name: 'stacker_rate_limit_exceeded_total',
      help: 'Requests answered 429 by the plan rate limits, by bucket',
      labelNames: ['bucket'] as const,
      registers: [registry],
    }),
    storeErrors: new Counter({
      name: 'stacker_rate_limit_store_errors_total',
      help: 'Rate-limit hits Redis could not count (counted in this process instead)',
      registers: [registry],
    }),
    unchecked: new Counter({
      name: 'stacker_rate_limit_unchecked_total',
      help: "Successful replies of rateLimitAt: 'service' routes whose service never called rateLimitCheck",
      labelNames: ['route'] as const,
      registers: [registry],
    }),
  };
}
