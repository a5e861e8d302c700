import { devCredentialsBanner } from './seed.js';
import { startUserServiceEmulator } from './server.js';

// `npm run dev:user-service [-- --port 4100]`: the emulator alone, for manual work against Stacker.
// `--data FILE` is where products and purchases are kept (.data/user-service.json by default).
// `--host 0.0.0.0 --allow-remote` serves a private container network (docker-compose); never expose it.

function portFromArgs(args: string[]): number {
  const index = args.indexOf('--port');
  const raw = index === -1 ? undefined : args[index + 1];
  if (raw === undefined) return 4100;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port must be a port number, got ${raw}`);
  return port;
}

const args = process.argv.slice(2);
const hostIndex = args.indexOf('--host');
const dataIndex = args.indexOf('--data');
const emulator = await startUserServiceEmulator({
  port: portFromArgs(args),
  // `--data FILE` keeps products and purchases across restarts (the default under .data/; `--data ''` keeps nothing).
  persistPath: dataIndex === -1 ? '.data/user-service.json' : args[dataIndex + 1] || undefined,
  host: hostIndex === -1 ? undefined : args[hostIndex + 1],
  allowRemote: args.includes('--allow-remote'),
});
for (const line of devCredentialsBanner(emulator.url)) console.log(line);

const stop = async () => {
  await emulator.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
