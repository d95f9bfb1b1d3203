import { describe, expect, it } from 'vitest';
import { ConfigValidationError } from '../errors/config-validation-error.js';
import { validateConfig } from './validate-config.js';

const problemsOf = (input: unknown, env: Record<string, string> = {}): Array<{ field: string | undefined; message: string; fix: string }> => {
  try {
    validateConfig(input, { env });
  } catch (error) {
    if (ConfigValidationError.isInstance(error)) return error.problems.map(({ field, message, fix }) => ({ field, message, fix }));
    throw error;
  }
  return [];
};

describe('the oauth settings of a server', () => {
  it('reads every setting, with ${VAR} expanded', () => {
    const [server] = validateConfig(
      { mcpServers: { linear: { url: 'https://mcp.linear.app/mcp', oauth: { clientId: 'mcpx-cli', clientSecret: '${SECRET}', scopes: ['read', 'write'], redirectPort: 8765, dpop: true } } } },
      { env: { SECRET: 's3cret' } },
    ).servers;
    expect(server).toMatchObject({ transport: 'http', oauth: { clientId: 'mcpx-cli', clientSecret: 's3cret', scopes: ['read', 'write'], redirectPort: 8765, dpop: true } });
  });

  it("accepts Cursor's auth table and Claude Code's callbackPort and space-separated scopes", () => {
    const config = validateConfig(
      {
        mcpServers: {
          cursor: { url: 'https://a.example/mcp', auth: { CLIENT_ID: 'id', CLIENT_SECRET: 'secret', scopes: ['mcp', 'offline_access'] } },
          claude: { type: 'http', url: 'https://b.example/mcp', oauth: { clientId: 'cc', callbackPort: 9000, scopes: 'read write', authServerMetadataUrl: 'https://b.example/meta' } },
        },
      },
      { env: {} },
    );
    expect(config.servers[0]).toMatchObject({ oauth: { clientId: 'id', clientSecret: 'secret', scopes: ['mcp', 'offline_access'] } });
    expect(config.servers[1]).toMatchObject({ oauth: { clientId: 'cc', redirectPort: 9000, scopes: ['read', 'write'] } });
  });

  it('turns OAuth off with false', () => {
    const [server] = validateConfig({ mcpServers: { plain: { url: 'https://a.example/mcp', oauth: false } } }, { env: {} }).servers;
    expect(server).toMatchObject({ oauth: false });
  });

  it('reports a misspelt key with its likely spelling, and a wrong grant with the ones there are', () => {
    expect(problemsOf({ mcpServers: { s: { url: 'https://a.example/mcp', oauth: { clinetId: 'x', grant: 'password' } } } })).toEqual([
      { field: 'oauth.clinetId', message: 'unknown key "clinetId"', fix: 'did you mean "clientId"?' },
      expect.objectContaining({ field: 'oauth.grant', message: expect.stringContaining('"password"') }),
    ]);
  });

  it('says what a machine grant is missing', () => {
    const problems = problemsOf({ mcpServers: { svc: { url: 'https://a.example/mcp', oauth: { grant: 'client_credentials' } } } });
    expect(problems.map((p) => p.field)).toEqual(['oauth.clientId', 'oauth.clientSecret']);
  });

  it('refuses oauth on a server started with a command', () => {
    expect(problemsOf({ mcpServers: { local: { command: 'node', args: ['server.js'], oauth: { clientId: 'x' } } } })).toEqual([
      { field: 'oauth', message: 'does not apply to a stdio server', fix: expect.stringContaining('"env"') },
    ]);
  });
});
