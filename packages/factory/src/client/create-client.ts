import { ConnectTimeoutError, type McpClient } from '@mcpx/core';
import { checkOptions, DEFAULT_CONNECT_TIMEOUT_MS } from '@mcpx/core/internal';
import { ProblemList } from '../config/problem.js';
import type { Env, ServerConfig, ServerEntry } from '../config/types.js';
import { deferredProblems, isValidatedServer } from '../config/validated.js';
import { CREATE_CLIENT_OPTION_KEYS, FACTORY_OPTION_HINTS } from '../option-keys.js';
import { validateServer } from '../config/validate-server.js';
import { ConfigValidationError } from '../errors/config-validation-error.js';
import { CONFIG_SETTING_NAMES, ServerConnector, type ConnectorOptions } from './server-connector.js';

/** Options of `createClient`. */
export interface CreateClientOptions extends ConnectorOptions {
  /** Aborts connecting. */
  signal?: AbortSignal | undefined;
  /** For an entry that is not from a config file: its name, unless it has a `name`. @default 'server' */
  name?: string | undefined;
  /** For an entry that is not from a config file: the variables for `${VAR}`. @default process.env */
  env?: Env | undefined;
  /** For an entry that is not from a config file: where a relative `cwd` or `envFile` starts. @default process.cwd() */
  cwd?: string | undefined;
}

/**
 * Connects one server and resolves with its client, connected. Takes a server of a loaded
 * config, or an entry as written in a config file (validated first). The transport follows
 * from the config and its package is loaded on first use; a Streamable HTTP server that
 * refuses with a 4xx is retried over the legacy HTTP+SSE transport.
 * @example
 * const client = await createClient({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'] });
 * const { tools } = await client.listTools();
 * await client.close();
 */
export async function createClient(server: ServerConfig | ServerEntry, options: CreateClientOptions = {}): Promise<McpClient> {
  checkOptions(options, CREATE_CLIENT_OPTION_KEYS, { where: 'createClient(server, options)', hints: FACTORY_OPTION_HINTS });
  const connector = new ServerConnector(toServerConfig(server, options), options);
  // The client bounds each connection; this bounds the whole, the SSE fallback included.
  const timeoutMs = connector.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const setting = options.client?.settingNames?.connectTimeoutMs ?? CONFIG_SETTING_NAMES.connectTimeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new ConnectTimeoutError(connector.server.name, timeoutMs, { setting })), timeoutMs);
  const signal = options.signal === undefined ? controller.signal : AbortSignal.any([options.signal, controller.signal]);
  try {
    return await connector.connect(signal);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Servers of a loaded config kept as they are (a disabled one keeps its pending problems), and
 * entries validated; throws one `ConfigValidationError` for every problem of every entry.
 */
export function toServerList(list: readonly unknown[], options: Pick<CreateClientOptions, 'env' | 'cwd'> = {}): ServerConfig[] {
  const problems = new ProblemList(undefined);
  const servers: ServerConfig[] = [];
  list.forEach((entry, index) => {
    if (isValidatedServer(entry)) {
      servers.push(entry);
      return;
    }
    const named =
      typeof entry === 'object' && entry !== null && 'name' in entry && typeof entry.name === 'string' && entry.name.trim() !== '';
    if (!named) {
      problems.add(undefined, `servers[${index}].name`, 'a server in a list needs a "name"', 'add "name": "my-server"');
      return;
    }
    const server = validateEntry(entry as ServerEntry, problems, options);
    if (server !== undefined) servers.push(server);
  });
  if (problems.problems.length > 0) throw new ConfigValidationError(problems.problems);
  return servers;
}

/** `server` validated, throwing a `ConfigValidationError`; a server of a loaded config throws the problems left for when a disabled server is used. */
export function toServerConfig(
  server: ServerConfig | ServerEntry,
  options: Pick<CreateClientOptions, 'name' | 'env' | 'cwd'> = {},
): ServerConfig {
  if (isValidatedServer(server)) {
    const pending = deferredProblems(server);
    if (pending.length > 0) throw new ConfigValidationError(pending);
    return server;
  }
  const problems = new ProblemList(undefined);
  const config = validateEntry(server, problems, options);
  if (config === undefined) throw new ConfigValidationError(problems.problems);
  return config;
}

/** Validates an entry given outside a file: `name` allowed, and every problem counts now, disabled or not. */
function validateEntry(
  entry: ServerEntry,
  problems: ProblemList,
  options: Pick<CreateClientOptions, 'name' | 'env' | 'cwd'>,
): ServerConfig | undefined {
  const env = options.env ?? process.env;
  const name = typeof entry.name === 'string' && entry.name.trim() !== '' ? entry.name : (options.name ?? 'server');
  return validateServer(entry, {
    name,
    problems,
    deferred: problems,
    lookup: (key) => (Object.hasOwn(env, key) ? env[key] : undefined),
    baseDir: options.cwd ?? process.cwd(),
    inline: true,
  });
}
