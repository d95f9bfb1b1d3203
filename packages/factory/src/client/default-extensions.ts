import type { ClientExtension } from '@mcpx/core';
import { tasks, TASKS_EXTENSION_ID } from '@mcpx/core/tasks';

/**
 * The extensions of a factory-made client: those of the `client` option, plus the tasks extension
 * (SEP-2663) unless they have it already, so that a 2026-07-28 server's tasks work out of the box
 * as 2025-11-25 ones do.
 */
export function defaultExtensions(given: readonly ClientExtension[] = []): ClientExtension[] {
  return given.some((extension) => extension.id === TASKS_EXTENSION_ID) ? [...given] : [...given, tasks()];
}
