import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { robotBrowser } from '@mcpx/test-utils/oauth';
import { describe, expect, it } from 'vitest';
import { fileTokenStore, OAuthProvider } from '../src/index.js';
import { text, useOidc } from './oidc-fixture.js';

describe('a login kept in a file token store', () => {
  const oidc = useOidc();

  it('is saved in one file of mode 0600 in a folder of mode 0700', async () => {
    const dir = join(await oidc.tempDir(), 'auth');
    await oidc.connect(new OAuthProvider({ userAgent: robotBrowser(), store: fileTokenStore({ dir }) }));

    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect((await stat(join(dir, files[0] ?? ''))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('is used by a second provider without a new registration or login', async () => {
    const dir = await oidc.tempDir();
    const robot = robotBrowser();
    await oidc.connect(new OAuthProvider({ userAgent: robot, store: fileTokenStore({ dir }) }));
    const eventsBefore = oidc.as.events.length;
    const requestsBefore = oidc.mcp.requests.length;

    const client = await oidc.connect(new OAuthProvider({ userAgent: robot, store: fileTokenStore({ dir }) }));
    expect(text(await client.callTool('whoami'))).toMatch(/^alice via /);

    expect(robot.visits).toHaveLength(1);
    expect(oidc.as.events.slice(eventsBefore)).toEqual([]);
    expect(oidc.mcp.requests.slice(requestsBefore).map((request) => request.status)).not.toContain(401);
  });

  it('is used by a provider that may not log in (as `mcpx` without a terminal)', async () => {
    const dir = await oidc.tempDir();
    await oidc.connect(new OAuthProvider({ userAgent: robotBrowser({ user: 'bob' }), store: fileTokenStore({ dir }) }));

    const client = await oidc.connect(new OAuthProvider({ interactive: false, store: fileTokenStore({ dir }) }));
    expect(text(await client.callTool('whoami'))).toMatch(/^bob via /);
  });
});
