import { startComposeAgentPeer } from './server.js';

// `npm run dev:compose-agent [-- --port 5000]`: the compose agent peer alone, to register against a local
// Stacker (set COMPOSE_AGENT_ALLOW_PRIVATE=true there, since the peer listens on loopback).

function portFromArgs(args: string[]): number {
  const index = args.indexOf('--port');
  const raw = index === -1 ? undefined : args[index + 1];
  if (raw === undefined) return 5000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be a port number, got ${raw}`);
  }
  return port;
}

const peer = await startComposeAgentPeer({ port: portFromArgs(process.argv.slice(2)) });
console.log(`compose agent peer listening on ${peer.url}`);
console.log('register it with PUT /api/v1/agent/{agent_id}/compose-agent and this body:');
console.log(JSON.stringify({ url: peer.url, agent_id: peer.state.agentId, token: peer.state.token }));
console.log(`apps: ${[...peer.state.apps.keys()].join(', ')}`);

const stop = async () => {
  await peer.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
