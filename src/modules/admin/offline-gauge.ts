import type { FastifyInstance } from 'fastify';
import { Gauge } from 'prom-client';
import { COMPOSE_AGENT_CAPABILITY } from '../status-panel/index.js';
import { countOfflineAgents } from './agents-service.js';

/** status-panel.md: a compose agent host is alerted on after 15 minutes offline. */
export const COMPOSE_OFFLINE_ALERT_SECS = 15 * 60;

/**
 * `stacker_compose_agents_offline`, computed from the database on each scrape (every instance reports
 * the same table-wide value: alert on max, not sum). A failed query keeps the last value and logs, so a
 * database hiccup does not make the whole /metrics page fail.
 */
export function registerComposeOfflineGauge(app: FastifyInstance): void {
  const deps = { db: app.db, clock: app.clock, offlineAfterSecs: app.config.agent.offlineAfterSecs };
  new Gauge({
    name: 'stacker_compose_agents_offline',
    help: 'Agents advertising compose_agent that have been offline for more than 15 minutes',
    registers: [app.metrics],
    async collect() {
      try {
        this.set(await countOfflineAgents(deps, COMPOSE_AGENT_CAPABILITY, COMPOSE_OFFLINE_ALERT_SECS));
      } catch (error) {
        app.log.warn({ err: error }, 'stacker_compose_agents_offline: count failed');
      }
    },
  });
}
