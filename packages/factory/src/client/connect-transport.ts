import { McpClient, type McpClientOptions, type TransportFactory } from '@mcpx/core';

/**
 * Connects a new client over a transport from `create`, which the client calls again when the
 * era probe ends the first connection (an older server that exits on methods it does not know).
 * When `signal` aborts, the client is closed (so a spawned process or open socket does not
 * outlive the attempt) and the promise rejects with the signal's reason.
 */
export async function connectTransport(
  create: TransportFactory,
  options: McpClientOptions,
  signal: AbortSignal | undefined,
): Promise<McpClient> {
  signal?.throwIfAborted();
  const client = new McpClient(options);
  // Closing makes connect() fail with the abort's reason, the error reported; a failed close adds nothing.
  const abort = (): void => void client.close().catch(() => undefined);
  signal?.addEventListener('abort', abort, { once: true });
  try {
    // The client closes what it opened when connecting fails.
    await client.connect(create, signal === undefined ? {} : { signal });
  } catch (error) {
    throw signal?.aborted ? signal.reason : error;
  } finally {
    signal?.removeEventListener('abort', abort);
  }
  if (signal?.aborted) {
    // The abort's reason is the error to report; the client is dropped either way.
    await client.close().catch(() => undefined);
    throw signal.reason;
  }
  return client;
}
