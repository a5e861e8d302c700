import type { SshClient, SshRequest, SshResult } from './client.js';
import type { PublicKeyLine } from './keys.js';

/*
 * The two things Stacker does over SSH. The commands are POSIX sh, so they work on any distribution the
 * Install Service provisions. The only value placed in a command is a parsed key line (type and base64,
 * nothing a caller chose freely), single-quoted on top of that.
 */

export type AuthorizeResult =
  | { ok: true; added: boolean; hostKeyFingerprint: string }
  | Extract<SshResult, { ok: false }>;

export function authorizeKeyCommand(key: PublicKeyLine): string {
  const line = `'${key.line}'`;
  const file = '"$HOME/.ssh/authorized_keys"';
  return [
    'umask 077',
    'mkdir -p "$HOME/.ssh"',
    `touch ${file}`,
    // A file whose last line has no newline would glue the new key onto it.
    `if [ -s ${file} ] && [ -n "$(tail -c 1 ${file})" ]; then echo >> ${file}; fi`,
    `if grep -qF ${line} ${file}; then echo present; else printf '%s\\n' ${line} >> ${file} && echo added; fi`,
  ].join(' && ');
}

/** Appends `key` to the login user's `authorized_keys` unless it is there (comments aside). */
export async function authorizeKey(
  client: SshClient,
  request: SshRequest,
  key: PublicKeyLine,
): Promise<AuthorizeResult> {
  const result = await client.exec(request, authorizeKeyCommand(key));
  if (!result.ok) return result;
  const word = result.stdout.trim();
  if (result.exitCode !== 0 || (word !== 'added' && word !== 'present')) {
    return {
      ok: false,
      reason: 'command_failed',
      detail: 'authorized_keys could not be updated',
      hostKeyFingerprint: result.hostKeyFingerprint,
    };
  }
  return { ok: true, added: word === 'added', hostKeyFingerprint: result.hostKeyFingerprint };
}

export const PROBE_COMMAND = [
  'echo "user=$(id -un 2>/dev/null)"',
  'df -Pk / 2>/dev/null | awk \'NR==2{print "disk_total_kb="$2; print "disk_avail_kb="$4}\'',
  'if command -v docker >/dev/null 2>&1; then echo "docker=$(docker --version 2>/dev/null)"; fi',
  'if [ -r /etc/os-release ]; then (. /etc/os-release; echo "os_name=$NAME"; echo "os_version=$VERSION_ID"); fi',
  'awk \'/^MemTotal:/{print "mem_total_kb="$2} /^MemAvailable:/{print "mem_avail_kb="$2}\' /proc/meminfo 2>/dev/null',
  'true',
].join('; ');

export interface HostFacts {
  username?: string;
  diskTotalGb?: number;
  diskAvailableGb?: number;
  diskUsagePercent?: number;
  dockerInstalled: boolean;
  dockerVersion?: string;
  osName?: string;
  osVersion?: string;
  memoryTotalMb?: number;
  memoryAvailableMb?: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Reads the `key=value` lines of PROBE_COMMAND; anything missing stays absent. */
export function parseProbeOutput(stdout: string): HostFacts {
  const values = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0)
      values.set(
        line.slice(0, at),
        line
          .slice(at + 1)
          .trim()
          .slice(0, 200),
      );
  }
  const num = (key: string) => {
    const n = Number(values.get(key));
    return values.has(key) && Number.isFinite(n) ? n : undefined;
  };
  const facts: HostFacts = { dockerInstalled: values.has('docker') };
  const text = (key: string) => (values.get(key) ? values.get(key) : undefined);
  const assign = <K extends keyof HostFacts>(key: K, value: HostFacts[K] | undefined) => {
    if (value !== undefined) facts[key] = value;
  };
  assign('username', text('user'));
  const total = num('disk_total_kb');
  const avail = num('disk_avail_kb');
  if (total !== undefined) assign('diskTotalGb', round1(total / 1024 / 1024));
  if (avail !== undefined) assign('diskAvailableGb', round1(avail / 1024 / 1024));
  if (total && avail !== undefined) assign('diskUsagePercent', round1(((total - avail) / total) * 100));
  assign('dockerVersion', values.get('docker')?.match(/\d+\.\d+(\.\d+)?/)?.[0]);
  assign('osName', text('os_name'));
  assign('osVersion', text('os_version'));
  const memTotal = num('mem_total_kb');
  const memAvail = num('mem_avail_kb');
  if (memTotal !== undefined) assign('memoryTotalMb', Math.round(memTotal / 1024));
  if (memAvail !== undefined) assign('memoryAvailableMb', Math.round(memAvail / 1024));
  return facts;
}

export type ProbeResult =
  | { ok: true; facts: HostFacts; hostKeyFingerprint: string }
  | Extract<SshResult, { ok: false }>;

/** Logs in and reads what `validate` reports: user, disk, docker, OS, memory. */
export async function probeHost(client: SshClient, request: SshRequest): Promise<ProbeResult> {
  const result = await client.exec(request, PROBE_COMMAND);
  if (!result.ok) return result;
  return { ok: true, facts: parseProbeOutput(result.stdout), hostKeyFingerprint: result.hostKeyFingerprint };
}
