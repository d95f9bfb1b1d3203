import type { ConnectOptions, McpClientOptions } from '../client/options.js';
import { defaultEraCache } from '../era/era-cache.js';
import type { EraSession } from '../era/era-session.js';
import { establishSession, type Connection, type EstablishOptions } from '../era/establish.js';
import type { SessionParts } from '../era/session-parts.js';
import { ConnectTimeoutError } from '../errors/connect-timeout-error.js';
import type { JsonRpcEngine } from '../jsonrpc/engine.js';
import type { Transport, TransportFactory } from '../transport.js';
import type { ClientCapabilities, Implementation } from '../types/index.js';
import { connectFailure } from './connect-failure.js';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_PROBE_TIMEOUT_MS } from './defaults.js';
import { DEFAULT_NON_JSON_GRACE_MS, OutputWatch } from './output-watch.js';
import { untilAborted } from '../util/until-aborted.js';

/** What one `connect()` is made of. */
export interface HandshakeOptions {
  /** The transport given to `connect()`, or the function that creates one. */
  transport: Transport | TransportFactory;
  /** Builds the client's engine over a transport and makes it the current one; `watch` is told what the server writes. */
  attach: (transport: Transport, watch: OutputWatch) => JsonRpcEngine;
  /** The client's options: era, revision, probe, era cache, timeouts, setting names. */
  client: McpClientOptions;
  clientInfo: Implementation;
  capabilities: ClientCapabilities;
  /** The options of this `connect()` call. */
  call: ConnectOptions;
  /** What the client gives the session the handshake makes. */
  parts: SessionParts;
  /** Aborted, with a `ConnectionClosedError`, when the client is closed while it connects. */
  closed?: AbortSignal | undefined;
}

/**
 * Connects: starts the transport and runs the handshake within one deadline (`connectTimeoutMs`,
 * not `requestTimeoutMs`), starts the server again when the era probe ended it (when the
 * transport can be created again), and turns a failure into an error about connecting. Resolves
 * with the session strategy of the era the server speaks.
 */
export async function runHandshake(options: HandshakeOptions): Promise<EraSession> {
  const { client, call } = options;
  const server = client.server;
  const timeoutMs = call.timeoutMs ?? client.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const create = typeof options.transport === 'function' ? options.transport : undefined;
  const deadline = new AbortController();
  const expire = (): void => deadline.abort(new ConnectTimeoutError(server, timeoutMs, { setting: client.settingNames?.connectTimeoutMs }));
  const timer = Number.isFinite(timeoutMs) ? setTimeout(expire, timeoutMs) : undefined;
  const signals = [call.signal, deadline.signal, options.closed].filter((one): one is AbortSignal => one !== undefined);
  const signal = signals.length === 1 ? deadline.signal : AbortSignal.any(signals);
  const watch = new OutputWatch(client.nonJsonGraceMs ?? DEFAULT_NON_JSON_GRACE_MS, server);
  let current: Connection | undefined;
  const open = async (transport: Transport): Promise<Connection> => {
    signal.throwIfAborted();
    const connection = { engine: options.attach(transport, watch), transport };
    current = connection;
    await untilAborted(transport.start(), signal);
    return connection;
  };
  const reopen =
    create === undefined
      ? undefined
      : async (): Promise<Connection> => {
          // The connection is being replaced: a failure to close the old one leaves nothing to do.
          await current?.engine.close().catch(() => undefined);
          return open(create());
        };
  const establish: EstablishOptions = {
    clientInfo: options.clientInfo,
    capabilities: options.capabilities,
    era: client.era ?? 'auto',
    protocolVersion: client.protocolVersion,
    probeTimeoutMs: client.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS,
    cache: client.eraCache === false ? undefined : (client.eraCache ?? defaultEraCache),
    server,
    reopen,
    stepSignal: () => watch.step(),
    parts: options.parts,
  };
  try {
    const first = await open(create === undefined ? (options.transport as Transport) : create());
    return await establishSession(first, establish, { signal, timeoutMs: Infinity });
  } catch (error) {
    if (options.closed?.aborted === true) throw options.closed.reason;
    throw connectFailure(error, { signal: call.signal, deadline: deadline.signal, watch, server, reopenable: create !== undefined });
  } finally {
    clearTimeout(timer);
    watch.dispose();
  }
}
