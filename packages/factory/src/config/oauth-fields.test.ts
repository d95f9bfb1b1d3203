import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseToml } from 'smol-toml';
import type { ConfigProblem } from './problem.js';
import { configProblems } from '../../test/helpers/validate.js';
import { validateConfig, type ValidateConfigOptions } from './validate-config.js';

const dir = mkdtempSync(join(tmpdir(), 'mcpx-oauth-config-'));
const PEM = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIB4=\n-----END PRIVATE KEY-----\n';
writeFileSync(join(dir, 'client.pem'), PEM);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options: ValidateConfigOptions = {
  file: 'mcp.json',
  env: { CLIENT_SECRET: 's3cret', ID_TOKEN: 'eyJ.id.token' },
  cwd: dir,
  homedir: '/home/ada',
};

function oauthOf(oauth: unknown, entry: Record<string, unknown> = {}): unknown {
  const [server] = validateConfig(
    { mcpServers: { remote: { url: 'https://example.com/mcp', ...entry, ...(oauth === undefined ? {} : { oauth }) } } },
    options,
  ).servers;
  return server && 'oauth' in server ? server.oauth : 'absent';
}

function problemsOf(
  oauth: unknown,
  entry: Record<string, unknown> = { url: 'https://example.com/mcp' },
): Pick<ConfigProblem, 'field' | 'message' | 'fix'>[] {
  return configProblems({ mcpServers: { remote: { ...entry, oauth } } }, options).map(({ field, message, fix }) => ({
    field,
    message,
    fix,
  }));
}

describe('the oauth table of a server', () => {
  it('reads every setting, with ${VAR} expanded and the key file read relative to the config', () => {
    const oauth = oauthOf({
      clientId: 'mcpx-cli',
      clientSecret: '${CLIENT_SECRET}',
      privateKeyFile: 'client.pem',
      privateKeyAlg: 'EdDSA',
      tokenEndpointAuthMethod: 'private_key_jwt',
      clientName: 'My laptop',
      scopes: ['read', 'write'],
      redirectPort: 8765,
      dpop: { alg: 'ES256' },
      grant: { type: 'client_credentials' },
    });
    expect(oauth).toEqual({
      clientId: 'mcpx-cli',
      clientSecret: 's3cret',
      privateKey: PEM,
      privateKeyAlg: 'EdDSA',
      tokenEndpointAuthMethod: 'private_key_jwt',
      clientName: 'My laptop',
      scopes: ['read', 'write'],
      redirectPort: 8765,
      dpop: { alg: 'ES256' },
      grant: { type: 'client_credentials' },
    });
  });

  it('leaves oauth out when the entry has none, so that OAuth is on with no settings', () => {
    expect(oauthOf(undefined)).toBe('absent');
  });

  it('keeps oauth: false, which turns OAuth off', () => {
    expect(oauthOf(false)).toBe(false);
  });

  it("accepts Claude Code's and VS Code's fields: clientId, callbackPort, scopes as one string, authServerMetadataUrl (not used)", () => {
    const oauth = oauthOf({
      clientId: 'abc',
      callbackPort: 8080,
      scopes: 'read  write',
      authServerMetadataUrl: 'https://auth.example.com/.well-known/openid-configuration',
    });
    expect(oauth).toEqual({ clientId: 'abc', redirectPort: 8080, scopes: ['read', 'write'] });
  });

  it("accepts Cursor's auth table with CLIENT_ID, CLIENT_SECRET and scopes", () => {
    const [server] = validateConfig(
      {
        mcpServers: {
          remote: { url: 'https://example.com/mcp', auth: { CLIENT_ID: 'abc', CLIENT_SECRET: '${CLIENT_SECRET}', scopes: ['mcp'] } },
        },
      },
      options,
    ).servers;
    expect(server).toMatchObject({ oauth: { clientId: 'abc', clientSecret: 's3cret', scopes: ['mcp'] } });
  });

  it('reads a grant given by its type alone', () => {
    expect(oauthOf({ clientId: 'bot', clientSecret: 'x', grant: 'client_credentials' })).toEqual({
      clientId: 'bot',
      clientSecret: 'x',
      grant: { type: 'client_credentials' },
    });
  });

  it('reads the enterprise grant with its identity provider, and the workload grant with its token file made absolute', () => {
    expect(
      oauthOf({
        grant: { type: 'enterprise', idToken: '${ID_TOKEN}', idpTokenEndpoint: 'https://idp.example.com/token', idpClientId: 'idp-client' },
      }),
    ).toEqual({
      grant: { type: 'enterprise', idToken: 'eyJ.id.token', idpTokenEndpoint: 'https://idp.example.com/token', idpClientId: 'idp-client' },
    });
    expect(oauthOf({ grant: { type: 'workload_identity', tokenFile: 'tokens/mcp' } })).toEqual({
      grant: { type: 'workload_identity', tokenFile: join(dir, 'tokens', 'mcp') },
    });
  });

  it('reads the oauth table of a TOML server', () => {
    const text =
      '[mcp_servers.remote]\nurl = "https://example.com/mcp"\n[mcp_servers.remote.oauth]\nclient_id = "abc"\nredirect_port = 9000\nscopes = ["read"]\n';
    const [server] = validateConfig(parseToml(text), { ...options, file: 'mcp.toml', format: 'toml' }).servers;
    expect(server).toMatchObject({ oauth: { clientId: 'abc', redirectPort: 9000, scopes: ['read'] } });
  });

  it('reads the oauth table of a VS Code servers entry', () => {
    const [server] = validateConfig(
      { servers: { remote: { type: 'http', url: 'https://example.com/mcp', oauth: { clientId: 'abc' } } } },
      options,
    ).servers;
    expect(server).toMatchObject({ transport: 'http', oauth: { clientId: 'abc' } });
  });
});

describe('problems with the oauth table', () => {
  it('suggests the key an unknown one is a typo of', () => {
    expect(problemsOf({ clientID: 'abc' })).toEqual([
      { field: 'oauth.clientID', message: 'unknown key "clientID"', fix: 'did you mean "clientId"?' },
    ]);
  });

  it('refuses oauth on a stdio server', () => {
    expect(problemsOf({ clientId: 'abc' }, { command: 'server' })).toEqual([
      {
        field: 'oauth',
        message: 'does not apply to a stdio server',
        fix: 'remove it; a server started with "command" gets its credentials through "env"',
      },
    ]);
  });

  it('refuses OAuth settings beside an Authorization header', () => {
    expect(problemsOf({ clientId: 'abc' }, { url: 'https://example.com/mcp', headers: { authorization: 'Bearer x' } })).toEqual([
      {
        field: 'oauth',
        message: 'conflicts with the "Authorization" header',
        fix: 'remove the header to log in with OAuth, or write "oauth": false to send the header only',
      },
    ]);
  });

  it('refuses a value that is neither false nor a table', () => {
    expect(problemsOf('yes')[0]).toMatchObject({ field: 'oauth', message: 'must be false or a table, got the string "yes"' });
  });

  it('names the grant field that does not apply and the one that is missing', () => {
    expect(problemsOf({ grant: { type: 'workload_identity', idToken: 'x' } })).toEqual([
      {
        field: 'oauth.grant.idToken',
        message: 'does not apply to the workload_identity grant',
        fix: 'remove it, or change the grant\'s "type"',
      },
      {
        field: 'oauth.grant.tokenFile',
        message: 'is required for the workload_identity grant, unless "token" is given',
        fix: expect.stringContaining('add "tokenFile"'),
      },
    ]);
  });

  it('refuses the client credentials grant without a client secret or key', () => {
    expect(problemsOf({ clientId: 'bot', grant: 'client_credentials' })).toEqual([
      {
        field: 'oauth.grant',
        message: 'the client_credentials grant needs "clientId" with "clientSecret" or "privateKey"',
        fix: 'add the credentials of the client registered for this machine',
      },
    ]);
  });

  it('says where a missing private key file was looked for', () => {
    expect(problemsOf({ privateKeyFile: 'missing.pem' })).toEqual([
      {
        field: 'oauth.privateKeyFile',
        message: `${join(dir, 'missing.pem')} does not exist`,
        fix: 'create it or fix the path; a relative path starts at the folder of the config file',
      },
    ]);
  });

  it('refuses a private key that is not PEM, a port out of range and scopes with spaces', () => {
    expect(
      problemsOf({ privateKey: 'abc', redirectPort: 70000, scopes: ['read write'] }).map((problem) => [problem.field, problem.message]),
    ).toEqual([
      ['oauth.privateKey', 'is not a PEM private key'],
      ['oauth.scopes', '"read write" is not a scope'],
      ['oauth.redirectPort', '70000 is not a port number'],
    ]);
  });

  it('reports an unset variable in the oauth table', () => {
    expect(problemsOf({ clientId: 'abc', clientSecret: '${MISSING_SECRET}' })).toEqual([
      { field: 'oauth.clientSecret', message: expect.stringContaining('MISSING_SECRET'), fix: expect.any(String) },
    ]);
  });
});
