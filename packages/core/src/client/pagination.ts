import { InvalidResponseError } from '../errors/invalid-response-error.js';

/** The default most pages one list call follows. */
export const DEFAULT_MAX_PAGES = 100;

/** Every item of a paginated list, and the smallest `ttlMs` any page gave (2026-07-28 cache hint). */
export interface CollectedPages<T> {
  items: T[];
  ttlMs: number | undefined;
}

/**
 * Follows `nextCursor` until the last page and concatenates the `key` arrays. Stops with a
 * clear error on a repeated cursor (a server loop) or after `maxPages` pages.
 */
export async function collectPages<T, P extends { nextCursor?: string | undefined }>(
  fetchPage: (cursor: string | undefined) => Promise<P>,
  pick: (page: P) => T[],
  maxPages: number,
  context: { server?: string | undefined; method: string },
): Promise<CollectedPages<T>> {
  const items: T[] = [];
  const seen = new Set<string>();
  let ttlMs: number | undefined;
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(cursor);
    items.push(...pick(result));
    const ttl = (result as { ttlMs?: unknown }).ttlMs;
    if (typeof ttl === 'number') ttlMs = Math.min(ttlMs ?? Infinity, Math.max(0, ttl));
    cursor = result.nextCursor;
    if (cursor === undefined) return { items, ttlMs };
    if (seen.has(cursor)) {
      throw new InvalidResponseError(`the server repeated the cursor ${JSON.stringify(cursor)}: its pagination loops`, context);
    }
    seen.add(cursor);
  }
  throw new InvalidResponseError(
    `the server still had more after ${maxPages} pages; raise \`maxPages\` or fetch pages yourself with the *Page methods`,
    context,
  );
}

/** A whole list, with the smallest `ttlMs` of its pages when the server gave one. */
export function withTtl<T extends object>(result: T, ttlMs: number | undefined): T & { ttlMs?: number } {
  return ttlMs === undefined ? result : { ...result, ttlMs };
}

/** The params of a list request: the cursor, when there is one. */
export function cursorParams(cursor: string | undefined): Record<string, unknown> | undefined {
  return cursor === undefined ? undefined : { cursor };
}
