import { McpClient, type McpClientOptions, type Transport } from '@mcpx/core';

/**
 * Connects a new client over `transport`. When `signal` aborts, the transport is closed (so a
 * spawned process or open socket does not outlive the attempt) and the promise rejects with
 * the signal's reason.
 */
export async function connectTransport(transport: Transport, options: McpClientOptions, signal: AbortSignal | undefined): Promise<McpClient> {
  signal?.throwIfAborted();
  const client = new McpClient(options);
  const abort = (): void => void client.close().catch(() => undefined);
  signal?.addEventListener('abort', abort, { once: true });
  try {
    await client.connect(transport, signal === undefined ? {} : { signal });
  } catch (error) {
    await transport.close().catch(() => undefined);
    throw signal?.aborted ? signal.reason : error;
  } finally {
    signal?.removeEventListener('abort', abort);
  }
  if (signal?.aborted) {
    await client.close().catch(() => undefined);
    throw signal.reason;
  }
  return client;
}
