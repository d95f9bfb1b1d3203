import { McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';

/**
 * The MCP server behind the token check: `whoami` says whose token reached it, and
 * `write-note` needs the `mcp:write` scope (checked here too, for the WebSocket endpoint,
 * where a refusal cannot be an HTTP 403).
 */
export function buildProtectedServer(): McpServer {
  const server = new McpServer({ name: 'mcpx-protected-test-server', version: '1.0.0' }, { capabilities: { tools: {} } });
  server.registerTool('whoami', { description: 'Says who the access token belongs to' }, (ctx) => {
    const auth = ctx.http?.authInfo;
    return {
      content: [
        {
          type: 'text',
          text: `${String(auth?.extra?.subject)} via ${auth?.clientId ?? '?'} (${auth?.scopes.join(' ') ?? ''}, ${String(auth?.extra?.tokenType)})`,
        },
      ],
    };
  });
  server.registerTool(
    'write-note',
    { description: 'Saves a note; needs the mcp:write scope', inputSchema: z.object({ text: z.string() }) },
    ({ text }, ctx) => {
      if (ctx.http?.authInfo?.scopes.includes('mcp:write') !== true)
        return { content: [{ type: 'text', text: 'insufficient_scope: this tool needs mcp:write' }], isError: true };
      return { content: [{ type: 'text', text: `saved: ${text}` }] };
    },
  );
  return server;
}
