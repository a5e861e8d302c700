/**
 * Saved clouds (provider credentials, sealed with the secret box). What other features may use:
 * deploy looks up the caller's cloud by id or name and saves inline credentials.
 */
export type { CloudCredentials, OpenedCloud, SaveCloud } from './service.js';
export { findUserCloud, findUserCloudByName, saveCloud } from './service.js';
