import type { McpClient, NotificationFilter } from '@mcpx/core';
import { LIST_CHANGED, type CatalogKind } from './catalog.js';

/**
 * Calls `onChange` when the server says one of its lists changed; returns the function that
 * stops. It subscribes to the lists the server says can change, and the client does what the
 * server's era needs: a 2026-07-28 server sends these only on a `subscriptions/listen` stream,
 * which the subscription opens; a legacy server sends them unasked, so it asks nothing of it.
 */
export function watchListChanges(client: McpClient, onChange: (kind: CatalogKind) => void, onError: (error: Error) => void): () => void {
  const stop = client.on('notification', (event) => {
    const kind = LIST_CHANGED[event.method];
    if (kind !== undefined) onChange(kind);
  });
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
