/**
 * `@centagate-kit/server`: the thin signing server. Browser-safe core (Web fetch, Web Crypto):
 * Node-only pieces live in `@centagate-kit/server/node` and the framework adapters.
 */
export {
  type CentagateHandler,
  type HandlerContext,
  createCentagateHandler,
} from './handler/create-centagate-handler'
export {
  type CentagateClient,
  type CentagateClientOptions,
  type EndpointFields,
  type EndpointPayload,
  type FetchLike,
  createCentagateClient,
} from './centagate-client/create-centagate-client'
export {
  BodyTooLargeError,
  type UpstreamRequest,
  type UpstreamResponse,
  type UpstreamTransport,
  UpstreamDeadlineError,
  fetchTransport,
} from './centagate-client/upstream-transport'
export * from './centagate-client/errors'
export {
  type AuthenticatedEvent,
  type AuthenticatorConfig,
  type CentagateHandlerConfig,
} from './config/handler-config'
export { type LogoutRequest, type LogoutResult } from './session/logout'
export {
  type CenTokenProvider,
  type CentagateAdminCalls,
  createCentagateAdminCalls,
} from './centagate-client/admin-calls'
export {
  type AuditEvent,
  type AuditEventType,
  type AuditMethod,
  auditEventTypes,
} from './handler/audit-events'
export { ConfigError } from './config/config-error'
export { type EnvConfig, configFromEnv } from './config/config-from-env'
export { type Logger, type LogFields, consoleJsonLogger, silentLogger } from './logger'
export { type CookieSecret } from './flow/flow-cookie'
export { type Limits, defaultLimits } from './rate-limit/limits'
export { type CounterState, type RateLimitStore, StoreUnavailableError } from './rate-limit/store'
export { type MemoryStoreOptions, createMemoryStore } from './rate-limit/memory-store'
export {
  type RequireStepUpOptions,
  type StepUpGuard,
  type StepUpGuardResult,
  type StepUpReceiptInfo,
} from './receipts/require-step-up'
export { transactionHash } from './receipts/step-up-receipt'
