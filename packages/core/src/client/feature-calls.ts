import type { ToolLookup } from '../era/era-session.js';
import { withTaskDeadline } from '../tasks/task-deadline.js';
import type { CallToolResult, ListToolsResult, Tool } from '../types/index.js';
import type { ClientConnection } from './client-connection.js';
import type { CallOptions } from './options.js';
import { collectPages, cursorParams, DEFAULT_MAX_PAGES, withTtl } from './pagination.js';

/**
 * Every item of a paginated list under `key`, following `nextCursor` from the first page, with
 * the smallest `ttlMs` of the pages when the server gave one.
 */
export async function listAll<K extends string, T>(
  connection: ClientConnection,
  method: string,
  key: K,
  fetchPage: (cursor: string | undefined) => Promise<{ [P in K]: T[] } & { nextCursor?: string | undefined }>,
): Promise<{ [P in K]: T[] } & { ttlMs?: number }> {
  const maxPages = connection.parts.options.maxPages ?? DEFAULT_MAX_PAGES;
  const { items, ttlMs } = await collectPages(fetchPage, (page) => page[key], maxPages, connection.where(method));
  return withTtl({ [key]: items } as { [P in K]: T[] }, ttlMs);
}

/** Every tool, following pagination; the output schemas remembered for `callTool` become theirs. */
export async function listTools(
  connection: ClientConnection,
  options: CallOptions | undefined,
): Promise<ListToolsResult & { ttlMs?: number }> {
  const result = await listAll<'tools', Tool>(connection, 'tools/list', 'tools', (cursor) =>
    listToolsPage(connection, cursor, options, false),
  );
  connection.parts.outputSchemas.remember(result.tools, true);
  connection.parts.toolExecutions.remember(result.tools, true);
  return result;
}

/** One page of tools, whose output schemas replace (`replaceSchemas`) or add to those remembered for `callTool`. */
export async function listToolsPage(
  connection: ClientConnection,
  cursor: string | undefined,
  options: CallOptions | undefined,
  replaceSchemas: boolean,
): Promise<ListToolsResult> {
  const page = await connection.call('tools/list', cursorParams(cursor), (s) => s.ListToolsResultSchema, options);
  connection.parts.outputSchemas.remember(page.tools, replaceSchemas);
  connection.parts.toolExecutions.remember(page.tools, replaceSchemas);
  return page;
}

/**
 * Calls a tool, retrying once after listing the tools again when the session says the call was
 * built from a stale tool definition, and checks a successful result against the tool's `outputSchema`.
 */
export function callTool(
  connection: ClientConnection,
  name: string,
  args: Record<string, unknown> | undefined,
  options: CallOptions | undefined,
): Promise<CallToolResult> {
  const params = args === undefined ? { name } : { name, arguments: args };
  const { toolExecutions } = connection.parts;
  // A tool the client has not listed yet is looked up in a fresh list: its execution says whether it must run as a task.
  const lookup: ToolLookup = async (tool) => {
    if (!toolExecutions.has(tool)) await listTools(connection, { ...options, task: undefined, onTask: undefined });
    return toolExecutions.get(tool);
  };
  let withDeadline: CallOptions;
  let first: Promise<CallToolResult>;
  try {
    withDeadline = withTaskDeadline(options, connection.parts.options);
  } catch (error) {
    return Promise.reject(error);
  }
  try {
    first = callOnce(connection, params, withDeadline, lookup);
  } catch (error) {
    first = Promise.reject(error);
  }
  // A continuation rather than an async function: a call in flight holds no suspended frame.
  return first.then(
    (result) => checked(connection, name, result),
    (error: unknown) => retryStale(connection, params, options, withDeadline, lookup, error),
  );
}

/** The result of a call of `name`, once checked against its `outputSchema`; most tools declare none, and skip the awaited check. */
function checked(connection: ClientConnection, name: string, result: CallToolResult): CallToolResult | Promise<CallToolResult> {
  const { outputSchemas } = connection.parts;
  if (!outputSchemas.applies(name, result)) return result;
  return outputSchemas.check(name, result, connection.parts.options).then(() => result);
}

/** After a failed call: when it was built from a stale tool definition, refreshes the list and calls once more, as the spec advises; otherwise `error`. */
async function retryStale(
  connection: ClientConnection,
  params: Record<string, unknown> & { name: string },
  options: CallOptions | undefined,
  withDeadline: CallOptions,
  lookup: ToolLookup,
  error: unknown,
): Promise<CallToolResult> {
  if (connection.era?.staleTools(error) !== true) throw error;
  await listTools(connection, options).catch(() => {
    throw error;
  });
  return checked(connection, params.name, await callOnce(connection, params, withDeadline, lookup));
}

/** One `tools/call` through the connection's era session now. */
function callOnce(
  connection: ClientConnection,
  params: Record<string, unknown> & { name: string },
  options: CallOptions,
  lookup: ToolLookup,
): Promise<CallToolResult> {
  return connection.active('tools/call', (era) => era.callTool(params, options, lookup));
}
