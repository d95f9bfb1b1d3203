import { robotBrowser } from '@mcpx/test-utils/oauth';
import { describe, expect, it } from 'vitest';
import { OAuthProvider } from '../src/index.js';
import { text, useOidc } from './oidc-fixture.js';

describe('logging in to an MCP server over WebSocket', () => {
  const oidc = useOidc();

  it('logs in on the refused upgrade request, then lists and calls tools on the socket', async () => {
    const robot = robotBrowser();
    const client = await oidc.connectWebSocket(new OAuthProvider({ userAgent: robot }));

    expect((await client.listTools()).tools.map((tool) => tool.name).sort()).toEqual(['whoami', 'write-note']);
    expect(text(await client.callTool('whoami'))).toMatch(/^alice via .* \(mcp:read, Bearer\)$/);
    expect(robot.visits[0]?.searchParams.get('resource')).toBe(oidc.mcp.webSocketUrl);
    expect(oidc.mcp.requests.filter((request) => request.websocket).map((request) => request.error ?? request.status)).toEqual([
      'no token',
      200,
    ]);
  });

  it('sends a DPoP proof for the upgrade request with a DPoP-bound token', async () => {
    const client = await oidc.connectWebSocket(new OAuthProvider({ userAgent: robotBrowser(), dpop: true }));

    expect(text(await client.callTool('whoami'))).toMatch(/\(mcp:read, DPoP\)$/);
  });
});
