import { MCP_CLIENT_OPTION_KEYS, type OptionKeys } from '@mcpx/core/internal';
import { MCP_REGISTRY_OPTION_KEYS } from '@mcpx/registry';
import type { ConnectorOptions } from './client/server-connector.js';
import type { CreateClientOptions } from './client/create-client.js';
import type { FactoryOAuthOptions } from './client/server-oauth.js';
import type { DiscoverOptions } from './config/discover.js';
import type { LoadConfigOptions } from './config/load-config.js';
import type { ValidateConfigOptions } from './config/validate-config.js';
import type { CreateRegistryOptions } from './registry/create-registry.js';

// The keys of the factory's options objects, for `checkOptions`: each list is checked against
// its type by the compiler. `client` and `registry` nest the lists of McpClient and McpRegistry,
// so that their options are refused at the call, with their path, not when a server connects.

/** `DiscoverOptions`. */
export const DISCOVER_OPTION_KEYS = { cwd: true, env: true, homedir: true, platform: true } as const satisfies OptionKeys<DiscoverOptions>;

/** `ValidateConfigOptions`. */
export const VALIDATE_OPTION_KEYS = {
  file: true,
  format: true,
  env: true,
  cwd: true,
  homedir: true,
} as const satisfies OptionKeys<ValidateConfigOptions>;

/** `LoadConfigOptions`. */
export const LOAD_OPTION_KEYS = { ...DISCOVER_OPTION_KEYS, path: true } as const satisfies OptionKeys<LoadConfigOptions>;

// Each client is named after its server's key in the config: `client.server` would be ignored.
const { server: _named, ...CLIENT_KEYS } = MCP_CLIENT_OPTION_KEYS;

/** `FactoryOAuthOptions`. */
export const FACTORY_OAUTH_OPTION_KEYS = {
  store: true,
  interactive: true,
  userAgent: true,
  loginHint: true,
  onRefresh: true,
  onWarning: true,
} as const satisfies OptionKeys<FactoryOAuthOptions>;

const CONNECTOR_OPTION_KEYS = {
  client: CLIENT_KEYS,
  authProvider: true,
  oauth: FACTORY_OAUTH_OPTION_KEYS,
  onDiagnostic: true,
  connectTimeoutMs: true,
  store: true,
  onHttpRetry: true,
} as const satisfies OptionKeys<ConnectorOptions>;

/** `CreateClientOptions`. */
export const CREATE_CLIENT_OPTION_KEYS = {
  ...CONNECTOR_OPTION_KEYS,
  signal: true,
  name: true,
  env: true,
  cwd: true,
} as const satisfies OptionKeys<CreateClientOptions>;

/** `CreateRegistryOptions`. */
export const CREATE_REGISTRY_OPTION_KEYS = {
  ...CONNECTOR_OPTION_KEYS,
  ...DISCOVER_OPTION_KEYS,
  registry: MCP_REGISTRY_OPTION_KEYS,
  connect: true,
} as const satisfies OptionKeys<CreateRegistryOptions>;

const SERVER_SETTING = "it is a server's setting: write it in the server's entry (the config, or the first argument)";

/** What to do with keys that belong to a server's entry rather than to the factory's options. */
export const FACTORY_OPTION_HINTS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    ['command', 'args', 'url', 'headers', 'type', 'transport', 'envFile', 'enabled', 'tags', 'toolPrefix'].map((key) => [
      key,
      SERVER_SETTING,
    ]),
  ),
  ...Object.fromEntries(
    ['clientId', 'clientSecret', 'scopes', 'grant', 'dpop', 'redirectPort'].map((key) => [
      `oauth.${key}`,
      'it is a server\'s OAuth setting: write it in the server\'s "oauth" table in the config',
    ]),
  ),
  requestTimeoutMs: `${SERVER_SETTING}, or give every client client.requestTimeoutMs`,
  mcpServers: 'it is the config: pass it as the first argument, createRegistry({ mcpServers })',
  servers: 'it is the config: pass it as the first argument, createRegistry({ servers })',
  'client.server': "each client is named after its server's key in the config; remove it",
};
