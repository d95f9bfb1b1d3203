// A small 2026-07-28 MCP server for examples/redis.mjs, on the official SDK: its tools/list may be
// cached by anyone for a minute, and its tool `add-tool` adds a tool (the list changes, and the
// server says so with notifications/tools/list_changed).
import { McpServer } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';

serveStdio(() => {
  const mcp = new McpServer(
    { name: 'example-catalog', version: '1.0.0' },
    { capabilities: { tools: { listChanged: true } }, cacheHints: { 'tools/list': { ttlMs: 60_000, cacheScope: 'public' } } },
  );
  let added = 0;
  mcp.registerTool('add-tool', { description: 'Adds a tool to the list' }, async () => {
    added += 1;
    mcp.registerTool(`tool-${added}`, { description: `Added tool ${added}` }, async () => ({ content: [] }));
    return { content: [{ type: 'text', text: `added tool-${added}` }] };
  });
  return mcp;
});
