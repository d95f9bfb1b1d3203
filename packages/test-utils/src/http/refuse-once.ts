import type { FakeMcpServer } from './fake-mcp-server.js';

/**
 * Makes `server` answer the first `method` request with HTTP `status` and a text body, and each
 * later one with `result`: a server a client's HTTP retry gets past, for tests of retries.
 */
export function refuseOnce(server: FakeMcpServer, method: string, result: object, status = 503): void {
  let refused = false;
  server.on(method, (context) => {
    if (refused) return context.result(result);
    refused = true;
    context.response.writeHead(status, { 'content-type': 'text/plain' }).end('busy');
  });
}
