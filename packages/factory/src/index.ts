/**
 * @module @mcpx/factory — config files to connected MCP clients and registries: loads the
 * `mcpServers` JSON of most hosts, VS Code's `servers` and TOML, picks each server's
 * transport and loads its package on first use; remote servers get OAuth from `@mcpx/auth`
 * when it is installed; a config's `store` shares state across processes on Redis through `@mcpx/redis`.
 * Every export is public API.
 */
export { createClient } from './client/create-client.js';
export { createRegistry } from './registry/create-registry.js';
export { loadConfig } from './config/load-config.js';
export { validateConfig } from './config/validate-config.js';
export { discoverConfig, configSearchPaths, userConfigDir } from './config/discover.js';
export { supportedTransports, TRANSPORT_PACKAGES } from './transports/peers.js';
export { createOAuthProvider } from './client/server-oauth.js';
export { formatProblem } from './config/problem.js';
export { ConfigValidationError } from './errors/config-validation-error.js';
export { ConfigNotFoundError } from './errors/config-not-found-error.js';
export { ToolDisabledError } from './errors/tool-disabled-error.js';
export { openStore } from './store/open-store.js';
export { StoreUnavailableError } from './errors/store-unavailable-error.js';

export type { CreateClientOptions } from './client/create-client.js';
export type { CreateRegistryOptions } from './registry/create-registry.js';
export type { ConnectorOptions } from './client/server-connector.js';
export type { FactoryOAuthOptions } from './client/server-oauth.js';
export type { FactoryDiagnostic, ServerDiagnostic, StoreDiagnostic, DiagnosticListener } from './client/diagnostics.js';
export type { LoadConfigOptions } from './config/load-config.js';
export type { ValidateConfigOptions } from './config/validate-config.js';
export type { DiscoverOptions } from './config/discover.js';
export type { ConfigFormat } from './config/parse-text.js';
export type { ConfigProblem } from './config/problem.js';
export type { ToolDisabledDetails } from './errors/tool-disabled-error.js';
export type { TransportSupport } from './transports/peers.js';
export type { SharedStores, OpenStoreOptions } from './store/open-store.js';
export type {
  TransportKind,
  ReconnectConfig,
  HealthConfig,
  ServerEntry,
  ServerOptions,
  RemoteServerOptions,
  OAuthConfig,
  OAuthEntry,
  OAuthGrantConfig,
  StdioServerConfig,
  HttpServerConfig,
  SseServerConfig,
  WebSocketServerConfig,
  GrpcServerConfig,
  ServerConfig,
  McpxConfig,
  Env,
  StoreEntry,
  StoreConfig,
  StoreFallback,
  ChatConfig,
  ChatProviderName,
} from './config/types.js';
