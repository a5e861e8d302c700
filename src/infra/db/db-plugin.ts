import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import type { ListenHub } from './listen-hub.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    listenHub: ListenHub;
  }
}

/** Decorates the shared database handle and LISTEN hub. Their owner (main.ts or a test) closes them. */
export const dbPlugin = fp(
  async (app: FastifyInstance, opts: { db: Kysely<Database>; listenHub: ListenHub }) => {
    app.decorate('db', opts.db);
    app.decorate('listenHub', opts.listenHub);
  },
  { name: 'db' },
);
