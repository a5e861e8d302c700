// The wire format of install-service.md: what Stacker publishes to the Install Service (exchange
// `install` unless configured otherwise) and how its routing keys are chosen. The consumer side is in progress-message.ts.

export const INSTALL_DELETE_ROUTING_KEY = 'install.delete.all.all.all';

/** The credential-bearing parts of a start message: sealed in the outbox, opened only to publish. */
export interface InstallSecrets {
  cloud?: Record<string, unknown>;
  server?: Record<string, unknown>;
  environment?: Record<string, unknown>;
}

export interface InstallStartInput {
  deploymentId: number;
  projectId: number;
  deploymentHash: string;
  userId: string;
  userEmail: string | null;
  template: { id: string; slug: string; version: string | null };
  stack: { name: string; definition: unknown; definitionFormat: string };
}

/** The non-secret part of the start message (the outbox `payload`). */
export function installStartPayload(input: InstallStartInput): Record<string, unknown> {
  return {
    id: input.deploymentId,
    project_id: input.projectId,
    deployment_hash: input.deploymentHash,
    user_id: input.userId,
    // The existing consumer keys on this name; it carries the user id, never a credential.
    user_token: input.userId,
    user_email: input.userEmail,
    template: input.template,
    stack: {
      name: input.stack.name,
      definition: input.stack.definition,
      definition_format: input.stack.definitionFormat,
    },
  };
}

export function installDeletePayload(input: {
  deploymentHash: string;
  projectId: number | null;
  userId: string;
}): Record<string, unknown> {
  return { deployment_hash: input.deploymentHash, project_id: input.projectId, user_id: input.userId };
}

const nonEmpty = (value: unknown): boolean =>
  (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';

/**
 * `own` when the user brings a server with an IP, or names "own" as the cloud provider; else `tfa`
 * (the Install Service provisions the server itself).
 */
export function installProvider(secrets: InstallSecrets | undefined): 'own' | 'tfa' {
  const server = secrets?.server;
  if (server && (nonEmpty(server.ip) || nonEmpty(server.srv_ip) || nonEmpty(server.server_ip))) return 'own';
  const provider = secrets?.cloud?.provider;
  return typeof provider === 'string' && provider.trim().toLowerCase() === 'own' ? 'own' : 'tfa';
}

export function installStartRoutingKey(provider: 'own' | 'tfa'): string {
  return `install.start.${provider}.all.all`;
}
