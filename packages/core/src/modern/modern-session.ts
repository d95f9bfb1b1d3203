import type { CallOptions } from '../client/options.js';
import { parseResult } from '../client/result-parser.js';
import type { EraSession, NotificationFilter, SchemaPick, TaskPage } from '../era/era-session.js';
import { CapabilityError } from '../errors/capability-error.js';
import type { TaskDriver, TaskDriverContext } from '../tasks/task-driver.js';
import { missingServerCapability } from '../client/capabilities.js';
import { modernTaskDriver } from './modern-tasks.js';
import type { SessionParts } from '../era/session-parts.js';
import type { Seal } from '../client/request-pipeline.js';
import { HeaderMismatchError } from '../errors/header-mismatch-error.js';
import { TransportError } from '../errors/transport-error.js';
import type { ServerSession } from '../session.js';
import type { Transport } from '../transport.js';
import type { CallToolResult, LoggingLevel } from '../types/index.js';
import { mergeContext } from '../middleware/request-context.js';
import { bypassesCache } from './cache-bypass.js';
import { withEnvelope, type Envelope } from './envelope.js';
import { modernRequest } from './modern-request.js';
import { MODERN_RESULT_SCHEMAS } from './result-schemas.js';
import { MirroredArguments } from './tool-arguments.js';
import type { ResponseCache } from './response-cache.js';

/**
 * A connection in the 2026-07-28 era: stateless, every request carries the `_meta` envelope
 * (revision, client info and capabilities, log level), `server/discover` stands in for ping,
 * `subscriptions/listen` for subscriptions, results may ask for input and carry cache hints.
 * Over a binding that mirrors tool arguments into headers, it reads the tools' `x-mcp-header`
 * annotations and hands each call's values to the transport.
 */
export class ModernSession implements EraSession {
  private readonly envelope: Envelope;
  /** Adds the envelope to the params of a request, once the client's middleware ran. */
  private readonly seal: Seal;
  /** The tools' mirrored arguments, when the transport mirrors them. */
  private readonly mirrored: MirroredArguments | undefined;
  /** The response cache for this server; undefined when caching is off. */
  private readonly cache: ResponseCache | undefined;
  /** Stops evicting on the invalidations other clients of the store publish. */
  private unlisten: (() => void) | undefined;

  constructor(
    readonly info: ServerSession,
    private readonly transport: Transport,
    private readonly parts: SessionParts,
  ) {
    this.envelope = { protocolVersion: info.protocolVersion, clientInfo: parts.clientInfo, clientCapabilities: info.clientCapabilities };
    this.mirrored = transport.mirrorsToolArguments === true ? new MirroredArguments() : undefined;
    this.seal = (params, options) => ({ params: this.enveloped(params, options) });
    this.cache = parts.modern.cacheFor(transport.description, info.protocolVersion, info.clientCapabilities);
  }

  send(method: string, params: Record<string, unknown> | undefined, options: CallOptions = {}): Promise<Record<string, unknown>> {
    const { channel } = this.parts;
    const mirrored = this.mirrored;
    if (mirrored === undefined) return channel.request(method, params, options, this.seal);
    if (method === 'tools/call') return this.callMirroredTool(mirrored, params ?? {}, options);
    if (method === 'tools/list') return channel.request(method, params, options, this.seal).then((result) => this.learn(mirrored, result));
    return channel.request(method, params, options, this.seal);
  }

  call<T>(method: string, params: Record<string, unknown> | undefined, schema: SchemaPick<T>, options: CallOptions = {}): Promise<T> {
    const { options: client } = this.parts;
    const where = { server: client.server, method };
    // The result is parsed in the request's continuation: a call in flight holds no suspended frame, nor a second continuation.
    const pick = (MODERN_RESULT_SCHEMAS[method] as SchemaPick<T> | undefined) ?? schema;
    try {
      return modernRequest(
        {
          send: (sent) => this.send(method, sent, options),
          cache: bypassesCache(options) ? undefined : this.cache,
          handlers: client,
          where,
          signal: options.signal,
          // As the request-context middleware merges them, so that a cached result never goes to another user.
          requestContext: mergeContext(client.context, options.context),
          options,
          maxRounds: client.maxInputRounds,
          extensions: this.parts.extensions,
        },
        params,
        (result) => parseResult(result, pick, where),
      );
    } catch (error) {
      return Promise.reject(error);
    }
  }

  staleTools(error: unknown): boolean {
    if (!HeaderMismatchError.isInstance(error)) return false;
    this.cache?.notify('notifications/tools/list_changed', {});
    return true;
  }

  callTool(params: Record<string, unknown> & { name: string }, options?: CallOptions): Promise<CallToolResult> {
    // The server decides whether a call becomes a task; the tasks extension's result type waits for it.
    return this.call('tools/call', params, (s) => s.CallToolResultSchema, options);
  }

  taskDriver(taskId: string, method: string, context?: TaskDriverContext): TaskDriver {
    return modernTaskDriver(this.parts.extensions, taskId, method, this.parts.options.server, context);
  }

  missingCapability(method: string, extension: string | undefined): string | undefined {
    return missingServerCapability(method, this.info, extension);
  }

  listTasks(): Promise<TaskPage> {
    // The tasks extension (SEP-2663) has no tasks/list.
    return Promise.reject(new CapabilityError('tasks.list', { server: this.parts.options.server, method: 'tasks/list' }));
  }

  subscribe(filter: NotificationFilter): Promise<void> {
    return this.parts.modern.listen.subscribe(filter);
  }

  unsubscribe(filter: NotificationFilter): Promise<void> {
    return this.parts.modern.listen.unsubscribe(filter);
  }

  setLoggingLevel(level: LoggingLevel): Promise<void> {
    // 2026-07-28 has no logging/setLevel: the level travels in every request's _meta instead.
    this.parts.modern.logLevel = level;
    return Promise.resolve();
  }

  async ping(options?: CallOptions): Promise<void> {
    await this.send('server/discover', undefined, options);
  }

  receive(method: string, params: Record<string, unknown>): boolean {
    const { listen } = this.parts.modern;
    if (!listen.accepts(params)) return false;
    if (method === 'notifications/subscriptions/acknowledged') listen.acknowledged(params);
    this.cache?.notify(method, params);
    return true;
  }

  start(): void {
    this.unlisten = this.cache?.listen();
    const resumed = this.parts.modern.listen.resume((filter, signal, onid) =>
      this.send('subscriptions/listen', { notifications: filter }, { signal, onid, timeoutMs: Infinity }),
    );
    // A failure to reopen was reported through the client's error event already.
    resumed.catch(() => undefined);
  }

  close(): void {
    this.unlisten?.();
    this.parts.modern.listen.stop();
  }

  /** A `tools/call` with its mirrored arguments; a tool whose annotations break the rules is refused before anything is sent. */
  private callMirroredTool(
    mirrored: MirroredArguments,
    params: Record<string, unknown>,
    options: CallOptions,
  ): Promise<Record<string, unknown>> {
    const tool = params.name;
    const problem = typeof tool === 'string' ? mirrored.problem(tool) : undefined;
    if (problem !== undefined) {
      const message = `the tool ${JSON.stringify(tool)} was not called: ${problem}. Over Streamable HTTP a 2026-07-28 client must not use a tool whose x-mcp-header annotations break the rules, so it was left out of tools/list; the server must fix the tool's inputSchema`;
      const target = this.transport.description;
      return Promise.reject(
        new TransportError(message, {
          server: this.parts.options.server,
          method: 'tools/call',
          ...(target === undefined ? {} : { target }),
        }),
      );
    }
    // The headers mirror the arguments as the client's middleware left them, so that they match the body.
    const seal: Seal = (sent, sentOptions) => {
      const name = sent?.name;
      const parameterHeaders = typeof name === 'string' ? mirrored.of(name, sent?.arguments) : undefined;
      return { params: this.enveloped(sent, sentOptions), sendOptions: parameterHeaders === undefined ? undefined : { parameterHeaders } };
    };
    return this.parts.channel.request('tools/call', params, options, seal);
  }

  /** The params with the `_meta` envelope: revision, client info and capabilities, log level, trace context. */
  private enveloped(params: Record<string, unknown> | undefined, options: CallOptions): Record<string, unknown> {
    return withEnvelope(params, this.envelope, { logLevel: options.logLevel ?? this.parts.modern.logLevel, trace: options.trace });
  }

  /** Learns the tools of a `tools/list` result, leaving out (with a diagnostic) those that break the x-mcp-header rules. */
  private learn(mirrored: MirroredArguments, raw: Record<string, unknown>): Record<string, unknown> {
    const { result, excluded } = mirrored.learn(raw);
    for (const { name, problem } of excluded) {
      this.parts.emitter.emit('diagnostic', {
        type: 'info',
        message: `the tool ${JSON.stringify(name)} was left out of tools/list and will not be called: ${problem}`,
      });
    }
    return result;
  }
}
