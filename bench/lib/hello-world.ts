import Fastify from 'fastify';

/*
 * The API benchmark's baseline: a bare Fastify hello-world in its own process, as the Stacker server
 * is, so both are measured under the same conditions. Port from argv.
 */

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: Number(process.argv[2]) });
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
