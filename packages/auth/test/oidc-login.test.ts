import { robotBrowser } from '@mcpx/test-utils/oauth';
import { describe, expect, it } from 'vitest';
import { OAuthProvider } from '../src/index.js';
import { text, useOidc } from './oidc-fixture.js';

describe('logging in to an MCP server behind oidc-provider', () => {
  const oidc = useOidc();

  it('registers a client, logs the user in through the browser, and lists and calls tools', async () => {
    const robot = robotBrowser({ user: 'alice' });
    const client = await oidc.connect(new OAuthProvider({ userAgent: robot }));

    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['whoami', 'write-note']);
    const answer = text(await client.callTool('whoami'));

    const registered = oidc.as.events.filter((event) => event.type === 'registration');
    expect(registered).toHaveLength(1);
    expect(answer).toBe(`alice via ${registered[0]?.clientId} (mcp:read, Bearer)`);
    expect(robot.visits).toHaveLength(1);
    expect(robot.pages).toEqual(['login', 'consent']);
  });

  it('logs in the same way for a client of the 2025 era (initialize, then a session)', async () => {
    const robot = robotBrowser({ user: 'carol' });
    const client = await oidc.connect(new OAuthProvider({ userAgent: robot }), { era: 'legacy' });

    expect(text(await client.callTool('whoami'))).toMatch(/^carol via /);
    expect(oidc.mcp.requests.some((request) => request.rpcMethod === 'initialize' && request.status === 200)).toBe(true);
    expect(robot.visits).toHaveLength(1);
  });

  it('sends PKCE S256, state and the MCP server as resource in the authorization request', async () => {
    const robot = robotBrowser();
    await oidc.connect(new OAuthProvider({ userAgent: robot }));

    const request = robot.visits[0]?.searchParams;
    expect(request?.get('code_challenge_method')).toBe('S256');
    expect(request?.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(request?.get('state')).toBeTruthy();
    expect(request?.get('resource')).toBe(oidc.mcp.url);
    expect(request?.get('scope')?.split(' ')).toContain('mcp:read');
  });

  it('sends the token only after the first refusal, then on every request', async () => {
    const before = oidc.mcp.requests.length;
    const client = await oidc.connect(new OAuthProvider({ userAgent: robotBrowser() }));
    await client.callTool('whoami');

    const requests = oidc.mcp.requests.slice(before);
    expect(requests[0]).toMatchObject({ status: 401, error: 'no token' });
    expect(requests.slice(1).every((request) => request.status === 200)).toBe(true);
  });
});
