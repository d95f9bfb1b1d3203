import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { robotBrowser, useOAuthServers, type RobotBrowser } from '@mcpx/test-utils/oauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, eventually, json, mcpx, outcome, requireBuild, scratch, type Scratch } from './helpers.js';

// `mcpx login` against a real oidc-provider: MCPX_BROWSER names a script that hands the
// authorization URL to this process, where a robot fills in the provider's login and consent pages.
const oauth = useOAuthServers();
let relay: Server;
let relayUrl: string;
const opened: URL[] = [];
let robot: RobotBrowser | undefined;
const dirs: Scratch[] = [];

beforeAll(async () => {
  requireBuild();
  relay = createServer((request, response) => {
    const url = new URL(new URL(request.url ?? '/', 'http://relay').searchParams.get('url') ?? '');
    opened.push(url);
    // Without a robot the "browser" stays on the login page, as a person who walked away.
    const done = robot === undefined ? Promise.resolve() : robot(url, AbortSignal.timeout(60_000));
    // A robot that fails surfaces as an unhandled rejection, which vitest reports as a failure.
    void done.finally(() => response.end('ok'));
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}/open`;
});

afterAll(async () => {
  await new Promise((resolve) => relay?.close(resolve));
  for (const dir of dirs) dir[Symbol.dispose]();
});

/** A user's folder with a config naming the protected server "protected", and the env that keeps logins in it. */
function user(): { dir: Scratch; env: Record<string, string>; browserEnv: Record<string, string> } {
  const dir = scratch('oauth');
  dirs.push(dir);
  dir.write('mcp_servers.json', JSON.stringify({ mcpServers: { protected: { url: oauth.mcp.url } } }));
  const browser = dir.write('browser.mjs', 'await fetch(`${process.env.ROBOT_RELAY}?url=${encodeURIComponent(process.argv[2])}`);\n');
  const env = { XDG_CONFIG_HOME: join(dir.path, 'config'), ROBOT_RELAY: relayUrl };
  return { dir, env, browserEnv: { ...env, MCPX_BROWSER: `${process.execPath} ${browser}` } };
}

/** Logs `who` in with `mcpx login protected`. */
async function login(who: ReturnType<typeof user>, name = 'ada'): Promise<Awaited<ReturnType<typeof mcpx>>> {
  robot = robotBrowser({ user: name });
  return mcpx(['login', 'protected'], { dir: who.dir, env: who.browserEnv });
}

function storedFiles(who: ReturnType<typeof user>): string[] {
  const folder = join(who.env.XDG_CONFIG_HOME!, 'mcpx', 'auth');
  try {
    return readdirSync(folder).map((name) => join(folder, name));
  } catch {
    return [];
  }
}

describe('mcpx login, logout and auth status against oidc-provider', () => {
  it('exits 5 naming `mcpx login <server>` when a server needs a login and no one is at a terminal', async () => {
    const who = user();
    const result = await mcpx(['tools', 'protected'], { dir: who.dir, env: who.env });
    expect(result.code).toBe(5);
    expect(result.stderr).toContain('protected needs a login: run `mcpx login protected`');
  });

  it('logs in through the browser command, printing the issuer and scopes but never a token', async () => {
    const who = user();
    const result = await login(who);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Logged in to protected');
    expect(result.stdout).toContain(`issuer   ${oauth.as.issuer}`);
    expect(result.stdout).toMatch(/scopes {3}.*mcp:read/);
    const [file] = storedFiles(who);
    const stored = JSON.parse(readFileSync(file!, 'utf8')) as { login: { tokens: { accessToken: string; refreshToken: string } } };
    expect(statSync(file!).mode & 0o777).toBe(0o600);
    for (const token of [stored.login.tokens.accessToken, stored.login.tokens.refreshToken]) {
      expect(result.stdout + result.stderr).not.toContain(token);
    }
  });

  it('uses the stored login for the commands that follow, without a browser', async () => {
    const who = user();
    await login(who, 'bo');
    const result = await mcpx(['call', 'protected/whoami'], { dir: who.dir, env: who.env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/bo via /);
  });

  it('logs in on the first call when MCPX_BROWSER names a browser', async () => {
    const who = user();
    robot = robotBrowser({ user: 'cy' });
    const result = await mcpx(['call', 'protected/whoami'], { dir: who.dir, env: who.browserEnv });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/cy via /);
  });

  it('reports each login with auth status --json: issuer, scopes, expiry, refreshable', async () => {
    const who = user();
    await login(who);
    const result = await mcpx(['auth', 'status', '--json'], { dir: who.dir, env: who.env });
    expect(result.code).toBe(0);
    const [entry] = json<{ logins: Array<Record<string, unknown>> }>(result).logins;
    expect(entry).toMatchObject({
      server: 'protected',
      url: oauth.mcp.url,
      loggedIn: true,
      issuer: oauth.as.issuer,
      refreshable: true,
      tokenType: 'Bearer',
    });
    expect(entry?.scopes).toContain('mcp:read');
    expect(Date.parse(String(entry?.expiresAt))).toBeGreaterThan(Date.now());
    expect(JSON.stringify(entry)).not.toMatch(/token"?:\s*"[^B]/i);
  });

  it('logs out: revokes the tokens at the server and deletes the stored login', async () => {
    const who = user();
    await login(who);
    const result = await mcpx(['logout', 'protected'], { dir: who.dir, env: who.env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Logged out of protected: tokens revoked at the authorization server and deleted');
    const status = await mcpx(['auth', 'status', '--json'], { dir: who.dir, env: who.env });
    expect(json<{ logins: Array<{ loggedIn: boolean }> }>(status).logins).toEqual([expect.objectContaining({ loggedIn: false })]);
  });

  it('ends a login cleanly on Ctrl-C, with exit code 130', async () => {
    const who = user();
    robot = undefined;
    const before = opened.length;
    const child = spawn(process.execPath, [BIN, 'login', 'protected'], {
      cwd: who.dir.path,
      env: cleanEnv(who.dir, who.browserEnv),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const result = outcome(child);
    child.stdin.end();
    await eventually(() => (opened.length > before ? true : undefined), 'the browser to be opened');
    child.kill('SIGINT');
    const { code, stderr } = await result;
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted');
    expect(storedFiles(who).filter((file) => readFileSync(file, 'utf8').includes('accessToken'))).toEqual([]);
  });

  it('refuses to log in to a server that does not use OAuth, saying why', async () => {
    const who = user();
    who.dir.write('mcp_servers.json', JSON.stringify({ mcpServers: { local: { command: 'true' } } }));
    const result = await mcpx(['login', 'local'], { dir: who.dir, env: who.env });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('local does not log in with OAuth');
  });
});
