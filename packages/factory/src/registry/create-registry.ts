import { McpRegistry, type McpRegistryOptions } from '@mcpx/registry';
import { checkOptions } from '@mcpx/core/internal';
import { loadConfig, type LoadConfigOptions } from '../config/load-config.js';
import type { McpxConfig, ServerConfig, ServerEntry } from '../config/types.js';
import { isValidatedConfig } from '../config/validated.js';
import { validateConfig } from '../config/validate-config.js';
import { toServerConfig, toServerList } from '../client/create-client.js';
import { CONFIG_SETTING_NAMES, ServerConnector, type ConnectorOptions } from '../client/server-connector.js';
import { healthOptions, reconnectPolicy } from './policies.js';
import { openStore, type SharedStores } from '../store/open-store.js';
import { CREATE_REGISTRY_OPTION_KEYS, FACTORY_OPTION_HINTS } from '../option-keys.js';

/** Options of `createRegistry`. */
export interface CreateRegistryOptions extends ConnectorOptions, Omit<LoadConfigOptions, 'path'> {
  /** Options of the `McpRegistry` itself: defaults for every server, naming, catalog TTL. */
  registry?: McpRegistryOptions | undefined;
  /** Connect every enabled server before resolving (`connectAll()`); `false` leaves that to you, for example to listen to events first. @default true */
  connect?: boolean | undefined;
}

/**
 * Builds an `McpRegistry` from a config: a file path, a config returned by `loadConfig` or
 * `validateConfig` (or `{ servers }` with some of its servers, or entries that have a `name`),
 * a config object as it would be written in a file, or nothing to discover the file. Registers every server (disabled ones included, not connected) and, unless
 * `connect: false`, connects the enabled ones; a server that fails to connect is left
 * reconnecting or failed in the registry, and does not make this reject. A config with a
 * `store` is connected to it first (see `openStore`: Redis that cannot be reached rejects with
 * `StoreUnavailableError` unless the store allows a fallback), and `close()` closes it.
 * @example
 * const registry = await createRegistry('./mcp_servers.json');
 * const { tools } = await registry.listTools();
 * await registry.close();
 */
export async function createRegistry(
  configOrPath?: string | McpxConfig | { servers: readonly (ServerConfig | ServerEntry)[] } | Record<string, unknown>,
  options: CreateRegistryOptions = {},
): Promise<McpRegistry> {
  checkOptions(options, CREATE_REGISTRY_OPTION_KEYS, { where: 'createRegistry(config, options)', hints: FACTORY_OPTION_HINTS });
  const config = await resolveConfig(configOrPath, options);
  const owned =
    options.store === undefined && config.store !== undefined
      ? await openStore(config.store, { onDiagnostic: options.onDiagnostic })
      : undefined;
  try {
    const connectTimeoutSetting = options.client?.settingNames?.connectTimeoutMs ?? CONFIG_SETTING_NAMES.connectTimeoutMs;
    const registry = new McpRegistry({
      ...options.registry,
      settingNames: { connectTimeoutMs: connectTimeoutSetting, ...options.registry?.settingNames },
      onClosed: owned === undefined ? options.registry?.onClosed : closeAfter(owned, options.registry?.onClosed),
    });
    const connector = owned === undefined ? options : { ...options, store: owned };
    for (const server of config.servers) registry.register(registration(server, connector));
    if (options.connect ?? true) await registry.connectAll();
    return registry;
  } catch (error) {
    // The error that stopped the registry is the one to report; closing the store adds nothing.
    await owned?.close().catch(() => undefined);
    throw error;
  }
}

/** The registry's `onClosed`: the caller's own, then closing `stores`, which the factory opened (even if the caller's failed). */
function closeAfter(stores: SharedStores, onClosed: (() => void | Promise<void>) | undefined): () => Promise<void> {
  return async () => {
    try {
      await onClosed?.();
    } finally {
      await stores.close();
    }
  };
}

async function resolveConfig(
  input: string | McpxConfig | { servers: readonly (ServerConfig | ServerEntry)[] } | Record<string, unknown> | undefined,
  options: CreateRegistryOptions,
): Promise<McpxConfig> {
  if (input === undefined || typeof input === 'string')
    return loadConfig({ path: input, cwd: options.cwd, env: options.env, homedir: options.homedir, platform: options.platform });
  if (isValidatedConfig(input)) return input;
  // A config of servers in a list: servers of a loaded config (a filtered copy, say) or entries with a name.
  if (Array.isArray(input.servers)) return { file: undefined, servers: toServerList(input.servers, options) };
  return validateConfig(input, { env: options.env, cwd: options.cwd, homedir: options.homedir });
}

function registration(server: ServerConfig, options: ConnectorOptions): Parameters<McpRegistry['register']>[0] {
  const connector = new ServerConnector(server, options);
  return {
    name: server.name,
    connect: async (signal) => {
      // Throws the problems a disabled server was let off with (unset variables...) now that it is used.
      toServerConfig(server);
      return connector.connect(signal);
    },
    enabled: server.enabled,
    tags: server.tags,
    toolPrefix: server.toolPrefix,
    autoApprove: server.autoApprove,
    connectTimeoutMs: connector.connectTimeoutMs,
    requestTimeoutMs: server.requestTimeoutMs,
    reconnect: reconnectPolicy(server.reconnect),
    health: healthOptions(server.health),
  };
}
