import type * as SchemaModule from '../types/index.js';

/** The zod schemas of the MCP types, as one module. */
export type Schemas = typeof SchemaModule;

let loading: Promise<Schemas> | undefined;

/**
 * Loads the zod schemas on first use. zod is the heaviest import of the client, so
 * `connect()` starts loading it while the transport starts, instead of at import time.
 */
export function loadSchemas(): Promise<Schemas> {
  loading ??= import('../types/index.js');
  return loading;
}
