import type { OptionKeys } from '@mcpx/core';
import type { ConnectorOptions } from './client/server-connector.js';
import type { CreateClientOptions } from './client/create-client.js';
import type { DiscoverOptions } from './config/discover.js';
import type { LoadConfigOptions } from './config/load-config.js';
import type { ValidateConfigOptions } from './config/validate-config.js';
import type { CreateRegistryOptions } from './registry/create-registry.js';

// The keys of the factory's options objects, for `checkOptions`: each list is checked against
// its type by the compiler. `client` and `registry` are checked by McpClient and McpRegistry.

/** `DiscoverOptions`. */
export const DISCOVER_OPTION_KEYS = { cwd: true, env: true, homedir: true, platform: true } as const satisfies OptionKeys<DiscoverOptions>;

/** `ValidateConfigOptions`. */
export const VALIDATE_OPTION_KEYS = { file: true, format: true, env: true, cwd: true, homedir: true } as const satisfies OptionKeys<ValidateConfigOptions>;

/** `LoadConfigOptions`. */
export const LOAD_OPTION_KEYS = { ...DISCOVER_OPTION_KEYS, path: true } as const satisfies OptionKeys<LoadConfigOptions>;

const CONNECTOR_OPTION_KEYS = { client: true, authProvider: true, onDiagnostic: true, connectTimeoutMs: true } as const satisfies OptionKeys<ConnectorOptions>;

/** `CreateClientOptions`. */
export const CREATE_CLIENT_OPTION_KEYS = { ...CONNECTOR_OPTION_KEYS, signal: true, name: true, env: true, cwd: true } as const satisfies OptionKeys<CreateClientOptions>;

/** `CreateRegistryOptions`. */
export const CREATE_REGISTRY_OPTION_KEYS = {
  ...CONNECTOR_OPTION_KEYS,
  ...DISCOVER_OPTION_KEYS,
  registry: true,
  connect: true,
} as const satisfies OptionKeys<CreateRegistryOptions>;
