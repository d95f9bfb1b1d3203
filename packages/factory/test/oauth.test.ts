import { AuthError, LoginRequiredError } from '@mcpx/core';
import { memoryTokenStore } from '@mcpx/auth';
import { robotBrowser, startAuthorizationServer, startProtectedMcpServer, type AuthorizationServer, type ProtectedMcpServer } from '@mcpx/test-utils/oauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, createRegistry } from '../src/index.js';
import { textOf } from './helpers.js';

let as: AuthorizationServer;
let mcp: ProtectedMcpServer;

beforeAll(async () => {
  as = await startAuthorizationServer();
  mcp = await startProtectedMcpServer({ authorizationServer: as });
});

afterAll(async () => {
  await mcp?.close();
  await as?.close();
});

/** The first cause of `error` (itself included) that `is` accepts. */
function causeOf<T>(error: unknown, is: (value: unknown) => value is T): T | undefined {
  for (let current = error, depth = 0; current !== undefined && depth < 10; current = (current as { cause?: unknown }).cause, depth++) if (is(current)) return current;
  return undefined;
}

describe('OAuth for servers of a config', () => {
  it('logs a server that asks for it in with no oauth settings at all, and keeps the login for the next client', async () => {
    const store = memoryTokenStore();
    const browser = robotBrowser();
    const first = await createClient({ url: mcp.url }, { name: 'protected', oauth: { store, userAgent: browser } });
    try {
      expect(textOf(await first.callTool('whoami', {}))).toContain('alice');
    } finally {
      await first.close();
    }
    const logins = browser.visits.length;
    const second = await createClient({ url: mcp.url }, { name: 'protected', oauth: { store, interactive: false } });
    try {
      expect(textOf(await second.callTool('whoami', {}))).toContain('alice');
      expect(browser.visits.length).toBe(logins);
    } finally {
      await second.close();
    }
  });

  it('fails with LoginRequiredError naming `mcpx login <server>` when no user can log in', async () => {
    const error = await createClient({ url: mcp.url }, { name: 'protected', oauth: { store: memoryTokenStore(), interactive: false } }).catch((caught: unknown) => caught);
    const required = causeOf(error, LoginRequiredError.isInstance);
    expect(required?.message).toContain('mcpx login protected');
  });

  it('leaves a server with a static Authorization header to that header', async () => {
    const error = await createClient({ url: mcp.url, headers: { Authorization: 'Bearer not-a-token' } }, { name: 'protected', oauth: { store: memoryTokenStore(), interactive: false } }).catch((caught: unknown) => caught);
    expect(causeOf(error, AuthError.isInstance)?.status).toBe(401);
    expect(causeOf(error, LoginRequiredError.isInstance)).toBeUndefined();
  });

  it('puts a server that needs a login in needs-login in a registry, not in the reconnect loop', async () => {
    const registry = await createRegistry({ servers: [{ name: 'protected', url: mcp.url }] }, { oauth: { store: memoryTokenStore(), interactive: false } });
    try {
      const report = await registry.connectAll();
      expect(report.outcomes[0]).toMatchObject({ ok: false, state: 'needs-login' });
    } finally {
      await registry.close();
    }
  });
});
