import type * as SchemaModule from '../schemas.js';

/** The zod schemas of the MCP types, as one module. */
export type Schemas = typeof SchemaModule;

let loading: Promise<Schemas> | undefined;

/**
 * Loads the zod schemas on first use: the first result that needs validating, the first
 * sampling or elicitation request, or an `initialize` answer the quick check does not
 * accept. zod is the heaviest import of the client, so importing `@mcpx/core` does not load it;
 * the schemas are the `@mcpx/core/schemas` entry, a file of its own in the build.
 */
export function loadSchemas(): Promise<Schemas> {
  loading ??= import('../schemas.js');
  return loading;
}
