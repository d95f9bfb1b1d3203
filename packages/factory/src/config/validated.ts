import type { ConfigProblem } from './problem.js';
import type { McpxConfig, ServerConfig } from './types.js';

// Module-wide on purpose: a validated config is recognized wherever it is passed
// (createClient, createRegistry, a filtered copy of its servers) without a wrapper type the
// user would have to carry, and the weak sets hold nothing alive. Objects built by hand are
// never in them, so they are validated again.
const configs = new WeakSet<McpxConfig>();
const servers = new WeakSet<ServerConfig>();
const deferred = new WeakMap<ServerConfig, readonly ConfigProblem[]>();

/** Remembers that `config` and its servers came out of validation, with the problems left for when a disabled server is used. */
export function markValidated(config: McpxConfig, pending: ReadonlyMap<ServerConfig, readonly ConfigProblem[]> = new Map()): McpxConfig {
  configs.add(config);
  for (const server of config.servers) servers.add(server);
  for (const [server, problems] of pending) deferred.set(server, problems);
  return config;
}

/** Whether `value` is a config returned by validation (and not an object that only looks like one). */
export function isValidatedConfig(value: unknown): value is McpxConfig {
  return typeof value === 'object' && value !== null && configs.has(value as McpxConfig);
}

/** Whether `value` is a server returned by validation. */
export function isValidatedServer(value: unknown): value is ServerConfig {
  return typeof value === 'object' && value !== null && servers.has(value as ServerConfig);
}

/** The problems of a disabled server that stop it from being used: unset variables, missing files. */
export function deferredProblems(server: ServerConfig): readonly ConfigProblem[] {
  return deferred.get(server) ?? [];
}
