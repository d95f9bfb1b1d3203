import { InvalidResponseError } from '@mcpx/core';

/** The most pages one catalog list follows. */
export const MAX_PAGES = 100;

/** A list result page: its items, the next cursor and the server's cache hint. */
export interface Page {
  nextCursor?: string | undefined;
  ttlMs?: unknown;
}

/**
 * Follows `nextCursor` to the last page and concatenates the items, keeping the smallest
 * `ttlMs` any page gave (2026-07-28 cache hints). Stops on a repeated cursor or after
 * `MAX_PAGES` pages.
 */
export async function collectPages<P extends Page, T>(
  fetchPage: (cursor: string | undefined) => Promise<P>,
  pick: (page: P) => T[],
  where: { server: string; method: string },
): Promise<{ items: T[]; ttlMs: number | undefined }> {
  const items: T[] = [];
  const seen = new Set<string>();
  let ttlMs: number | undefined;
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await fetchPage(cursor);
    items.push(...pick(result));
    if (typeof result.ttlMs === 'number') ttlMs = Math.min(ttlMs ?? Infinity, Math.max(0, result.ttlMs));
    cursor = result.nextCursor;
    if (cursor === undefined) return { items, ttlMs };
    if (seen.has(cursor)) throw new InvalidResponseError(`the server repeated the cursor ${JSON.stringify(cursor)}: its pagination loops`, where);
    seen.add(cursor);
  }
  throw new InvalidResponseError(`the server still had more after ${MAX_PAGES} pages`, where);
}
