/** The prefix every key and channel of a store lives under unless its `prefix` option says otherwise. */
export const DEFAULT_PREFIX = 'mcpx:';

/**
 * A Redis glob pattern (`SCAN MATCH`, `KEYS`) matching exactly the keys that start with `prefix`:
 * a backslash before each of `*`, `?`, `[`, `]` and `\` of the prefix, then `*`.
 */
export function prefixPattern(prefix: string): string {
  return `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
}

/** Whether `error` is Redis's answer to a command run on a key that holds another type (a foreign value). */
export function isWrongType(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('WRONGTYPE');
}
