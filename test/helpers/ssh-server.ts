import { spawn } from 'node:child_process';
import { timingSafeEqual } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Connection, type ParsedKey, Server, utils } from 'ssh2';

/*
 * A real SSH server on loopback (ssh2's own server, in-process) standing in for a user's machine.
 * Logins are by public key only, checked against `$HOME/.ssh/authorized_keys` of a throwaway home
 * directory at every attempt, so a key Stacker authorizes really logs in afterwards. `exec` runs the
 * command with the machine's `sh` in that home, so the tests see what Stacker's commands really do.
 */

export interface SshTestServer {
  host: string;
  port: number;
  username: string;
  home: string;
  hostKeyPrivate: string;
  authorizedKeys(): Promise<string>;
  /** Writes `authorized_keys` (one key line per entry). */
  authorize(...publicKeys: string[]): Promise<void>;
  /** Commands run so far. */
  commands: string[];
  /** Logins that were refused. */
  refusedLogins: number;
  close(): Promise<void>;
}

export interface SshTestServerOptions {
  username?: string;
  /** Reuse a host key (an OpenSSH private key); a new Ed25519 one by default. */
  hostKey?: string;
  port?: number;
  home?: string;
}

export async function startSshTestServer(options: SshTestServerOptions = {}): Promise<SshTestServer> {
  const username = options.username ?? 'deploy';
  const home = options.home ?? (await mkdtemp(join(tmpdir(), 'stacker-ssh-')));
  const ownsHome = options.home === undefined;
  const hostKeyPrivate = options.hostKey ?? utils.generateKeyPairSync('ed25519').private;
  const keysFile = join(home, '.ssh', 'authorized_keys');
  const commands: string[] = [];
  const state = { refused: 0 };
  const connections = new Set<Connection>();

  const allowedKeys = async (): Promise<ParsedKey[]> => {
    const text = await readFile(keysFile, 'utf8').catch(() => '');
    const keys: ParsedKey[] = [];
    for (const line of text.split('\n')) {
      const parsed = line.trim() ? utils.parseKey(line.trim()) : undefined;
      if (parsed && !(parsed instanceof Error) && !Array.isArray(parsed)) keys.push(parsed);
    }
    return keys;
  };

  const server = new Server({ hostKeys: [hostKeyPrivate] }, (client) => {
    connections.add(client);
    client.on('close', () => connections.delete(client));
    client.on('error', () => {});
    client.on('authentication', (ctx) => {
      const refuse = () => {
        if (ctx.method === 'publickey') state.refused += 1;
        ctx.reject(['publickey']);
      };
      if (ctx.method !== 'publickey' || ctx.username !== username) return refuse();
      allowedKeys().then((keys) => {
        const match = keys.find((key) => {
          const blob = key.getPublicSSH();
          return blob.length === ctx.key.data.length && timingSafeEqual(blob, ctx.key.data);
        });
        if (!match || match.type !== ctx.key.algo.replace(/^rsa-sha2-(256|512)$/, 'ssh-rsa')) return refuse();
        // Without a signature the client only asks whether the key would do; with one it proves it.
        if (!ctx.signature) return ctx.accept();
        if (match.verify(ctx.blob as Buffer, ctx.signature, ctx.hashAlgo) !== true) return refuse();
        ctx.accept();
      }, refuse);
    });
    client.on('ready', () => {
      client.on('session', (accept) => {
        const session = accept();
        session.on('exec', (acceptExec, _reject, info) => {
          const stream = acceptExec();
          commands.push(info.command);
          const child = spawn('sh', ['-c', info.command], {
            cwd: home,
            env: { HOME: home, PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' },
          });
          child.stdout.pipe(stream, { end: false });
          child.stderr.pipe(stream.stderr, { end: false });
          child.on('close', (code) => {
            stream.exit(code ?? 1);
            stream.end();
          });
        });
      });
    });
  });
  await mkdir(join(home, '.ssh'), { recursive: true, mode: 0o700 });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    host: '127.0.0.1',
    port,
    username,
    home,
    hostKeyPrivate,
    commands,
    get refusedLogins() {
      return state.refused;
    },
    authorizedKeys: () => readFile(keysFile, 'utf8').catch(() => ''),
    authorize: (...publicKeys) =>
      writeFile(keysFile, publicKeys.map((k) => `${k}\n`).join(''), { mode: 0o600 }),
    async close() {
      for (const connection of connections) connection.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownsHome) await rm(home, { recursive: true, force: true });
    },
  };
}
