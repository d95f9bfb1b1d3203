// The fleet itself: one McpRegistry of HTTP servers (paths of the echo processes) and stdio
// servers (one echo process each), connected as a user would with the default client options.
import { McpClient } from '@mcpx/core';
import { StreamableHttpTransport } from '@mcpx/http';
import { McpRegistry, pingCheck } from '@mcpx/registry';
import { StdioTransport } from '@mcpx/stdio';
import { cleanEnv, stdioServer } from './fleet-servers.mjs';

/**
 * A registry of `urls.length` HTTP servers (`http-<i>`) and `stdio` stdio servers (`stdio-<i>`),
 * checked every `healthIntervalMs` with the default check (a ping) and `healthJitter` (the
 * registry's default when undefined), `onCheck` called as each check starts. Not connected yet.
 */
export function buildFleet({ urls, stdio, healthIntervalMs, healthJitter, onCheck = () => undefined }) {
  const check = (client, options) => {
    onCheck();
    return pingCheck(client, options);
  };
  const health = { intervalMs: healthIntervalMs, check, ...(healthJitter === undefined ? {} : { jitter: healthJitter }) };
  const registry = new McpRegistry({ defaults: { health } });
  const names = [];
  const add = (name, transport) => {
    names.push(name);
    registry.register({
      name,
      connect: async (signal) => {
        const client = new McpClient({ name: 'fleet-bench', server: name });
        await client.connect(transport(), { signal });
        return client;
      },
    });
  };
  urls.forEach((url, i) => add(`http-${i}`, () => new StreamableHttpTransport(url)));
  for (let i = 0; i < stdio; i++) {
    add(`stdio-${i}`, () => new StdioTransport({ ...stdioServer, env: cleanEnv, stderr: 'ignore' }));
  }
  return { registry, names };
}
