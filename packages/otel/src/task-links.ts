import type { Link, Span, SpanContext } from '@opentelemetry/api';
import type { OutgoingRequest } from '@mcpx/core';
import { MCP_ATTRIBUTES } from './attributes.js';

/** How many tasks a middleware remembers the creating span of; past it, the oldest is forgotten first. */
const REMEMBERED_TASKS = 1024;

/** Methods whose result is a task's state (`status` at the top level), in both eras. */
const STATE_METHODS: ReadonlySet<string> = new Set(['tasks/get', 'tasks/cancel']);

/**
 * The spans of the requests that became tasks, by server and task id (one middleware may serve
 * the clients of several servers, whose task ids may be alike), so that the requests that then
 * drive a task (`tasks/get` polls, `tasks/result`, `tasks/update`, `tasks/cancel`) link to the
 * span of the call it stands for. That span ended when the server answered with the task: the polls are
 * requests of their own, with spans of their own, children of the span active where the caller
 * waits.
 */
export class TaskLinks {
  private readonly created = new Map<string, SpanContext>();

  /** The task a request drives (`params.taskId` of a `tasks/*` request), or undefined. */
  drivenTask(request: Pick<OutgoingRequest, 'method' | 'params'>): string | undefined {
    if (!request.method.startsWith('tasks/')) return undefined;
    const taskId = request.params?.taskId;
    return typeof taskId === 'string' ? taskId : undefined;
  }

  /** The link to the span of the call that created `taskId` on `server`, when this middleware traced it. */
  links(server: string | undefined, taskId: string): Link[] | undefined {
    const context = this.created.get(key(server, taskId));
    return context === undefined ? undefined : [{ context, attributes: { [MCP_ATTRIBUTES.taskId]: taskId } }];
  }

  /**
   * Describes on a recording span the task a result created (2025-11-25 `{ task }`, 2026-07-28
   * `resultType: "task"`) or reports (`tasks/get`, `tasks/cancel`): its id and status; a created
   * task's span is remembered for the requests that drive it.
   */
  describe(span: Span, request: Pick<OutgoingRequest, 'method' | 'server'>, result: Record<string, unknown>): void {
    // A tasks/* request drives a task; only another request (tools/call...) can become one.
    const created = request.method.startsWith('tasks/') ? undefined : createdTask(result);
    if (created !== undefined) {
      span.setAttribute(MCP_ATTRIBUTES.taskId, created.taskId);
      if (typeof created.status === 'string') span.setAttribute(MCP_ATTRIBUTES.taskStatus, created.status);
      this.remember(key(request.server, created.taskId), span.spanContext());
      return;
    }
    if (STATE_METHODS.has(request.method) && typeof result.status === 'string') span.setAttribute(MCP_ATTRIBUTES.taskStatus, result.status);
  }

  private remember(task: string, context: SpanContext): void {
    this.created.delete(task);
    this.created.set(task, context);
    if (this.created.size > REMEMBERED_TASKS) this.created.delete(this.created.keys().next().value!);
  }
}

/** Where a task's creating span is kept: its server's name and its id. */
function key(server: string | undefined, taskId: string): string {
  return `${server ?? ''}\u0000${taskId}`;
}

/** The task a result stands for: 2025-11-25 `CreateTaskResult` (`{ task: { taskId, status } }`) or 2026-07-28 `resultType: "task"`. */
function createdTask(result: Record<string, unknown>): { taskId: string; status: unknown } | undefined {
  const task = result.resultType === 'task' ? result : result.task;
  if (typeof task !== 'object' || task === null) return undefined;
  const { taskId, status } = task as Record<string, unknown>;
  return typeof taskId === 'string' ? { taskId, status } : undefined;
}
