import type { SamplingHandler } from '@mcpx/core';
import { untilAborted } from '@mcpx/core/internal';
import type { ServerConfig } from '@mcpx/factory';
import type { McpRegistry, RegisteredServer, StateChange } from '@mcpx/registry';
import { didYouMean } from '../args/suggest.js';
import type { Context } from '../context.js';
import { CliError, UsageError } from '../errors/cli-error.js';
import { EXIT } from '../exit-codes.js';
import { ConnectSpinner } from '../terminal/connect-spinner.js';
import { StatusLine } from '../terminal/status-line.js';
import { interactionHandlers, interactionSettings, type InteractionSettings } from './interaction.js';
import { loadFleetConfig, type LoadedConfig } from './load-fleet-config.js';
import { InteractionQueue } from './interaction-queue.js';
import { SamplingRefusals } from './sampling-refusals.js';
import { cliSettingNames } from './setting-names.js';
import { cliExtensions } from './extensions.js';
import { cliOAuthOptions, cliTokenStore } from '../auth/oauth-options.js';
import { logInWhereNeeded, mayLogIn } from './log-in-needed.js';
import { openSharedStores } from './shared-store.js';

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
  /** A spinner on stderr while the servers connect, on a terminal (not with --verbose, whose lines it would cut). @default true */
  readonly spinner?: boolean | undefined;
  /** Given the fleet as soon as its servers start connecting, for commands that show them connecting. */
  readonly whileConnecting?: ((fleet: Fleet) => void) | undefined;
  /** Answers servers' sampling requests when no `--sampling-command` is given (`mcpx chat`: its model). @default refused */
  readonly sampling?: SamplingHandler | undefined;
  /** The queue of questions asked at the terminal, for a command that asks its own in turn with the servers'. @default a new one */
  readonly interactions?: InteractionQueue | undefined;
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
  /** Sampling requests refused, to explain once; `close()` notes those nothing printed explained. */
  readonly refusals: SamplingRefusals;
  /** The questions servers ask at the terminal, one at a time: wait for `idle()` before asking one of mcpx's own. */
  readonly interactions: InteractionQueue;
  /** The servers in use that are expected up (enabled or named) but are not. */
  down(): RegisteredServer[];
  /** Whether the server was up at some point of this run. */
  wasUp(name: string): boolean;
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
      throw new UsageError(`no server named "${name}" in ${loaded.file}${didYouMean(name, known)}`, {
        hint: `its servers: ${known.join(', ') || 'none'}`,
      });
    }
  }
  const servers = names.length === 0 ? loaded.config.servers : loaded.config.servers.filter((server) => names.includes(server.name));
  if (servers.length === 0)
    throw new CliError(`${loaded.file} has no servers`, EXIT.config, { hint: 'add one under "mcpServers", or run mcpx config init' });

  const status = new StatusLine(context.io.stderr, context.io.stderr.isTTY === true);
  let current = servers.length === 1 ? servers[0]!.name : 'a server';
  const refusals = new SamplingRefusals(context);
  const interactions = options.interactions ?? new InteractionQueue();
  const handlers = interactionHandlers(context, settings, status, () => current, refusals, interactions, options.sampling);
  const { createRegistry } = await import('@mcpx/factory');
  const stores = await openSharedStores(context, loaded);
  const tokens = stores?.tokens ?? cliTokenStore(context);
  // Read when a request is traced, once the registry below exists and its server is connected.
  const made: { registry?: McpRegistry } = {};
  const middleware = context.tracing?.middleware((server) => made.registry?.get(server)?.client?.protocolVersion);
  const registry = await createRegistry(
    { servers },
    {
      store: stores,
      connect: false,
      client: {
        name: 'mcpx',
        version: __MCPX_VERSION__,
        ...handlers,
        ...(context.timeoutMs === undefined ? {} : { requestTimeoutMs: context.timeoutMs }),
        settingNames: cliSettingNames(context),
        extensions: cliExtensions(),
        ...(middleware === undefined ? {} : { middleware: [middleware] }),
      },
      connectTimeoutMs: context.connectTimeoutMs,
      oauth: cliOAuthOptions(context, tokens),
      ...(context.tracing === undefined ? {} : { onHttpRetry: context.tracing.retry }),
      registry: {
        defaults: {
          reconnect: options.reconnect ? undefined : false,
          health: options.health ? { intervalMs: options.health.intervalMs, degradedIntervalMs: options.health.intervalMs } : false,
        },
      },
      onDiagnostic: (event) => {
        if (context.verbose) context.note(context.err.dim(`[${event.server ?? 'store'}] ${event.message}`));
      },
    },
  ).catch(async (error: unknown) => {
    // The error that stopped the fleet is the one to report; closing the store adds nothing.
    await stores?.close().catch(() => undefined);
    throw error;
  });
  made.registry = registry;
  const tracing = context.tracing;
  if (tracing !== undefined) registry.on('reconnect', (event) => tracing.reconnect(event));
  const expected = (server: ServerConfig): boolean => server.enabled || names.includes(server.name);
  const spinner =
    options.spinner !== false && !context.verbose
      ? new ConnectSpinner(
          status,
          context.err,
          servers.filter(expected).map((server) => server.name),
        )
      : undefined;
  const up = new Set<string>();
  registry.on('state', (change) => {
    if (change.to === 'connected' || change.to === 'degraded') up.add(change.server);
    if (change.from === 'connecting') spinner?.settled(change.server);
    if (context.verbose) context.note(context.err.dim(`[${change.server}] ${change.from} → ${change.to}: ${change.reason}`));
    if (context.verbose && change.to === 'connected') watchDiagnostics(context, registry, change.server);
    options.onState?.(change);
  });

  let closing: Promise<void> | undefined;
  const fleet: Fleet = {
    registry,
    loaded,
    servers,
    status,
    refusals,
    interactions,
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
    wasUp: (name) => up.has(name),
    close: () =>
      (closing ??= registry
        .close({ deadlineMs: 1000 })
        .then(() => {
          status.clear();
          refusals.flush();
        })
        .finally(() => stores?.close())),
  };

  spinner?.start();
  const connecting = Promise.all([
    registry.connectAll(),
    ...servers.filter((server) => !server.enabled && names.includes(server.name)).map((server) => registry.enable(server.name)),
  ]);
  options.whileConnecting?.(fleet);
  try {
    await untilAborted(connecting, context.signal);
    if (mayLogIn(context)) {
      spinner?.stop();
      await logInWhereNeeded(context, registry, servers, tokens);
    }
  } catch (error) {
    spinner?.stop();
    await fleet.close();
    throw error;
  }
  // Gone before the command prints anything.
  spinner?.stop();
  return fleet;
}

function watchDiagnostics(context: Context, registry: McpRegistry, name: string): void {
  const client = registry.get(name)?.client;
  if (client === undefined) return;
  const note = (text: string): void => context.note(context.err.dim(`[${name}] ${text}`));
  client.on('diagnostic', (event) =>
    note(event.type === 'info' ? event.message : `${event.type === 'stderr' ? 'stderr' : 'stdout (not JSON-RPC)'}: ${event.line}`),
  );
  client.on('notification', (event) => {
    if (event.method !== 'notifications/message') return;
    const { level, logger, data } = event.params as { level?: string; logger?: string; data?: unknown };
    note(`${level ?? 'log'}${logger === undefined ? '' : ` ${logger}`}: ${typeof data === 'string' ? data : JSON.stringify(data)}`);
  });
}

export { untilAborted };
