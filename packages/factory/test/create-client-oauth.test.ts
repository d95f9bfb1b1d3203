import { memoryTokenStore } from '@mcpx/auth';
import { AuthError, LoginRequiredError } from '@mcpx/core';
import { robotBrowser, useOAuthServers } from '@mcpx/test-utils/oauth';
import { describe, expect, it } from 'vitest';
import { createClient, createRegistry } from '../src/index.js';
import { textOf } from './helpers.js';

const oauth = useOAuthServers();

describe('OAuth for the servers of a config, against oidc-provider', () => {
  it('logs in to a server that answers 401 with a Bearer challenge, with no OAuth settings in its entry', async () => {
    const robot = robotBrowser({ user: 'ada' });
    const client = await createClient(
      { url: oauth.mcp.url },
      { name: 'protected', oauth: { store: memoryTokenStore(), userAgent: robot } },
    );
    try {
      expect(textOf(await client.callTool('whoami'))).toMatch(/^ada via /);
      expect(robot.visits).toHaveLength(1);
    } finally {
      await client.close();
    }
  });

  it('reuses the login kept in the token store for the next client, without the browser', async () => {
    const store = memoryTokenStore();
    const first = await createClient(
      { url: oauth.mcp.url },
      { name: 'protected', oauth: { store, userAgent: robotBrowser({ user: 'bo' }) } },
    );
    await first.close();
    const robot = robotBrowser();
    const second = await createClient({ url: oauth.mcp.url }, { name: 'protected', oauth: { store, userAgent: robot } });
    try {
      expect(textOf(await second.callTool('whoami'))).toMatch(/^bo via /);
      expect(robot.visits).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it("asks for the scopes of the entry's oauth table and uses its client name", async () => {
    const robot = robotBrowser();
    const client = await createClient(
      { url: oauth.mcp.url, oauth: { scopes: 'mcp:read mcp:write', clientName: 'factory test' } },
      { name: 'protected', oauth: { store: memoryTokenStore(), userAgent: robot } },
    );
    try {
      expect(robot.visits[0]?.searchParams.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['mcp:read', 'mcp:write']));
      expect(textOf(await client.callTool('whoami'))).toContain('mcp:write');
    } finally {
      await client.close();
    }
  });

  it('fails with LoginRequiredError naming `mcpx login <server>` when no one is there to log in', async () => {
    const attempt = createClient({ url: oauth.mcp.url }, { name: 'protected', oauth: { store: memoryTokenStore(), interactive: false } });
    await expect(attempt).rejects.toSatisfy(
      (error: unknown) => LoginRequiredError.isInstance(error) && error.message.includes('run `mcpx login protected`'),
    );
  });

  it('leaves the 401 as it is for a server whose entry has oauth: false', async () => {
    const attempt = createClient(
      { url: oauth.mcp.url, oauth: false },
      { name: 'protected', oauth: { store: memoryTokenStore(), userAgent: robotBrowser() } },
    );
    await expect(attempt).rejects.toSatisfy((error: unknown) => AuthError.isInstance(error) && error.status === 401);
  });

  it('marks a registry server needs-login instead of retrying it, when no one is there to log in', async () => {
    const registry = await createRegistry(
      { mcpServers: { protected: { url: oauth.mcp.url } } },
      { oauth: { store: memoryTokenStore(), interactive: false } },
    );
    try {
      expect(registry.get('protected')).toMatchObject({ state: 'needs-login' });
    } finally {
      await registry.close();
    }
  });
});
