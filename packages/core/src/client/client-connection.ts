import { runHandshake } from '../connect/run-handshake.js';
import type { OutputWatch } from '../connect/output-watch.js';
import type { EraSession, SchemaPick } from '../era/era-session.js';
import { sessionParts, type SessionChannel, type SessionParts } from '../era/session-parts.js';
import { CapabilityError } from '../errors/capability-error.js';
import { ConfigError } from '../errors/config-error.js';
import { ConnectionClosedError } from '../errors/connection-closed-error.js';
import type { ExtensionRegistry } from '../extensions/extension-registry.js';
import type { JsonRpcEngine } from '../jsonrpc/engine.js';
import type { ServerSession } from '../session.js';
import type { Transport, TransportFactory } from '../transport.js';
import type { ClientCapabilities, Implementation } from '../types/index.js';
import { deriveClientCapabilities } from './capabilities.js';
import { createClientEngine } from './client-engine.js';
import type { ClientEvents, ClientState } from './events.js';
import type { Metrics } from './metrics.js';
import { checkConnectOptions, type CallOptions, type ConnectOptions, type McpClientOptions } from './options.js';
import type { OutputSchemaValidator } from './output-schema.js';
import type { ToolExecutions } from './tool-executions.js';
import { RequestPipeline, type Seal } from './request-pipeline.js';

/** What an `McpClient` gives its connection: the parts that outlive one connection. */
export interface ConnectionParts {
  readonly options: McpClientOptions;
  readonly clientInfo: Implementation;
  readonly emitter: ClientEvents;
  readonly stats: Metrics;
  readonly outputSchemas: OutputSchemaValidator;
  /** The `execution` of the listed tools, which says whether a 2025-11-25 call runs as a task. */
  readonly toolExecutions: ToolExecutions;
  readonly extensions: ExtensionRegistry;
}

/**
 * The connection side of an `McpClient`: its lifecycle (connect, close, the state and its events),
 * the era session the handshake chose, and the gate every request passes (connected, the server
 * advertised what the method needs, then the request pipeline).
 */
export class ClientConnection implements SessionChannel {
  /** What the client gave: its options and the parts that outlive one connection. */
  readonly parts: ConnectionParts;
  private readonly pipeline: RequestPipeline;
  /** What every era session of this client is given; it holds what outlives a connection. */
  private readonly sessionParts: SessionParts;
  private engine: JsonRpcEngine | undefined;
  /** How the current connection speaks its era: what the handshake chose. */
  private current: EraSession | undefined;
  private currentState: ClientState = 'idle';
  /** Aborts the `connect()` under way when the client is closed meanwhile. */
  private connecting: AbortController | undefined;

  constructor(parts: ConnectionParts) {
    this.parts = parts;
    const { options, clientInfo, emitter, extensions } = parts;
    this.pipeline = new RequestPipeline(options);
    // The connection is its sessions' channel: no wrapper object or closure a client.
    this.sessionParts = sessionParts({ channel: this, options, clientInfo, emitter, extensions });
  }

  /** The current lifecycle state. */
  get state(): ClientState {
    return this.currentState;
  }

  /** The era session of the connection; undefined before the first handshake succeeded. */
  get era(): EraSession | undefined {
    return this.current;
  }

  /** Starts the transport and performs the handshake; see `McpClient.connect`. */
  async connect(transport: Transport | TransportFactory, options: ConnectOptions): Promise<ServerSession> {
    const { options: client, clientInfo } = this.parts;
    if (this.currentState !== 'idle' && this.currentState !== 'closed') {
      throw new ConfigError(`connect() called while the client is ${this.currentState}; close it first`, { server: client.server });
    }
    checkConnectOptions(options, client.server);
    this.setState('connecting');
    const connecting = (this.connecting = new AbortController());
    let era: EraSession;
    try {
      era = this.current = await runHandshake({
        transport,
        attach: (opened, watch) => (this.engine = this.createEngine(opened, watch)),
        client,
        clientInfo,
        capabilities: this.clientCapabilities(),
        call: options,
        parts: this.sessionParts,
        closed: connecting.signal,
      });
    } catch (error) {
      this.setState('closed', error instanceof Error ? error : undefined);
      // The handshake's error is the one to throw; a failure to close what it opened adds nothing.
      await this.engine?.close().catch(() => undefined);
      throw error;
    } finally {
      if (this.connecting === connecting) this.connecting = undefined;
    }
    if (connecting.signal.aborted) {
      // Closed between the server's answer and now: close() has ended the engine already.
      era.close();
      throw connecting.signal.reason as Error;
    }
    this.parts.stats.started();
    this.setState('connected');
    era.start();
    return era.info;
  }

  /** Closes the connection; pending requests reject with `ConnectionClosedError`. */
  async close(): Promise<void> {
    // A connect() under way stops at its next step: no probe on the closed engine, no reopening.
    this.connecting?.abort(
      new ConnectionClosedError('the client was closed while it connected', { server: this.parts.options.server, operation: 'connecting' }),
    );
    const engine = this.engine;
    if (engine === undefined || this.currentState === 'closed') return;
    this.setState('closing');
    this.current?.close();
    await engine.close();
    this.setState('closed');
  }

  /** Sends the request of a typed method through the era session and parses its result with the schema `schema` picks. */
  call<T>(method: string, params: Record<string, unknown> | undefined, schema: SchemaPick<T>, options?: CallOptions): Promise<T> {
    return this.active(method, (era) => era.call(method, params, schema, options));
  }

  /** Runs `work` with the session of the connection; rejects when there is none (never connected, or closed). */
  active<T>(what: string | { operation: string }, work: (era: EraSession) => Promise<T>): Promise<T> {
    const session = this.current;
    if (session === undefined || this.currentState !== 'connected') return Promise.reject(this.notConnected(what));
    return work(session);
  }

  /** The engine of the connection, to send a notification with; throws `ConnectionClosedError` when not connected. */
  connected(method: string): JsonRpcEngine {
    if (this.currentState === 'connected' && this.engine !== undefined) return this.engine;
    throw this.notConnected(method);
  }

  /** Where `method` was sent, as errors report it. */
  where(method: string): { server: string | undefined; method: string } {
    return { server: this.parts.options.server, method };
  }

  /** What every request of a session goes through (its `SessionChannel`): the client's state and capability checks, then its request pipeline. */
  request(
    method: string,
    params: Record<string, unknown> | undefined,
    options: CallOptions,
    seal?: Seal,
  ): Promise<Record<string, unknown>> {
    let engine: JsonRpcEngine;
    try {
      engine = this.connected(method);
      this.checkCapability(method);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.pipeline.send(engine, method, params, options, seal);
  }

  private checkCapability(method: string): void {
    const session = this.current;
    if (this.parts.options.strictCapabilities === false || session === undefined) return;
    const missing = session.missingCapability(method, this.parts.extensions.extensionOf(method));
    if (missing !== undefined) throw new CapabilityError(missing, this.where(method));
  }

  private notConnected(what: string | { operation: string }): ConnectionClosedError {
    const hint =
      this.currentState === 'idle' || this.currentState === 'connecting'
        ? 'call connect() first and wait for it'
        : 'the client is closed; connect again';
    const where = typeof what === 'string' ? this.where(what) : { server: this.parts.options.server, ...what };
    return new ConnectionClosedError(`not connected (${this.currentState}): ${hint}`, where);
  }

  private createEngine(transport: Transport, watch: OutputWatch): JsonRpcEngine {
    const { options, emitter, stats, outputSchemas, toolExecutions } = this.parts;
    const closed = (engine: JsonRpcEngine, reason: Error | undefined): void => {
      // While connecting, the handshake reports the failure (or opens a new connection).
      if (this.engine !== engine || this.currentState !== 'connected') return;
      // The transport dropped on its own: the session lets go of what it holds (the cache store's subscription).
      this.current?.close();
      this.setState('closed', reason);
    };
    const completions = this.sessionParts.elicitations;
    return createClientEngine(transport, watch, {
      options,
      emitter,
      stats,
      outputSchemas,
      toolExecutions,
      completions,
      session: () => this.current,
      closed,
    });
  }

  private setState(to: ClientState, reason?: Error): void {
    const from = this.currentState;
    if (from === to) return;
    this.currentState = to;
    this.parts.emitter.emit('state', { from, to, reason });
  }

  private clientCapabilities(): ClientCapabilities {
    const { sampling, samplingTools, elicitation, urlElicitation, roots, capabilities } = this.parts.options;
    const handlers = {
      sampling: !!sampling,
      samplingTools: !!sampling && samplingTools === true,
      elicitation: !!elicitation,
      urlElicitation: !!urlElicitation,
      roots: !!roots,
    };
    return deriveClientCapabilities(handlers, capabilities, this.parts.extensions.capabilities());
  }
}
