import autocannon, { type Options, type Result } from 'autocannon';
import { startHelloWorld } from './stacker-process.js';

/**
 * The "Fastify + one SELECT 1" reference in its own process, measured now (50 connections,
 * `secs` seconds after a short warm-up): the most any request that asks Postgres anything could
 * serve on this machine at this moment, for ratios of the same run.
 */
export async function selectOneReference(databaseUrl: string, secs: number): Promise<number> {
  const hello = await startHelloWorld(databaseUrl);
  const run = (options: Options) =>
    new Promise<Result>((resolve, reject) =>
      autocannon(options, (error, result) => (error ? reject(error) : resolve(result))),
    );
  try {
    const url = `${hello.origin}/db`;
    await run({ url, connections: 50, amount: 1_000 });
    const result = await run({ url, connections: 50, duration: secs });
    if (result.non2xx > 0 || result.errors > 0) throw new Error('the SELECT 1 reference failed');
    return result.requests.total / result.duration;
  } finally {
    await hello.stop();
  }
}
