import path from 'node:path';
import type { Config } from '../config.js';
import { createUserServiceClient, type UserServiceClient } from '../integrations/user-service/index.js';

export interface UserServiceSetup {
  client: UserServiceClient;
  /** Set when the development emulator runs in-process (no URL_SERVER_USER outside production). */
  emulator?: { url: string; close(): Promise<void> };
  close(): Promise<void>;
}

/**
 * The User Service client from config; with no `URL_SERVER_USER` outside production, starts the
 * development emulator in-process on 127.0.0.1 and points the client at it with its service token.
 */
export async function setupUserService(
  config: Config,
  log: { warn(msg: string): void },
  port = config.userService.devEmulatorPort,
): Promise<UserServiceSetup> {
  const us = config.userService;
  let baseUrl = us.url;
  let serviceToken = us.serviceToken;
  let emulator: UserServiceSetup['emulator'];
  if (!baseUrl) {
    if (!us.devEmulator)
      throw new Error('URL_SERVER_USER is not set and the development emulator is disabled');
    // Loaded only here, at the entry, so a production process never imports development code.
    const dev = await import('../../dev/user-service/index.js');
    // It verifies signed webhooks exactly as a real receiver would, when a secret is configured.
    const started = await dev.startUserServiceEmulator({
      port,
      host: '127.0.0.1',
      // Products and purchases survive a restart, like the real service's would.
      persistPath: path.join(config.dataDir, 'user-service.json'),
      webhookSecret: us.webhookSecret,
      webhookSecretFormat: us.webhookSecretFormat,
    });
    emulator = started;
    baseUrl = started.url;
    serviceToken ??= dev.DEV_SERVICE_TOKEN;
    for (const line of dev.devCredentialsBanner(started.url)) log.warn(line);
  }
  const client = createUserServiceClient({
    baseUrl,
    serviceToken,
    clientId: us.clientId,
    clientSecret: us.clientSecret,
    tokenUrl: us.tokenUrl,
  });
  return {
    client,
    emulator,
    async close() {
      await client.close();
      await emulator?.close();
    },
  };
}
