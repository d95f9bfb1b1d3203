/* global Response */
// Sessionful 2025-era Streamable HTTP (Mcp-Session-Id, the GET stream, DELETE), one
// McpServer per session. `createMcpHandler`'s own legacy fallback is stateless, which
// leaves a legacy client no GET stream for resource updates and no initialize-declared
// capabilities for elicitation and sampling; this is the SDK's documented way around it.
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/server';
import { randomUUID } from 'node:crypto';

function rpcError(status, code, message) {
  return Response.json({ jsonrpc: '2.0', error: { code, message }, id: null }, { status });
}

/**
 * @param {import('@modelcontextprotocol/server').McpServerFactory} factory
 * @param {(error: Error) => void} onerror
 */
export function createLegacySessions(factory, onerror) {
  /** @type {Map<string, WebStandardStreamableHTTPServerTransport>} */
  const sessions = new Map();

  async function open(request) {
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => void sessions.set(id, transport),
      onsessionclosed: (id) => void sessions.delete(id),
    });
    const mcp = await factory({ era: 'legacy', requestInfo: request });
    mcp.server.onerror = onerror;
    await mcp.connect(transport);
    const previousOnClose = mcp.server.onclose;
    mcp.server.onclose = () => {
      if (transport.sessionId !== undefined) sessions.delete(transport.sessionId);
      previousOnClose?.();
    };
    const response = await transport.handleRequest(request);
    // Anything but a successful initialize leaves no session behind.
    if (transport.sessionId === undefined) await mcp.close().catch(onerror);
    return response;
  }

  return {
    /** Serves one legacy HTTP request. */
    async fetch(request) {
      const id = request.headers.get('mcp-session-id');
      if (id === null) {
        if (request.method !== 'POST') return rpcError(400, -32000, 'Bad Request: Mcp-Session-Id header is required');
        return open(request);
      }
      const transport = sessions.get(id);
      if (transport === undefined) return rpcError(404, -32001, 'Session not found');
      return transport.handleRequest(request);
    },

    async close() {
      const transports = [...sessions.values()];
      sessions.clear();
      await Promise.all(transports.map((transport) => transport.close().catch(onerror)));
    },
  };
}
