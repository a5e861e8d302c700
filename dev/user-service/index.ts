export { type SyncBody, syncBodySchema } from './marketplace-sync.js';
export {
  DEV_CLIENT,
  DEV_PASSWORDS,
  DEV_SERVICE_TOKEN,
  DEV_TOKENS,
  DEV_USER_IDS,
  defaultSeed,
  devCredentialsBanner,
  type EmulatorCategory,
  type EmulatorOwnedProduct,
  type EmulatorProduct,
  type EmulatorSeed,
  type EmulatorUser,
} from './seed.js';
export {
  startUserServiceEmulator,
  type UserServiceEmulator,
  type UserServiceEmulatorOptions,
} from './server.js';
export { EmulatorState, type EmulatorStateOptions, type ReplyShape, type SyncEventRecord } from './state.js';
export type { PurchaseResult } from './store.js';
