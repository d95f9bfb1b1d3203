import { ConfigError, exponentialBackoff, type BackoffPolicy, type SettingNames } from '@mcpx/core';
import { DEFAULT_CONNECT_TIMEOUT_MS, checkOptions, type OptionKeys } from '@mcpx/core/internal';
import { DEFAULT_BREAKER_OPTIONS, type BreakerOptions } from './circuit-breaker.js';
import type { Clock } from './clock.js';
import type { ConnectFn } from './connect-attempt.js';
import { DEFAULT_HEALTH_OPTIONS, type HealthOptions } from './health-monitor.js';
import type { NamingPolicy } from './naming.js';
import { isRetryableFailure } from './reconnect.js';

/** The policies of one server; every field can also be set for all servers in `McpRegistryOptions.defaults`. */
export interface ServerPolicies {
  /** How long one connection attempt may take, in milliseconds. @default 30000 */
  connectTimeoutMs?: number | undefined;
  /** Timeout of calls routed through the registry, unless the call gives its own. @default the client's own (60000) */
  requestTimeoutMs?: number | undefined;
  /** Delay before each reconnection attempt, or `false` to never reconnect. @default exponentialBackoff(): 1 s, 2 s, 4 s… capped at 30 s, up to 50 % jitter */
  reconnect?: BackoffPolicy | false | undefined;
  /** Whether a failed connection attempt is worth repeating. @default isRetryableFailure */
  shouldReconnect?: ((error: unknown) => boolean) | undefined;
  /** A connection that lasts this long restarts the backoff from its first delay, in milliseconds. @default 10000 */
  stableAfterMs?: number | undefined;
  /** Health monitoring, or `false` for none. @default DEFAULT_HEALTH_OPTIONS */
  health?: Partial<HealthOptions> | false | undefined;
  /** The circuit breaker, or `false` for none. @default DEFAULT_BREAKER_OPTIONS */
  breaker?: Partial<BreakerOptions> | false | undefined;
}

/** One server, as given to `register()`. */
export interface ServerRegistration extends ServerPolicies {
  /** Its unique name, used in events, errors, statistics and (by default) as its tool prefix. */
  name: string;
  /** Connects it: builds its transport and client and completes the handshake. Called again for every reconnection. */
  connect: ConnectFn;
  /** Whether it is switched on; a disabled server is not connected until `enable()`. @default true */
  enabled?: boolean | undefined;
  /** Free labels, for your own grouping; `list({ tag })` filters on them. @default [] */
  tags?: readonly string[] | undefined;
  /** The prefix of its tools and prompts in the catalog; `''` keeps their names as they are. @default its name */
  toolPrefix?: string | undefined;
  /**
   * Its tools (as it names them) that a host may call without asking the user first; the catalog
   * marks them `autoApproved`. The registry only reports it: asking is the host's. @default none
   */
  autoApprove?: readonly string[] | undefined;
}

/** Options of an `McpRegistry`. */
export interface McpRegistryOptions {
  /** Policies for every server; a server's own settings win. */
  defaults?: ServerPolicies | undefined;
  /** Builds catalog names from a server's prefix and a tool or prompt name. @default defaultNaming (`server__tool`) */
  naming?: NamingPolicy | undefined;
  /** How long a fetched list stays fresh when the server gives no `ttlMs`, in milliseconds. @default 60000 */
  catalogTtlMs?: number | undefined;
  /** Where time comes from; tests pass a manual clock. @default systemClock */
  clock?: Clock | undefined;
  /** How a `ConnectTimeoutError` names `connectTimeoutMs`, for a layer that exposes it under its own name (a config file, a command line). @default '`connectTimeoutMs`' */
  settingNames?: Pick<SettingNames, 'connectTimeoutMs'> | undefined;
  /**
   * Runs once when `close()` has closed every connection (after the snapshot is written, even if
   * that failed), for what the registry's owner ends with it: a shared store, say. It does not run
   * when `close()` refuses its options, since nothing is closed then; `close()` waits for it and
   * rejects with its error. @default none
   */
  onClosed?: (() => void | Promise<void>) | undefined;
}

const POLICY_KEYS = {
  connectTimeoutMs: true,
  requestTimeoutMs: true,
  reconnect: true,
  shouldReconnect: true,
  stableAfterMs: true,
  health: {
    intervalMs: true,
    degradedIntervalMs: true,
    timeoutMs: true,
    degradedLatencyMs: true,
    failureThreshold: true,
    check: true,
    jitter: true,
    random: true,
  } satisfies OptionKeys<HealthOptions>,
  breaker: { failureThreshold: true, resetTimeoutMs: true, isFailure: true } satisfies OptionKeys<BreakerOptions>,
} as const satisfies OptionKeys<ServerPolicies>;

const SERVER_REGISTRATION_KEYS = {
  ...POLICY_KEYS,
  name: true,
  connect: true,
  enabled: true,
  tags: true,
  toolPrefix: true,
  autoApprove: true,
} as const satisfies OptionKeys<ServerRegistration>;

/**
 * Every option of `McpRegistryOptions`, nested ones included, for `checkOptions`: a layer that
 * takes registry options in its own options (as `registry`, say) nests this to check them up front.
 */
export const MCP_REGISTRY_OPTION_KEYS = {
  defaults: POLICY_KEYS,
  naming: true,
  catalogTtlMs: true,
  clock: true,
  settingNames: { connectTimeoutMs: true } satisfies OptionKeys<NonNullable<McpRegistryOptions['settingNames']>>,
  onClosed: true,
} as const satisfies OptionKeys<McpRegistryOptions>;

const PER_SERVER = 'it is set per server: registry.register({ name, connect, ... })';
const BUILDS_CLIENTS = 'register() takes connect, a function (signal) => Promise<McpClient> that builds the transport and the client';
const REGISTRY_WIDE = 'it is set for the whole registry: new McpRegistry({ ... })';

/** What to do with keys of `new McpRegistry()` that belong to `register()`. */
const REGISTRY_OPTION_HINTS: Readonly<Record<string, string>> = {
  servers: 'register each server with registry.register({ name, connect })',
  name: PER_SERVER,
  connect: PER_SERVER,
  enabled: PER_SERVER,
  tags: PER_SERVER,
  toolPrefix: PER_SERVER,
};

/** What to do with keys of `register()` that belong to `new McpRegistry()` or to the client. */
const SERVER_REGISTRATION_HINTS: Readonly<Record<string, string>> = {
  defaults: "a server's own policies go at the top level: register({ name, connect, health, ... })",
  naming: REGISTRY_WIDE,
  catalogTtlMs: REGISTRY_WIDE,
  clock: REGISTRY_WIDE,
  settingNames: REGISTRY_WIDE,
  onClosed: REGISTRY_WIDE,
  transport: BUILDS_CLIENTS,
  client: BUILDS_CLIENTS,
  command: BUILDS_CLIENTS,
  url: BUILDS_CLIENTS,
};

/** Refuses options of `new McpRegistry()` that it does not know, naming where a misplaced one belongs. */
export function checkRegistryOptions(options: McpRegistryOptions): void {
  checkOptions(options, MCP_REGISTRY_OPTION_KEYS, { where: 'new McpRegistry(options)', hints: REGISTRY_OPTION_HINTS });
}

/** A server's configuration with every default applied; internal. */
export interface ResolvedServerRegistration {
  name: string;
  connect: ConnectFn;
  enabled: boolean;
  tags: string[];
  toolPrefix: string;
  autoApprove: ReadonlySet<string>;
  connectTimeoutMs: number;
  requestTimeoutMs: number | undefined;
  reconnect: BackoffPolicy | false;
  shouldReconnect: (error: unknown) => boolean;
  stableAfterMs: number;
  health: HealthOptions | false;
  breaker: BreakerOptions;
}

/** The default time after which a connection counts as stable: 10 seconds. */
export const DEFAULT_STABLE_AFTER_MS = 10_000;

/** Applies `defaults` and the built-in defaults to `config`, throwing a `ConfigError` that names a bad field. */
export function resolveServerRegistration(config: ServerRegistration, defaults: ServerPolicies = {}): ResolvedServerRegistration {
  const name = config?.name;
  if (typeof name !== 'string' || name.trim() === '') throw new ConfigError('register(): "name" must be a non-empty string');
  checkOptions(config, SERVER_REGISTRATION_KEYS, { where: 'register(server)', server: name, hints: SERVER_REGISTRATION_HINTS });
  const fail = (message: string): never => {
    throw new ConfigError(`register(): ${message}`, { server: name });
  };
  if (typeof config.connect !== 'function') fail('"connect" must be a function (signal) => Promise<McpClient>');
  const tags = config.tags ?? [];
  if (!isStringArray(tags)) fail('"tags" must be an array of strings');
  const toolPrefix = config.toolPrefix ?? name;
  if (typeof toolPrefix !== 'string') fail('"toolPrefix" must be a string');
  const autoApprove = config.autoApprove ?? [];
  if (!Array.isArray(autoApprove) || !autoApprove.every((tool) => typeof tool === 'string'))
    fail('"autoApprove" must be an array of tool names');

  const pick = <K extends keyof ServerPolicies>(key: K): ServerPolicies[K] => (config[key] === undefined ? defaults[key] : config[key]);
  const connectTimeoutMs = pick('connectTimeoutMs') ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const requestTimeoutMs = pick('requestTimeoutMs');
  const stableAfterMs = pick('stableAfterMs') ?? DEFAULT_STABLE_AFTER_MS;
  positive(connectTimeoutMs, 'connectTimeoutMs', fail);
  if (requestTimeoutMs !== undefined) positive(requestTimeoutMs, 'requestTimeoutMs', fail);
  nonNegative(stableAfterMs, 'stableAfterMs', fail);
  const reconnect = pick('reconnect') ?? exponentialBackoff();
  if (reconnect !== false && typeof reconnect !== 'function')
    fail('"reconnect" must be a backoff policy (attempt) => delayMs | undefined, or false');

  const healthSetting = pick('health');
  const health = healthSetting === false ? false : { ...DEFAULT_HEALTH_OPTIONS, ...(defaults.health || {}), ...(config.health || {}) };
  if (health !== false) {
    for (const key of ['intervalMs', 'degradedIntervalMs', 'timeoutMs'] as const) positive(health[key], `health.${key}`, fail);
    nonNegative(health.degradedLatencyMs, 'health.degradedLatencyMs', fail);
    count(health.failureThreshold, 'health.failureThreshold', fail);
    if (typeof health.check !== 'function') fail('"health.check" must be a function');
    if (health.jitter !== undefined && (typeof health.jitter !== 'number' || !(health.jitter >= 0 && health.jitter <= 1)))
      fail(`"health.jitter" must be a share from 0 to 1, got ${String(health.jitter)}`);
    if (health.random !== undefined && typeof health.random !== 'function')
      fail('"health.random" must be a function () => number from 0 (inclusive) to 1 (exclusive)');
  }
  const breakerSetting = pick('breaker');
  const breaker: BreakerOptions =
    breakerSetting === false
      ? { ...DEFAULT_BREAKER_OPTIONS, failureThreshold: Infinity }
      : { ...DEFAULT_BREAKER_OPTIONS, ...(defaults.breaker || {}), ...(config.breaker || {}) };
  if (breakerSetting !== false) {
    count(breaker.failureThreshold, 'breaker.failureThreshold', fail);
    nonNegative(breaker.resetTimeoutMs, 'breaker.resetTimeoutMs', fail);
  }
  return {
    name,
    connect: config.connect,
    enabled: config.enabled ?? true,
    tags: [...tags],
    toolPrefix,
    autoApprove: new Set(autoApprove),
    connectTimeoutMs,
    requestTimeoutMs,
    reconnect,
    shouldReconnect: pick('shouldReconnect') ?? isRetryableFailure,
    stableAfterMs,
    health,
    breaker,
  };
}

type Fail = (message: string) => never;

function isStringArray(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function positive(value: number, field: string, fail: Fail): void {
  if (typeof value !== 'number' || !(value > 0)) fail(`"${field}" must be a positive number of milliseconds, got ${String(value)}`);
}

function nonNegative(value: number, field: string, fail: Fail): void {
  if (typeof value !== 'number' || !(value >= 0)) fail(`"${field}" must be zero or more, got ${String(value)}`);
}

function count(value: number, field: string, fail: Fail): void {
  if (!Number.isInteger(value) || value < 1) fail(`"${field}" must be a whole number of at least 1, got ${String(value)}`);
}
