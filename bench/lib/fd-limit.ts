import { spawnSync } from 'node:child_process';
import { openFileLimits } from './proc-stats.js';

/*
 * 10,000 waiting agents need 10,000 sockets on each side. Node cannot raise its own open-file limit,
 * so when the soft limit is too low (1,024 on many shells) the bench runs itself again under
 * `ulimit -n` (the servers it starts inherit the limit). A hard limit too low is reported; the
 * benchmark then fails on its own with EMFILE, which says why.
 */

const MARK = 'STACKER_BENCH_FD_RAISED';

/** Returns true when the caller should exit with `process.exitCode` (the re-run did the work). */
export async function ensureOpenFiles(needed: number, log: (line: string) => void): Promise<boolean> {
  const { soft, hard } = await openFileLimits();
  if (soft >= needed || process.env[MARK]) return false;
  if (hard < needed) {
    log(`open files: soft ${soft}, hard ${hard}; ${needed} wanted: raise the hard limit (ulimit -Hn)`);
    return false;
  }
  const target = Number.isFinite(hard) ? hard : needed;
  log(`open files: raising the soft limit from ${soft} to ${target}`);
  const run = spawnSync(
    '/bin/sh',
    [
      '-c',
      `ulimit -n ${target} && exec "$@"`,
      'sh',
      process.execPath,
      ...process.execArgv,
      ...process.argv.slice(1),
    ],
    { stdio: 'inherit', env: { ...process.env, [MARK]: '1' } },
  );
  process.exitCode = run.status ?? 1;
  return true;
}

/** Sockets the bench and each server keep besides one per agent (pools, listeners, files, a margin). */
const FD_RESERVE = 2_500;

/**
 * The waiting levels this machine can hold: one socket per agent on each side, so a level above the
 * hard limit (less a reserve) becomes the largest whole thousand below it.
 */
export function capWaitingLevels(levels: number[], hardLimit: number): { levels: number[]; capped: boolean } {
  const cap = Math.floor((hardLimit - FD_RESERVE) / 1_000) * 1_000;
  const out = [...new Set(levels.map((l) => Math.min(l, cap)))];
  return { levels: out, capped: levels.some((l) => l > cap) };
}
