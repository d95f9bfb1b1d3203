// The resources, resource template, prompt and completions of the dual-era test server.
import { completable, ResourceTemplate } from '@modelcontextprotocol/server';
import * as z from 'zod';
import { COUNTER_URI } from './hub.mjs';

const ITEMS = ['alpha', 'beta', 'gamma'];
const NAMES = ['Ada', 'Alan', 'Grace', 'Guido', 'Linus'];

/**
 * Registers the resources and the prompt on `mcp`.
 * @param {import('@modelcontextprotocol/server').McpServer} mcp
 * @param {ReturnType<typeof import('./hub.mjs').createHub>} hub
 */
export function registerCatalog(mcp, hub) {
  mcp.registerResource(
    'counter',
    COUNTER_URI,
    {
      title: 'Counter',
      description: 'How many times touch-resource ran',
      mimeType: 'text/plain',
      cacheHint: { ttlMs: 0, cacheScope: 'private' },
    },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'text/plain', text: String(hub.counter) }] }),
  );

  mcp.registerResource(
    'item',
    new ResourceTemplate('test://items/{id}', {
      list: async () => ({
        resources: ITEMS.map((id) => ({ uri: `test://items/${id}`, name: `item ${id}`, mimeType: 'text/plain' })),
      }),
      complete: { id: (value) => ITEMS.filter((id) => id.startsWith(value)) },
    }),
    {
      title: 'Item',
      description: 'A text item addressed by id',
      mimeType: 'text/plain',
      cacheHint: { ttlMs: 60_000, cacheScope: 'public' },
    },
    async (uri, { id }) => ({ contents: [{ uri: uri.href, mimeType: 'text/plain', text: `item ${String(id)}` }] }),
  );

  mcp.registerPrompt(
    'greet',
    {
      title: 'Greet',
      description: 'A greeting for `name`',
      argsSchema: z.object({
        name: completable(z.string().describe('Who to greet'), (value) =>
          NAMES.filter((name) => name.toLowerCase().startsWith(value.toLowerCase())),
        ),
      }),
    },
    ({ name }) => ({
      messages: [{ role: 'user', content: { type: 'text', text: `Please greet ${name} warmly.` } }],
    }),
  );
}
