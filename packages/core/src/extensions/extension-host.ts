import type { McpClient } from '../client/mcp-client.js';
import type { CallOptions } from '../client/options.js';
import type { ExtensionHost } from './extension.js';

/** How a host reaches the era path of its client, which `McpClient` keeps private. */
export type HostRequest = (
  method: string,
  params: Record<string, unknown> | undefined,
  options: CallOptions | undefined,
) => Promise<Record<string, unknown>>;

/** How a host answers input requests with the handlers in its client's options, which `McpClient` keeps private. */
export type HostAnswer = ExtensionHost['answerInputRequests'];

/** The host of the extension `id` on `client`. */
export function extensionHost(
  client: McpClient,
  id: string,
  server: string | undefined,
  request: HostRequest,
  answer: HostAnswer,
): ExtensionHost {
  return {
    id,
    server,
    client,
    serverSettings: () => client.serverExtensions?.[id],
    request: (method, params, options) => request(method, params, options),
    answerInputRequests: (inputRequests, context) => answer(inputRequests, context),
    onNotification: (method, handler) =>
      client.on('notification', (event) => {
        if (event.method === method) handler(event.params);
      }),
  };
}
