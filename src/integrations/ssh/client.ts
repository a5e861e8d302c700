import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ssh2 from 'ssh2';
import { AddressPolicy } from '../compose-agent/index.js';
import { fingerprintOf } from './keys.js';

// ssh2 is CommonJS: Node's ESM loader gives it a default export only (named imports fail outside tsx).
const { Client } = ssh2;

/*
 * The one SSH path of Stacker: log in to a user's server with its stored key and run one command
 * (clouds-servers.md: authorize-public-key, validate). Like the compose agent client, it connects only
 * to an address it has checked itself: the name is resolved here, every answer must pass the address
 * policy, and the socket goes to that address, so a name cannot point Stacker at its own network.
 * The host key is trusted on first use: the caller passes the fingerprint it recorded (if any) and
 * records the one this call reports after a successful login; a different key is refused before any
 * credential is offered.
 */

export interface SshNetworkPolicy {
  /** `SSH_ALLOWED_CIDRS`: internal ranges that may still be reached. */
  allowedCidrs: readonly string[];
  /** `SSH_ALLOW_PRIVATE`: lifts the ban (tests, servers on the same private network). */
  allowPrivate: boolean;
}

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export interface SshClientOptions {
  policy: SshNetworkPolicy;
  /** The whole exchange, from resolving the name to the command's exit (4 s by contract). */
  timeoutMs?: number;
  /** A reply longer than this is cut (and counts as a failed command). */
  maxOutputBytes?: number;
  resolve?: Resolver;
}

export interface SshRequest {
  host: string;
  port: number;
  username: string;
  privateKey: string;
  /** The fingerprint recorded on the first login; absent = first use. */
  pinnedFingerprint?: string;
}

export type SshFailureReason =
  | 'blocked_address'
  | 'unresolvable'
  | 'unreachable'
  | 'timeout'
  | 'host_key_changed'
  | 'auth_failed'
  | 'command_failed'
  | 'protocol';

export type SshResult =
  | { ok: true; hostKeyFingerprint: string; stdout: string; exitCode: number }
  | { ok: false; reason: SshFailureReason; detail: string; hostKeyFingerprint?: string };

export interface SshClient {
  /** Never throws: the result says what went wrong. */
  exec(request: SshRequest, command: string): Promise<SshResult>;
}

const fail = (reason: SshFailureReason, detail: string, hostKeyFingerprint?: string): SshResult =>
  hostKeyFingerprint ? { ok: false, reason, detail, hostKeyFingerprint } : { ok: false, reason, detail };

export function createSshClient(options: SshClientOptions): SshClient {
  const timeoutMs = options.timeoutMs ?? 4_000;
  const maxOutputBytes = options.maxOutputBytes ?? 64 * 1024;
  const addresses = new AddressPolicy(options.policy);
  const resolve: Resolver = options.resolve ?? ((name) => lookup(name, { all: true }));

  async function checkedAddress(host: string): Promise<string | SshResult> {
    const bare = host.replace(/^\[(.*)\]$/, '$1');
    let found: string[];
    if (isIP(bare) !== 0) found = [bare];
    else {
      try {
        found = (await resolve(bare)).map((entry) => entry.address);
      } catch {
        return fail('unresolvable', `${host} does not resolve`);
      }
      if (found.length === 0) return fail('unresolvable', `${host} does not resolve`);
    }
    // Every answer must pass: a name mixing public and internal answers is refused as a whole.
    for (const address of found) {
      const verdict = addresses.classify(address);
      if (!verdict.allowed)
        return fail('blocked_address', `${host} is in a blocked range (${verdict.range})`);
    }
    return found[0] as string;
  }

  async function exec(request: SshRequest, command: string): Promise<SshResult> {
    const deadline = Date.now() + timeoutMs;
    const address = await checkedAddress(request.host);
    if (typeof address !== 'string') return address;
    const remaining = deadline - Date.now();
    if (remaining <= 0) return fail('timeout', `no answer from ${request.host} within ${timeoutMs} ms`);
    return session(address, request, command, remaining);
  }

  function session(address: string, request: SshRequest, command: string, budgetMs: number) {
    return new Promise<SshResult>((settle) => {
      const conn = new Client();
      let seen: string | undefined;
      let keyRefused = false;
      let done = false;
      const finish = (result: SshResult) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        conn.end();
        conn.destroy();
        settle(result);
      };
      const timer = setTimeout(
        () => finish(fail('timeout', `no answer from ${request.host} within ${timeoutMs} ms`, seen)),
        budgetMs,
      );
      conn.on('ready', () => {
        conn.exec(command, (err, stream) => {
          if (err) return finish(fail('protocol', 'the server refused to run the command', seen));
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size <= maxOutputBytes) chunks.push(chunk);
          });
          stream.stderr.on('data', () => {});
          stream.on('close', (code: number | null) => {
            if (size > maxOutputBytes) return finish(fail('command_failed', 'the reply is too large', seen));
            const stdout = Buffer.concat(chunks).toString('utf8');
            finish({ ok: true, hostKeyFingerprint: seen as string, stdout, exitCode: code ?? -1 });
          });
        });
      });
      conn.on('error', (err: Error & { level?: string }) => {
        if (keyRefused) return finish(fail('host_key_changed', hostKeyDetail(request), seen));
        if (err.level === 'client-authentication')
          return finish(fail('auth_failed', `the server refused the key for ${request.username}`, seen));
        if (err.level === 'client-timeout') return finish(fail('timeout', 'the login timed out', seen));
        const reason = err.level === 'client-socket' ? 'unreachable' : 'protocol';
        finish(fail(reason, `cannot reach ${request.host}:${request.port}`, seen));
      });
      conn.on('close', () => finish(fail('unreachable', 'the connection closed', seen)));
      try {
        conn.connect({
          host: address,
          port: request.port,
          username: request.username,
          privateKey: request.privateKey,
          readyTimeout: budgetMs,
          // Only the stored key is offered: no agent, no password, no keyboard-interactive.
          tryKeyboard: false,
          hostVerifier: (key: Buffer) => {
            seen = fingerprintOf(key);
            keyRefused = request.pinnedFingerprint !== undefined && request.pinnedFingerprint !== seen;
            return !keyRefused;
          },
        });
      } catch {
        finish(fail('protocol', 'the stored private key cannot be used'));
      }
    });
  }

  return { exec };
}

const hostKeyDetail = (request: SshRequest) =>
  `the host key of ${request.host}:${request.port} changed since the first login; refusing to connect`;
