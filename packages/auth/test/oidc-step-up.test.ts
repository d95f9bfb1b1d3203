import { robotBrowser } from '@mcpx/test-utils/oauth';
import { describe, expect, it } from 'vitest';
import { OAuthProvider } from '../src/index.js';
import { text, useOidc } from './oidc-fixture.js';

describe('a tool that needs a scope the token lacks', () => {
  const oidc = useOidc();

  it('makes the provider log in again for the union of the scopes, and the call goes through', async () => {
    const robot = robotBrowser();
    const provider = new OAuthProvider({ userAgent: robot });
    const client = await oidc.connect(provider);
    expect((await provider.status())?.scopes).not.toContain('mcp:write');

    expect(text(await client.callTool('write-note', { text: 'hello' }))).toBe('saved: hello');

    const refusals = oidc.mcp.requests.filter((request) => request.tool === 'write-note' && request.status === 403);
    expect(refusals.map((request) => request.error)).toEqual(['insufficient_scope']);
    expect(robot.visits).toHaveLength(2);
    expect(robot.visits[1]?.searchParams.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['mcp:read', 'mcp:write']));
    expect((await provider.status())?.scopes).toEqual(expect.arrayContaining(['mcp:read', 'mcp:write']));
  });

  it('asks the user only for consent the second time, the browser session being still open', async () => {
    const robot = robotBrowser();
    const client = await oidc.connect(new OAuthProvider({ userAgent: robot }));
    await client.callTool('write-note', { text: 'again' });

    expect(robot.pages).toEqual(['login', 'consent', 'consent']);
  });

  it('is an error, not a loop, when the user may not get the scope', async () => {
    const robot = robotBrowser();
    const client = await oidc.connect(new OAuthProvider({ userAgent: robot, maxStepUps: 0 }));

    await expect(client.callTool('write-note', { text: 'no' })).rejects.toMatchObject({ status: 403 });
    expect(robot.visits).toHaveLength(1);
  });
});
