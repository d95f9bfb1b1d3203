import type { CallOptions } from '../client/options.js';
import { parseResult } from '../client/result-parser.js';
import type { EraSession, NotificationFilter, SchemaPick, TaskPage, ToolLookup } from '../era/era-session.js';
import type { Connection } from '../era/establish.js';
import type { SessionParts } from '../era/session-parts.js';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import type { ServerSession } from '../session.js';
import { DEFAULT_TASK_POLL_INTERVAL_MS } from '../tasks/task.js';
import type { TaskDriver, TaskDriverContext } from '../tasks/task-driver.js';
import type { CallToolResult, LoggingLevel } from '../types/index.js';
import { missingLegacyCapability } from './legacy-capabilities.js';
import { LegacyTaskDriver, type LegacyTaskChannel } from './legacy-task-driver.js';
import { listLegacyTasks } from './legacy-task.js';
import { callToolLegacy } from './legacy-tool-call.js';
import { initializeLegacy, type LegacyHandshake } from './lifecycle.js';
import { DEFAULT_MAX_URL_ELICITATION_RETRIES, withUrlElicitationRetry } from './url-elicitation-retry.js';

/**
 * A connection in the legacy era (2024-11-05 to 2025-11-25): requests go as they are, every
 * feature has its own method (`ping`, `logging/setLevel`, `resources/subscribe`), list changes
 * arrive unasked, and a session the server ended is started again over the same transport.
 */
export class LegacySession implements EraSession {
  /** How this session's tasks reach the server, and where their status notifications go. */
  /** What the task calls of this session are given; made on the first tool call or task. */
  private taskChannel: LegacyTaskChannel | undefined;

  constructor(
    readonly info: ServerSession,
    private readonly connection: Connection,
    /** What `initialize` was sent with, sent again to renew the session. */
    private readonly handshake: LegacyHandshake,
    private readonly parts: SessionParts,
  ) {
    connection.transport.onsessionexpired = () => this.renew();
  }

  private get tasks(): LegacyTaskChannel {
    const parts = this.parts;
    return (this.taskChannel ??= {
      server: parts.options.server,
      send: (method, params, options) => this.send(method, params, options),
      statuses: parts.taskStatuses,
      report: (error) => parts.emitter.emit('error', { error }),
    });
  }

  send(method: string, params: Record<string, unknown> | undefined, options: CallOptions = {}): Promise<Record<string, unknown>> {
    const { channel, options: client, elicitations } = this.parts;
    // Without a URL handler nothing is retried: the request's own promise, with nothing built per call.
    if (client.urlElicitation === undefined) {
      try {
        return channel.request(method, params, options);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    const retry = {
      handler: client.urlElicitation,
      completions: elicitations,
      method,
      server: client.server,
      signal: options.signal,
      maxRetries: client.maxInputRounds ?? DEFAULT_MAX_URL_ELICITATION_RETRIES,
    };
    return withUrlElicitationRetry(() => channel.request(method, params, options), retry);
  }

  async call<T>(method: string, params: Record<string, unknown> | undefined, schema: SchemaPick<T>, options?: CallOptions): Promise<T> {
    return parseResult(await this.send(method, params, options), schema, { server: this.parts.options.server, method });
  }

  staleTools(): boolean {
    return false;
  }

  callTool(params: Record<string, unknown> & { name: string }, options: CallOptions = {}, lookup: ToolLookup): Promise<CallToolResult> {
    // A continuation rather than an async function: no suspended frame held while the call is in flight.
    return callToolLegacy(this.tasks, this.info, params, options, lookup).then((raw) =>
      parseResult(raw, (s) => s.CallToolResultSchema, { server: this.parts.options.server, method: 'tools/call' }),
    );
  }

  taskDriver(taskId: string, method: string, context?: TaskDriverContext): TaskDriver {
    return new LegacyTaskDriver(this.tasks, taskId, method, DEFAULT_TASK_POLL_INTERVAL_MS, context?.requestOptions);
  }

  missingCapability(method: string, extension: string | undefined): string | undefined {
    return missingLegacyCapability(method, this.info, extension);
  }

  listTasks(cursor: string | undefined, options?: CallOptions): Promise<TaskPage> {
    return listLegacyTasks(this.tasks, cursor, options);
  }

  async subscribe(filter: NotificationFilter, options?: CallOptions): Promise<void> {
    for (const uri of filter.resourceSubscriptions ?? [])
      await this.call('resources/subscribe', { uri }, (s) => s.EmptyResultSchema, options);
  }

  async unsubscribe(filter: NotificationFilter, options?: CallOptions): Promise<void> {
    for (const uri of filter.resourceSubscriptions ?? [])
      await this.call('resources/unsubscribe', { uri }, (s) => s.EmptyResultSchema, options);
  }

  async setLoggingLevel(level: LoggingLevel, options?: CallOptions): Promise<void> {
    await this.call('logging/setLevel', { level }, (s) => s.EmptyResultSchema, options);
  }

  async ping(options?: CallOptions): Promise<void> {
    await this.call('ping', undefined, (s) => s.EmptyResultSchema, options);
  }

  receive(method: string, params: Record<string, unknown>): boolean {
    if (method === 'notifications/elicitation/complete') this.parts.elicitations.complete(params);
    if (method === 'notifications/tasks/status') this.parts.taskStatuses.receive(params);
    return true;
  }

  start(): void {}

  close(): void {}

  /**
   * Starts a new session after the server ended this one: `initialize` with the parameters of the
   * first one, then `notifications/initialized`. The server must keep the revision negotiated first.
   */
  private async renew(): Promise<void> {
    const { engine, transport } = this.connection;
    const renewed = await initializeLegacy(engine, transport, this.handshake, {});
    if (renewed.protocolVersion !== this.info.protocolVersion) {
      throw new InvalidResponseError(
        `the new session speaks protocol revision ${renewed.protocolVersion}, the client negotiated ${this.info.protocolVersion}`,
        {
          server: this.parts.options.server,
          method: 'initialize',
        },
      );
    }
  }
}
