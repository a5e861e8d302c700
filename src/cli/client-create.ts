import { insertClient } from '../auth/service-client/service-client-repository.js';
import { loadConfig } from '../config.js';
import { randomToken } from '../infra/crypto/hmac.js';
import { loadSecretBox } from '../infra/crypto/load-secret-box.js';
import { openCliDatabase } from './cli-database.js';

const KNOWN_SCOPES = new Set(['agents:register', 'compose:write']);

/**
 * `npm run client:create -- --name install-service --scope agents:register [--scope compose:write]`
 * Prints the client id and secret once: only the ciphertext is stored.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const names: string[] = [];
  const scopes: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--name') names.push(argv[++i] ?? '');
    else if (argv[i] === '--scope') scopes.push(argv[++i] ?? '');
  }
  const name = names[0]?.trim();
  if (!name)
    throw new Error(
      'usage: npm run client:create -- --name NAME [--scope agents:register] [--scope compose:write]',
    );
  for (const scope of scopes)
    if (!KNOWN_SCOPES.has(scope))
      throw new Error(`unknown scope '${scope}' (${[...KNOWN_SCOPES].join(', ')})`);
  const cli = await openCliDatabase(argv);
  try {
    const secretBox = await loadSecretBox(await loadConfig());
    const secret = randomToken(32);
    const client = await insertClient(cli.handle.db, name, secretBox.seal(secret), scopes);
    console.log(`client created: ${client.name}`);
    console.log(`  stacker-id:     ${client.id}`);
    console.log(`  secret:         ${secret}   (shown once; store it now)`);
    console.log(`  scopes:         ${client.scopes.join(', ') || '(none)'}`);
  } finally {
    await cli.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
