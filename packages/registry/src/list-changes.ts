import type { McpClient, NotificationFilter } from '@mcpx/core';
import { LIST_CHANGED, type CatalogKind } from './catalog.js';

/**
 * Calls `onChange` when the server says one of its lists changed; returns the function that
 * stops. A legacy server sends these unasked; a 2026-07-28 server only on a
 * `subscriptions/listen` stream, which this opens for the lists the server says can change.
 */
export function watchListChanges(client: McpClient, onChange: (kind: CatalogKind) => void, onError: (error: Error) => void): () => void {
  const stop = client.on('notification', (event) => {
    const kind = LIST_CHANGED[event.method];
    if (kind !== undefined) onChange(kind);
  });
  if (client.session?.era !== 'modern') return stop;
  const capabilities = client.serverCapabilities;
  const filter: NotificationFilter = {};
  if (capabilities?.tools?.listChanged) filter.toolsListChanged = true;
  if (capabilities?.resources?.listChanged) filter.resourcesListChanged = true;
  if (capabilities?.prompts?.listChanged) filter.promptsListChanged = true;
  let active = true;
  if (Object.keys(filter).length > 0) {
    client.subscribe(filter).catch((error: unknown) => {
      if (active) onError(error instanceof Error ? error : new Error(String(error)));
    });
  }
  return () => {
    active = false;
    stop();
  };
}
