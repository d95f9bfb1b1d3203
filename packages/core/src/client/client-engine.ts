import type { OutputWatch } from '../connect/output-watch.js';
import type { EraSession } from '../era/era-session.js';
import { DEFAULT_REQUEST_TIMEOUT_MS, JsonRpcEngine } from '../jsonrpc/engine.js';
import type { Transport } from '../transport.js';
import { trafficObserver, type ClientEvents } from './events.js';
import { installInboundHandlers } from './inbound-handlers.js';
import type { ElicitationCompletions } from './elicitation-completions.js';
import type { Metrics } from './metrics.js';
import type { McpClientOptions } from './options.js';
import type { OutputSchemaValidator } from './output-schema.js';
import type { ToolExecutions } from './tool-executions.js';

/** The parts of an `McpClient` its engine reports to. */
export interface ClientParts {
  readonly options: McpClientOptions;
  readonly emitter: ClientEvents;
  readonly stats: Metrics;
  readonly outputSchemas: OutputSchemaValidator;
  readonly toolExecutions: ToolExecutions;
  /** Where URL elicitations wait for their completion notifications. */
  readonly completions: ElicitationCompletions;
  /** The era session, once the handshake is done. */
  session(): EraSession | undefined;
  /** Told when this engine's connection ended. */
  closed(engine: JsonRpcEngine, reason: Error | undefined): void;
}

/**
 * The engine of one connection of a client: its timeouts and setting names, traffic events and
 * metrics, diagnostics (what is not JSON also goes to the handshake's `watch`), notifications
 * taken in by the era session, the output-schema cache, and the inbound handlers.
 */
export function createClientEngine(transport: Transport, watch: OutputWatch, parts: ClientParts): JsonRpcEngine {
  const { options, emitter } = parts;
  const engine = new JsonRpcEngine(transport, {
    server: options.server,
    timeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    settingNames: options.settingNames,
    observer: { ...trafficObserver(emitter, parts.stats), messageReceived: () => watch.message() },
    onerror: (error) => emitter.emit('error', { error }),
    onclose: (reason) => parts.closed(engine, reason),
  });
  transport.ondiagnostic = (event) => {
    if (event.type === 'non-json') watch.nonJson(event.line);
    emitter.emit('diagnostic', event);
  };
  engine.onNotification('*', (params, method) => {
    if (parts.session()?.receive(method, params) === false) return;
    if (method === 'notifications/tools/list_changed') {
      parts.outputSchemas.remember([], true);
      parts.toolExecutions.remember([], true);
    }
    emitter.emit('notification', { method, params });
  });
  installInboundHandlers(engine, options, parts.completions);
  return engine;
}
