/** @module @mcpx/registry — many MCP servers at once: lifecycle, health, reconnection, statistics, catalog. Every export is public API. */
export { McpRegistry } from './registry.js';
export { SERVER_STATES, TRANSITIONS, isUp } from './server-state.js';
export { DEFAULT_BREAKER_OPTIONS, isServerFault } from './circuit-breaker.js';
export { DEFAULT_HEALTH_OPTIONS, pingCheck } from './health-monitor.js';
export { isRetryableFailure } from './reconnect.js';
export { defaultNaming, separatorNaming } from './naming.js';
export { DEFAULT_CATALOG_TTL_MS } from './catalog.js';
export { DEFAULT_STABLE_AFTER_MS, MCP_REGISTRY_OPTION_KEYS } from './options.js';
// Moved to @mcpx/core, where McpClient bounds connecting with them too; kept here for existing imports.
export { ConnectTimeoutError } from '@mcpx/core';
export { DEFAULT_CONNECT_TIMEOUT_MS } from '@mcpx/core/internal';
export { DEFAULT_CLOSE_DEADLINE_MS } from './shutdown.js';
export { systemClock } from './clock.js';
export { ServerNotFoundError } from './errors/server-not-found-error.js';
export { ServerUnavailableError } from './errors/server-unavailable-error.js';
export { CircuitOpenError } from './errors/circuit-open-error.js';
export { RegistryClosedError } from './errors/registry-closed-error.js';
export { NotInCatalogError } from './errors/not-in-catalog-error.js';
export { HealthCheckTimeoutError } from './errors/health-check-timeout-error.js';

export type { ConnectReport } from './connect-all.js';
export type { ListOptions } from './registry-catalog.js';
export type { ServerState, StateChange } from './server-state.js';
export type { BreakerOptions, BreakerState, BreakerSnapshot } from './circuit-breaker.js';
export type { HealthCheck, HealthOptions, HealthSnapshot } from './health-monitor.js';
export type { NamingPolicy, Collision } from './naming.js';
export type {
  CatalogKind,
  CatalogTool,
  CatalogPrompt,
  CatalogResource,
  CatalogFailure,
  ToolCatalog,
  PromptCatalog,
  ResourceCatalog,
} from './catalog.js';
export type { ConnectFn } from './connect-attempt.js';
export type { ConnectOutcome, RegisteredServer } from './server-view.js';
export type { McpRegistryOptions, ServerRegistration, ServerPolicies } from './options.js';
export type { RegistryEventMap, RegistryEvent, HealthEvent } from './events.js';
export type { ServerStats, RegistrySnapshot, RequestCounts } from './stats.js';
export type { CloseOptions, CloseReport } from './shutdown.js';
export type { Clock, TimerHandle } from './clock.js';
