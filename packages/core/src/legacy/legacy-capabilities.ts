import { hasCapability, missingServerCapability } from '../client/capabilities.js';
import type { ServerSession } from '../session.js';

/** The server capability each task method of 2025-11-25 needs (basic/utilities/tasks.mdx, "Capabilities"). */
const TASK_METHOD_CAPABILITIES: Readonly<Record<string, string>> = {
  'tasks/get': 'tasks',
  'tasks/result': 'tasks',
  'tasks/list': 'tasks.list',
  'tasks/cancel': 'tasks.cancel',
};

/**
 * The capability a legacy server lacks for `method`: its own `tasks/*` methods need its `tasks`
 * capability (which no server before 2025-11-25 can declare), even when the 2026-07-28 tasks
 * extension, registered with the client, has methods of the same names.
 */
export function missingLegacyCapability(method: string, session: ServerSession, extension: string | undefined): string | undefined {
  const needed = TASK_METHOD_CAPABILITIES[method];
  if (needed === undefined) return missingServerCapability(method, session, extension);
  return hasCapability(session.capabilities, needed) ? undefined : needed;
}
