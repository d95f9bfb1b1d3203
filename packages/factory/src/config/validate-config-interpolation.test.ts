import { ConfigError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { validateConfig } from './validate-config.js';
import { options, problemsOf } from '../../test/helpers/validate.js';

describe('validateConfig: interpolation', () => {
  it("expands variables in every string, as seed 004's Bearer ${API_TOKEN}", () => {
    const config = validateConfig(
      {
        mcpServers: {
          s: {
            command: '${HOST}-server',
            args: ['--host=${HOST}'],
            env: { TOKEN: '${API_TOKEN}', PLAIN: 'x' },
            tags: ['${MISSING:-none}'],
          },
        },
      },
      options,
    );
    expect(config.servers[0]).toMatchObject({
      command: 'example.com-server',
      args: ['--host=example.com'],
      env: { TOKEN: 'secret', PLAIN: 'x' },
      tags: ['none'],
    });
  });

  it('reports a missing variable without a default with its file, server and field', () => {
    expect(
      problemsOf({ mcpServers: { api: { url: 'https://example.com/mcp', headers: { Authorization: 'Bearer ${GITHUB_TOKEN}' } } } }),
    ).toEqual([
      {
        server: 'api',
        field: 'headers.Authorization',
        message: '${GITHUB_TOKEN} is not set',
        fix: 'set GITHUB_TOKEN in the environment, or give a default: ${GITHUB_TOKEN:-value}',
      },
    ]);
  });

  it('names the file in the error message with the server and field', () => {
    const error: unknown = (() => {
      try {
        return validateConfig({ mcpServers: { api: { command: 'x', args: ['${NOPE}'] } } }, options);
      } catch (caught) {
        return caught;
      }
    })();
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      'mcp_servers.json has 1 problem:\n  1. mcp_servers.json, server "api", field "args[0]": ${NOPE} is not set; fix: set NOPE in the environment, or give a default: ${NOPE:-value}',
    );
  });

  it('accepts a disabled server whose variables are not set (they only matter when it is used)', () => {
    const config = validateConfig({ mcpServers: { later: { enabled: false, url: 'https://${UNSET_HOST}/mcp' } } }, options);
    expect(config.servers[0]).toMatchObject({ name: 'later', enabled: false, transport: 'http', url: 'https://${UNSET_HOST}/mcp' });
  });

  it('still reports the structural mistakes of a disabled server', () => {
    expect(problemsOf({ mcpServers: { later: { enabled: false, command: 'x', args: 'y' } } })).toEqual([
      {
        server: 'later',
        field: 'args',
        message: 'must be a list of strings, got the string "y"',
        fix: 'write a list such as ["--port", "8080"]',
      },
    ]);
  });
});
