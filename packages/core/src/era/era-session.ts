import type { ZodType } from 'zod';
import type { CallOptions } from '../client/options.js';
import type { Schemas } from '../client/schema-loader.js';
import type { ServerSession } from '../session.js';
import type { TaskDriver, TaskDriverContext } from '../tasks/task-driver.js';
import type { Task } from '../tasks/task.js';
import type { CallToolResult, LoggingLevel, Tool } from '../types/index.js';

/** Which server notifications a client wants (2026-07-28 `subscriptions/listen`). */
export interface NotificationFilter {
  toolsListChanged?: boolean;
  promptsListChanged?: boolean;
  resourcesListChanged?: boolean;
  resourceSubscriptions?: string[];
  /**
   * 2026-07-28 with the tasks extension: `notifications/tasks` for these tasks (SEP-2663); task
   * handles subscribe to their task while they poll, so a pushed state ends a wait early.
   */
  taskIds?: string[];
}

/** The tool a call names, from the tool list the client keeps (listing the tools when it does not know it). */
export type ToolLookup = (name: string) => Promise<Pick<Tool, 'execution'> | undefined>;

/** One page of a server's tasks. */
export interface TaskPage {
  tasks: Task[];
  nextCursor?: string;
}

/** Picks the zod schema of a result out of the schema module (loaded on first use). */
export type SchemaPick<T> = (schemas: Schemas) => ZodType<T>;

/**
 * How one connection speaks its protocol era. The handshake makes it (`legacy/legacy-session.ts`
 * for 2024-11-05 to 2025-11-25, `modern/modern-session.ts` for 2026-07-28), and `McpClient` asks
 * it everything that differs between the eras; nothing else branches on the era.
 */
export interface EraSession {
  /** What the handshake learned about the server. */
  readonly info: ServerSession;
  /**
   * Sends a request as this era frames it (2026-07-28: the `_meta` envelope, and the headers the
   * binding mirrors) and resolves with its raw result.
   */
  send(method: string, params: Record<string, unknown> | undefined, options?: CallOptions): Promise<Record<string, unknown>>;
  /**
   * Sends the request of one of the client's typed methods and checks its result against the
   * schema this era gives the method (2026-07-28 adds the response cache, the `input_required`
   * rounds and the `resultType` check).
   */
  call<T>(method: string, params: Record<string, unknown> | undefined, schema: SchemaPick<T>, options?: CallOptions): Promise<T>;
  /**
   * Whether a failed `tools/call` says the tool definitions it was sent with are stale (a
   * 2026-07-28 header mismatch): the session then forgets the tool list it cached, and the client
   * lists the tools again and retries the call once.
   */
  staleTools(error: unknown): boolean;
  /**
   * Calls a tool and checks its result. 2025-11-25 runs it as a task when the tool requires it or
   * the caller asks (`CallOptions.task`, the tool's `execution.taskSupport` from `lookup`) and waits
   * for the task's result; on 2026-07-28 the server decides, and the tasks extension waits.
   */
  callTool(
    params: Record<string, unknown> & { name: string },
    options: CallOptions | undefined,
    lookup: ToolLookup,
  ): Promise<CallToolResult>;
  /**
   * What drives the task `taskId` of a `method` request on this server: the 2025-11-25 task
   * methods, or the tasks extension's on 2026-07-28 (a `ConfigError` when it is not registered).
   */
  taskDriver(taskId: string, method: string, context?: TaskDriverContext): TaskDriver;
  /**
   * The capability the server did not advertise and `method` needs, as it reads in a
   * `CapabilityError`; `extension` is the registered extension that adds a method of that name.
   * 2025-11-25's own `tasks/*` methods need the server's `tasks` capability (`tasks.list`,
   * `tasks.cancel`) whatever extension took their names up again on 2026-07-28.
   */
  missingCapability(method: string, extension: string | undefined): string | undefined;
  /** One page of the server's tasks (`tasks/list`); a `CapabilityError` where the server or its era has no listing. */
  listTasks(cursor: string | undefined, options?: CallOptions): Promise<TaskPage>;
  /** Asks for notifications: `subscriptions/listen` (2026-07-28), or `resources/subscribe` for each resource. */
  subscribe(filter: NotificationFilter, options?: CallOptions): Promise<void>;
  /** Undoes `subscribe`. */
  unsubscribe(filter: NotificationFilter, options?: CallOptions): Promise<void>;
  /** Sets the least severe log level the server sends: `logging/setLevel`, or the `_meta` of every later request (2026-07-28). */
  setLoggingLevel(level: LoggingLevel, options?: CallOptions): Promise<void>;
  /** Checks the server answers: `ping`, or `server/discover` (2026-07-28 has no ping). */
  ping(options?: CallOptions): Promise<void>;
  /**
   * Takes in a server notification before the client delivers it; false when it must be dropped
   * (2026-07-28: it belongs to a `subscriptions/listen` stream that is no longer current).
   */
  receive(method: string, params: Record<string, unknown>): boolean;
  /** Starts what the session runs in the background once connected (2026-07-28: the listen stream of earlier subscriptions). */
  start(): void;
  /** Stops what `start` started; the client is closing. */
  close(): void;
}
