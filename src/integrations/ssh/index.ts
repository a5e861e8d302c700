export {
  createSshClient,
  type Resolver,
  type SshClient,
  type SshClientOptions,
  type SshFailureReason,
  type SshNetworkPolicy,
  type SshRequest,
  type SshResult,
} from './client.js';
export {
  fingerprintOf,
  generateEd25519KeyPair,
  isUsablePrivateKey,
  type KeyPair,
  normalizePrivateKey,
  type PublicKeyLine,
  parsePublicKeyLine,
  publicKeyOf,
} from './keys.js';
export {
  type AuthorizeResult,
  authorizeKey,
  authorizeKeyCommand,
  type HostFacts,
  PROBE_COMMAND,
  type ProbeResult,
  parseProbeOutput,
  probeHost,
} from './operations.js';
