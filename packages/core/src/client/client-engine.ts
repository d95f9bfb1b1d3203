import type { OutputWatch } from '../connect/output-watch.js';
import type { EraSession } from '../era/era-session.js';
import { DEFAULT_REQUEST_TIMEOUT_MS, JsonRpcEngine } from '../jsonrpc/engine.js';
import type { Transport } from '../transport.js';
import { TrafficObserver, type ClientEvents } from './events.js';
import { createTaskReceiver } from '../legacy/task-receiver/create-task-receiver.js';
import { CLIENT_HOSTED_TASK_VERSIONS } from '../legacy/task-receiver/task-capabilities.js';
import { clientRequestHandler, installInboundHandlers } from './inbound-handlers.js';
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
 * taken in by the era session, the output-schema cache, and the inbound handlers (with the tasks
 * it runs for the server, cancelled when it closes).
 */
export function createClientEngine(transport: Transport, watch: OutputWatch, parts: ClientParts): JsonRpcEngine {
  const { options, emitter } = parts;
  const tasks = createTaskReceiver(options, {
    server: options.server,
    // What the handshake declared, on a connection whose negotiated revision has client-hosted tasks.
    declared: () => {
      const info = parts.session()?.info;
      return info !== undefined && CLIENT_HOSTED_TASK_VERSIONS.includes(info.protocolVersion) ? info.clientCapabilities : undefined;
    },
    notify: (method, params) => engine.notify(method, params),
  });
  const engine = new JsonRpcEngine(transport, {
    server: options.server,
    timeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    settingNames: options.settingNames,
    observer: new TrafficObserver(emitter, parts.stats, watch),
    sharedRequestHandler: clientRequestHandler,
    onerror: (error) => emitter.emit('error', { error }),
    onclose: (reason) => {
      tasks?.close();
      parts.closed(engine, reason);
    },
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
  installInboundHandlers(engine, options, parts.completions, tasks);
  return engine;
}
