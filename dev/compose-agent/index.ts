export { type Execution, executeCommand } from './commands.js';
export {
  type ComposeAgentPeer,
  type ComposeAgentPeerOptions,
  EXECUTE_ROUTE,
  startComposeAgentPeer,
} from './server.js';
export {
  ComposeAgentPeerState,
  DEFAULT_PEER_AGENT_ID,
  DEFAULT_PEER_APPS,
  DEFAULT_PEER_TOKEN,
  type PeerApp,
  type PeerFault,
  type PeerStateOptions,
  type RecordedRequest,
} from './state.js';
export { type Verdict, verifyExecuteRequest } from './verify.js';
