export { AddressPolicy, type AddressVerdict, parseCidr } from './address-ranges.js';
export {
  buildExecuteBody,
  type ComposeAgentClient,
  type ComposeAgentClientOptions,
  createComposeAgentClient,
  EXECUTE_PATH,
  type ExecuteRequest,
  signComposeBody,
} from './client.js';
export {
  type CallIds,
  COMPOSE_RETRY_AFTER_SECS,
  type ComposeFailure,
  type ComposeOutcome,
  type ComposeReply,
  type ComposeResult,
  type ToAppErrorOptions,
  toAppError,
  type UnreachableReason,
} from './outcome.js';
export { mapReply } from './reply-mapping.js';
export {
  ComposeAddressBlockedError,
  type ComposeNetworkPolicy,
  type ComposeUrlCheck,
  type ComposeUrlRefusal,
  checkComposeUrl,
  createSsrfGuard,
  type Resolver,
  type SsrfGuard,
} from './ssrf-guard.js';
