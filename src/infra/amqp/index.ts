export { type AmqpFacade, type AmqpPluginOptions, amqpPlugin } from './amqp-plugin.js';
export {
  ConfirmPublisher,
  type ConfirmPublisherOptions,
  type PublishFn,
  type PublishOptions,
} from './confirm-publisher.js';
export {
  AmqpConnectionManager,
  type AmqpLog,
  type AmqpStatus,
  AmqpUnavailableError,
  type ConnectionManagerOptions,
} from './connection-manager.js';
export {
  type ConsumeOptions,
  type ConsumerHandle,
  type HandlerResult,
  type InboundMessage,
  type MessageHandler,
  QueueConsumer,
} from './consumer.js';
export { AmqpPublishError, type PublishFailureReason } from './publish-error.js';
export {
  INSTALL_PROGRESS_BINDING,
  installExchange,
  type Topology,
} from './topology.js';
