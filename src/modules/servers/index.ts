/**
 * Servers (machines a project is deployed to) and their SSH key pairs. What other features may use:
 * deploy finds, creates or reuses the caller's server and makes sure it has a key.
 */

export { DEFAULT_NPM_CREDENTIALS, NPM_CREDENTIALS } from './npm-credentials.js';
export type { ServerFields, ServerRow } from './repository.js';
export type { ServerKey } from './service.js';
export {
  createServer,
  ensureServerKey,
  findUserServer,
  listProjectServers,
  reuseServer,
  serverKeyPath,
} from './service.js';
export type { SshKeyPair } from './ssh-key-pair.js';
export { generateSshKeyPair, keyFileText } from './ssh-key-pair.js';
