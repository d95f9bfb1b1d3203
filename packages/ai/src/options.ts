import type { OptionKeys } from '@mcpx/core/internal';
import type { ToolSelection } from './selection.js';

/** The keys of a `ToolSelection`, which every adapter's `select` option takes. */
export const SELECTION_KEYS = {
  servers: true,
  include: true,
  exclude: true,
  readOnly: true,
  destructive: true,
  filter: true,
} as const satisfies OptionKeys<ToolSelection>;
