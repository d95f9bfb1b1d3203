import { ConnectionClosedError } from '../../errors/connection-closed-error.js';
import { ErrorCode, ProtocolError } from '../../errors/protocol-error.js';
import { responseSent, type InboundRequestContext, type RequestHandler } from '../../jsonrpc/dispatch.js';
import type { JsonRpcEngine } from '../../jsonrpc/engine.js';
import type { ClientCapabilities } from '../../types/index.js';
import { isObject } from '../../validation/guards.js';
import { RELATED_TASK_META_KEY, type ReceivedTask } from './received-task.js';
import type { TaskReceiverOptions } from './task-receiver-options.js';
import { TaskStore } from './task-store.js';

/** The server-to-client requests a client may run as tasks, and the capability that says it does. */
const TASK_REQUESTS = {
  'sampling/createMessage': ['sampling', 'createMessage'],
  'elicitation/create': ['elicitation', 'create'],
} as const;

/** A method the receiver can run as a task. */
export type TaskRequestMethod = keyof typeof TASK_REQUESTS;

/** What a `TaskReceiver` is given by the connection it serves. */
export interface TaskReceiverParts {
  /** The client's `server` option, for error messages. */
  server: string | undefined;
  /** The capabilities this connection declared; undefined before the handshake is done, or when the negotiated revision has no client-hosted tasks. */
  declared: () => ClientCapabilities | undefined;
  /** Sends a notification to the server. */
  notify: (method: string, params: Record<string, unknown>) => Promise<void>;
}

/**
 * `handler` given the request's params without `task`: a client without a task receiver answers a
 * task-augmented request as a plain one, ignoring its task metadata (2025-11-25, "Tasks").
 */
export function ignoringTask(handler: RequestHandler): RequestHandler {
  return ({ task: _task, ...plain }, context) => handler(plain, context);
}

/**
 * The client as the receiver of tasks (2025-11-25, "Tasks"): a server's `sampling/createMessage`
 * or `elicitation/create` with `params.task` is answered at once with a `CreateTaskResult` while
 * the handler runs in the background, and the server's `tasks/get`, `tasks/result`, `tasks/list`
 * and `tasks/cancel` are answered from the tasks of this connection. It acts only on what the
 * connection declared under `capabilities.tasks`, which only the 2025-11-25 handshake declares
 * (2026-07-28 has no client-hosted tasks: SEP-2663 removed them), so elsewhere a `task` param is
 * ignored and the `tasks/*` methods are not found.
 */
export class TaskReceiver {
  private readonly store: TaskStore;

  constructor(
    private readonly parts: TaskReceiverParts,
    options: Required<TaskReceiverOptions>,
  ) {
    this.store = new TaskStore(options);
  }

  /** `handler`, run as a task when the server asks for one and this connection declared it can (else without `params.task`). */
  wrap(method: TaskRequestMethod, handler: RequestHandler): RequestHandler {
    return (params, context) => {
      const { task, ...plain } = params;
      if (!isObject(task) || !this.declares(method)) return handler(plain, context);
      return this.start(method, plain, typeof task.ttl === 'number' ? task.ttl : undefined, context, handler);
    };
  }

  /** Answers `tasks/get`, `tasks/result`, `tasks/list` and `tasks/cancel` on `engine`. */
  install(engine: JsonRpcEngine): void {
    engine.setRequestHandler('tasks/get', (params) => this.declared('tasks/get', 'get').get(params.taskId, 'tasks/get').toWire());
    engine.setRequestHandler('tasks/result', (params, context) =>
      this.result(this.declared('tasks/result', 'get').get(params.taskId, 'tasks/result'), context.signal),
    );
    engine.setRequestHandler('tasks/list', (params) => ({ ...this.declared('tasks/list', 'list').list(params.cursor) }));
    engine.setRequestHandler('tasks/cancel', (params) => {
      const task = this.declared('tasks/cancel', 'cancel').get(params.taskId, 'tasks/cancel');
      if (task.terminal) {
        throw new ProtocolError({
          code: ErrorCode.InvalidParams,
          message: `tasks/cancel: cannot cancel task ${task.taskId}, it is already ${task.status}`,
        });
      }
      task.cancel(new ProtocolError({ code: ErrorCode.InternalError, message: `task ${task.taskId} was cancelled by tasks/cancel` }));
      return { ...task.toWire() };
    });
  }

  /** Cancels every task: the connection closed. */
  close(): void {
    this.store.close(new ConnectionClosedError('the connection closed while the task ran', { server: this.parts.server }));
  }

  private start(
    method: TaskRequestMethod,
    params: Record<string, unknown>,
    ttlMs: number | undefined,
    context: InboundRequestContext,
    handler: RequestHandler,
  ): Record<string, unknown> {
    const task = this.store.create(ttlMs, method);
    // The task records how the handler ended; only the optional status notification can fail here, and the server polls anyway.
    this.run(task, handler, params, { ...context, signal: task.signal }, responseSent(context)).catch(() => undefined);
    return { task: task.toWire() };
  }

  /**
   * Runs the handler under the task's signal, records how it ended and tells the server, once the
   * `CreateTaskResult` (`created`) has been sent: over Streamable HTTP the two travel in separate
   * POSTs, and a status notification must not reach the server before the task it is about.
   */
  private async run(
    task: ReceivedTask,
    handler: RequestHandler,
    params: Record<string, unknown>,
    context: InboundRequestContext,
    created: Promise<void>,
  ): Promise<void> {
    let changed: boolean;
    try {
      changed = task.complete(await handler(params, context));
    } catch (error) {
      changed = task.fail(error);
    }
    await created;
    if (changed) await this.changed(task);
  }

  /**
   * `tasks/result`: waits for the task to end, then answers what the request would have been
   * answered; stops waiting when the server cancels the `tasks/result` (`signal`).
   */
  private async result(task: ReceivedTask, signal: AbortSignal): Promise<Record<string, unknown>> {
    const outcome = await task.outcome(signal);
    this.store.delivered(task);
    if ('error' in outcome) throw outcome.error;
    const meta = isObject(outcome.result._meta) ? outcome.result._meta : {};
    return { ...outcome.result, _meta: { ...meta, [RELATED_TASK_META_KEY]: { taskId: task.taskId } } };
  }

  /** Tells the server a task ended (`notifications/tasks/status`, optional in the spec: the server polls anyway). */
  private changed(task: ReceivedTask): Promise<void> {
    return this.parts.notify('notifications/tasks/status', { ...task.toWire() });
  }

  private declares(method: TaskRequestMethod): boolean {
    const [group, name] = TASK_REQUESTS[method];
    const requests = this.parts.declared()?.tasks?.requests;
    return isObject(requests) && isObject(requests[group]) && requests[group][name] !== undefined;
  }

  /** The store, when this connection declared `tasks` (and `tasks.<operation>` for list and cancel); -32601 otherwise. */
  private declared(method: string, operation: 'get' | 'list' | 'cancel'): TaskStore {
    const tasks = this.parts.declared()?.tasks;
    if (tasks === undefined || (operation !== 'get' && tasks[operation] === undefined)) {
      throw new ProtocolError({ code: ErrorCode.MethodNotFound, message: `Method not found: ${method} (this client did not declare it)` });
    }
    return this.store;
  }
}
