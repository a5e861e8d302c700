import { PGBOUNCER_MISSING, pgbouncerBinary, startPgBouncer } from '../test/helpers/pgbouncer.js';
import type { BenchContext } from './lib/context.js';
import type { Report } from './lib/report.js';
import { runTwoInstances } from './two-instances.js';

/*
 * The two-instance run with both pools behind a real PgBouncer in transaction pooling
 * (DATABASE_POOLER=transaction, prepared statements off) and the LISTEN hubs connected directly
 * (DATABASE_LISTEN_URL), as docs/ops/pgbouncer.md sets it up. PgBouncer holds 20 server connections
 * for the two pools of 20 clients each, so transactions of one client move between server sessions.
 */
export async function twoInstancesPgBouncer(ctx: BenchContext): Promise<Report> {
  // pgbouncerBinary() throws when PGBOUNCER_BIN names a missing binary (CI): that run fails.
  if (!pgbouncerBinary()) {
    return {
      name: 'two-instances-pgbouncer',
      title: 'Two instances through PgBouncer: skipped',
      columns: ['status'],
      rows: [['skipped: no pgbouncer binary']],
      notes: [`skipped: ${PGBOUNCER_MISSING}`],
      checks: [],
      data: { skipped: true },
    };
  }
  const bouncer = await startPgBouncer(ctx.pg.url, { poolSize: 20, maxClients: 200 });
  try {
    const report = await runTwoInstances(ctx, {
      name: 'two-instances-pgbouncer',
      via: 'through PgBouncer (transaction pooling)',
      env: {
        DATABASE_URL: bouncer.url(ctx.pg.name),
        DATABASE_POOLER: 'transaction',
        DATABASE_LISTEN_URL: ctx.pg.url,
      },
    });
    const stats = await bouncer.admin<{ database: string; total_xact_count: string }>('SHOW STATS');
    const xacts = Number(stats.find((s) => s.database === ctx.pg.name)?.total_xact_count ?? 0);
    report.notes.push(`PgBouncer pooled ${xacts} transactions for the two instances`);
    report.data.pgbouncerTransactions = xacts;
    return report;
  } finally {
    // The servers hold pooled clients: stop them before the pooler.
    await ctx.cleanup();
    await bouncer.stop();
  }
}
