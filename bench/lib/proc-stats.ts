import { readdir, readFile } from 'node:fs/promises';

/*
 * What a process costs, read from /proc (Linux): resident memory, CPU time and open file descriptors.
 * CPU time is in clock ticks; USER_HZ is 100 on every Linux this runs on.
 */

const TICKS_PER_SEC = 100;

export interface ProcSample {
  /** Resident set size, bytes. */
  rss: number;
  /** User + system CPU time, seconds. */
  cpuSecs: number;
  fds: number;
  /** When the sample was taken (monotonic ms). */
  at: number;
}

export async function sampleProcess(pid: number): Promise<ProcSample> {
  const [status, stat, fds] = await Promise.all([
    readFile(`/proc/${pid}/status`, 'utf8'),
    readFile(`/proc/${pid}/stat`, 'utf8'),
    readdir(`/proc/${pid}/fd`),
  ]);
  const rssKb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 'NaN');
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(after[11]);
  const stime = Number(after[12]);
  return {
    rss: rssKb * 1024,
    cpuSecs: (utime + stime) / TICKS_PER_SEC,
    fds: fds.length,
    at: performance.now(),
  };
}

/** CPU used between two samples, as a share of one core (1 = one core fully busy). */
export function cpuShare(from: ProcSample, to: ProcSample): number {
  const wallSecs = (to.at - from.at) / 1000;
  return wallSecs > 0 ? (to.cpuSecs - from.cpuSecs) / wallSecs : 0;
}

/** The soft and hard limits on open files of this process. */
export async function openFileLimits(): Promise<{ soft: number; hard: number }> {
  const limits = await readFile('/proc/self/limits', 'utf8');
  const line = /^Max open files\s+(\S+)\s+(\S+)/m.exec(limits);
  const parse = (v: string | undefined) => (v === undefined || v === 'unlimited' ? Infinity : Number(v));
  return { soft: parse(line?.[1]), hard: parse(line?.[2]) };
}
