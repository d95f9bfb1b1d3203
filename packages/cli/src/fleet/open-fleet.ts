import type { ServerConfig } from '@mcpx/factory';
import type { McpRegistry, RegisteredServer, StateChange } from '@mcpx/registry';
import { didYouMean } from '../args/suggest.js';
import type { Context } from '../context.js';
import { CliError, UsageError } from '../errors/cli-error.js';
import { EXIT } from '../exit-codes.js';
import { StatusLine } from '../terminal/status-line.js';
import { interactionHandlers, interactionSettings, type InteractionSettings } from './interaction.js';
import { loadFleetConfig, type LoadedConfig } from './load-fleet-config.js';
import { cliSettingNames } from './setting-names.js';

/** How to bring a fleet up for one command. */
export interface FleetOptions {
  /** The config, when the command has loaded it already. */
  readonly loaded?: LoadedConfig | undefined;
  /** The servers to use, by name; every enabled one when empty. A named disabled server is enabled. */
  readonly select?: readonly string[] | undefined;
  /** Health checks every `intervalMs`, or none (`false`, the default: one-shot commands need none). */
  readonly health?: { readonly intervalMs: number } | false | undefined;
  /** Reconnect dropped servers in the background. @default false: a server that fails is reported, not retried */
  readonly reconnect?: boolean | undefined;
  /** Called on every state change, for commands that show the fleet coming up. */
  readonly onState?: ((change: StateChange) => void) | undefined;
}

/** A registry built from the config, with what the commands need around it. */
export interface Fleet {
  readonly registry: McpRegistry;
  readonly loaded: LoadedConfig;
  /** The servers in use, in config order. */
  readonly servers: readonly ServerConfig[];
  /** The progress line on stderr (enabled on a terminal). */
  readonly status: StatusLine;
  /** The server the command is talking to, named when a server asks a question. */
  current: string;
  /** The servers in use that are expected up (enabled or named) but are not. */
  down(): RegisteredServer[];
  /** Closes every connection; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Loads the config, registers the selected servers in a registry and connects them, with the
 * CLI's elicitation and sampling handlers. A server that fails to connect does not make this
 * throw: see `down()`.
 */
export async function openFleet(context: Context, options: FleetOptions = {}): Promise<Fleet> {
  const settings: InteractionSettings = interactionSettings(context);
  const loaded = options.loaded ?? (await loadFleetConfig(context));
  const names = options.select ?? [];
  const known = loaded.config.servers.map((server) => server.name);
  for (const name of names) {
    if (!known.includes(name)) {
      throw new UsageError(`no server named "${name}" in ${loaded.file}${didYouMean(name, known)}`, { hint: `its servers: ${known.join(', ') || 'none'}` });
    }
  }
  const servers = names.length === 0 ? loaded.config.servers : loaded.config.servers.filter((server) => names.includes(server.name));
  if (servers.length === 0) throw new CliError(`${loaded.file} has no servers`, EXIT.config, { hint: 'add one under "mcpServers", or run mcpx config init' });

  const status = new StatusLine(context.io.stderr, context.io.stderr.isTTY === true);
  let current = servers.length === 1 ? servers[0]!.name : 'a server';
  const handlers = interactionHandlers(context, settings, status, () => current);
  const { createRegistry } = await import('@mcpx/factory');
  const registry = await createRegistry(
    { servers },
    {
      connect: false,
      client: {
        name: 'mcpx',
        version: __MCPX_VERSION__,
        ...handlers,
        ...(context.timeoutMs === undefined ? {} : { requestTimeout: context.timeoutMs }),
        settingNames: cliSettingNames(context),
      },
      connectTimeoutMs: context.connectTimeoutMs,
      registry: { defaults: { reconnect: options.reconnect ? undefined : false, health: options.health ? { intervalMs: options.health.intervalMs, degradedIntervalMs: options.health.intervalMs } : false } },
      onDiagnostic: (event) => {
        if (context.verbose) context.note(context.err.dim(`[${event.server}] ${event.message}`));
      },
    },
  );
  registry.on('state', (change) => {
    if (context.verbose) context.note(context.err.dim(`[${change.server}] ${change.from} → ${change.to}: ${change.reason}`));
    if (context.verbose && change.to === 'connected') watchDiagnostics(context, registry, change.server);
    options.onState?.(change);
  });

  const expected = (server: ServerConfig): boolean => server.enabled || names.includes(server.name);
  let closing: Promise<void> | undefined;
  const fleet: Fleet = {
    registry,
    loaded,
    servers,
    status,
    get current() {
      return current;
    },
    set current(name: string) {
      current = name;
    },
    down: () =>
      servers
        .filter(expected)
        .map((server) => registry.get(server.name)!)
        .filter((view) => view.state !== 'connected' && view.state !== 'degraded'),
    close: () => (closing ??= registry.close({ deadlineMs: 1000 }).then(() => status.clear())),
  };

  const connecting = Promise.all([registry.connectAll(), ...servers.filter((server) => !server.enabled && names.includes(server.name)).map((server) => registry.enable(server.name))]);
  try {
    await untilAborted(connecting, context.signal);
  } catch (error) {
    await fleet.close();
    throw error;
  }
  return fleet;
}

/** A line for a server that is not up: its state and last error. */
export function describeDown(view: RegisteredServer): string {
  const reason = view.lastError === undefined ? '' : `: ${view.lastError.message}`;
  return `${view.name} is ${view.state}${reason}`;
}

/** Notes every server that is not up on stderr; true when there was one. */
export function reportDown(context: Context, fleet: Fleet): boolean {
  const down = fleet.down();
  for (const view of down) context.note(`${context.err.red('mcpx:')} ${describeDown(view)}`);
  return down.length > 0;
}

/** Resolves or rejects with `work`, or rejects with the abort reason as soon as `signal` aborts. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function watchDiagnostics(context: Context, registry: McpRegistry, name: string): void {
  const client = registry.get(name)?.client;
  if (client === undefined) return;
  const note = (text: string): void => context.note(context.err.dim(`[${name}] ${text}`));
  client.on('diagnostic', (event) => note(event.type === 'info' ? event.message : `${event.type === 'stderr' ? 'stderr' : 'stdout (not JSON-RPC)'}: ${event.line}`));
  client.on('notification', (event) => {
    if (event.method !== 'notifications/message') return;
    const { level, logger, data } = event.params as { level?: string; logger?: string; data?: unknown };
    note(`${level ?? 'log'}${logger === undefined ? '' : ` ${logger}`}: ${typeof data === 'string' ? data : JSON.stringify(data)}`);
  });
}
