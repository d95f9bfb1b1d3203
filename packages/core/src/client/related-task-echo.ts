import type { RequestHandler } from '../jsonrpc/dispatch.js';
import { RELATED_TASK_META_KEY } from '../legacy/task-receiver/received-task.js';

/**
 * Wraps a handler of the server's requests so that its answer to a request made for a task (an
 * elicitation or a sampling during a 2025-11-25 `tasks/result`) carries the request's
 * `_meta["io.modelcontextprotocol/related-task"]`, as the specification requires of every
 * response related to a task (basic/utilities/tasks.mdx, "Related Task Metadata").
 */
export function echoRelatedTask(handler: RequestHandler): RequestHandler {
  return async (params, context) => {
    const result = await handler(params, context);
    const meta = params._meta;
    const related = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>)[RELATED_TASK_META_KEY] : undefined;
    if (related === undefined) return result;
    const answerMeta = typeof result._meta === 'object' && result._meta !== null ? result._meta : {};
    return { ...result, _meta: { ...answerMeta, [RELATED_TASK_META_KEY]: related } };
  };
}
