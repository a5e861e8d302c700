import Fastify from 'fastify';
import pg from 'pg';

/*
 * The API benchmark's baselines, in their own process as the Stacker server is: a bare Fastify
 * hello-world (`/`), and the same with one trivial query per request (`/db`, `SELECT 1` on a pool of
 * the server's size): the most any route could serve that asks Postgres anything. argv: port, db url.
 */

const [port, databaseUrl] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
app.get('/db', async () => {
  const result = await pool.query<{ one: number }>('SELECT 1 AS one');
  return { hello: 'world', one: result.rows[0]?.one };
});
await app.listen({ host: '127.0.0.1', port: Number(port) });
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
});
