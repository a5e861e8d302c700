import { createConnection, createServer, type Server, type Socket } from 'node:net';

/*
 * Counts the statements a server sends to Postgres, exactly and at once, by sitting between them on
 * loopback and reading the frontend side of the wire protocol: every simple Query ('Q') and every
 * Execute ('E') of the extended protocol is one statement (BEGIN and COMMIT included). The server's
 * bytes are forwarded untouched.
 *
 * Why not pg_stat_database.xact_commit: a backend that ran a transaction less than a second after
 * its last stats flush holds the counts for up to ten seconds (PGSTAT_IDLE_INTERVAL), so short
 * windows come out wrong; and a transaction of several statements counts once. pg_stat_statements is
 * exact but needs shared_preload_libraries (a server restart); when it is loaded, the benchmarks read
 * it as well.
 */

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const QUERY = 0x51; // 'Q'
const EXECUTE = 0x45; // 'E'

/** Parses the client → server byte stream message by message, counting statements. */
export class FrontendMessageCounter {
  statements = 0;
  private startup = true;
  private readonly header = Buffer.alloc(8);
  private headerFill = 0;
  private skip = 0;

  feed(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - i);
        this.skip -= n;
        i += n;
        continue;
      }
      // The startup message has no type byte: length + protocol code. Later ones: type + length.
      const headerLen = this.startup ? 8 : 5;
      const n = Math.min(headerLen - this.headerFill, chunk.length - i);
      chunk.copy(this.header, this.headerFill, i, i + n);
      this.headerFill += n;
      i += n;
      if (this.headerFill < headerLen) break;
      this.headerFill = 0;
      if (this.startup) {
        const length = this.header.readInt32BE(0);
        const code = this.header.readInt32BE(4);
        this.skip = length - 8;
        // After an SSL or GSS request, the real startup message follows (also without a type byte).
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) this.startup = false;
      } else {
        const type = this.header[0];
        if (type === QUERY || type === EXECUTE) this.statements += 1;
        this.skip = this.header.readInt32BE(1) - 4;
      }
    }
  }
}

export interface QueryCountingProxy {
  /** The connection string to give the server instead of the real one. */
  url: string;
  /** Statements forwarded so far, over every connection. */
  statements(): number;
  close(): Promise<void>;
}

export async function startQueryCountingProxy(targetUrl: string): Promise<QueryCountingProxy> {
  const target = new URL(targetUrl);
  const host = target.hostname;
  const port = Number(target.port || 5432);
  const counters = new Set<FrontendMessageCounter>();
  let closedTotal = 0;
  const sockets = new Set<Socket>();

  const server: Server = createServer((client) => {
    const counter = new FrontendMessageCounter();
    counters.add(counter);
    const upstream = createConnection({ host, port });
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    sockets.add(client);
    sockets.add(upstream);
    client.on('data', (chunk: Buffer) => {
      counter.feed(chunk);
      if (!upstream.write(chunk)) client.pause();
    });
    upstream.on('drain', () => client.resume());
    upstream.pipe(client);
    const end = () => {
      if (counters.delete(counter)) closedTotal += counter.statements;
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('proxy did not bind');
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(address.port);

  return {
    url: url.toString(),
    statements() {
      let total = closedTotal;
      for (const counter of counters) total += counter.statements;
      return total;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
