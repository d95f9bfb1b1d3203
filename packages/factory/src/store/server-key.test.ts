import { describe, expect, it } from 'vitest';
import type { HttpServerConfig, StdioServerConfig } from '../config/types.js';
import { configServerKey } from './server-key.js';

const stdio: StdioServerConfig = {
  name: 'files',
  enabled: true,
  tags: [],
  transport: 'stdio',
  command: 'node',
  args: ['server.js'],
  env: { TOKEN: 'secret-value' },
};
const http: HttpServerConfig = {
  name: 'docs',
  enabled: true,
  tags: [],
  transport: 'http',
  url: 'https://mcp.example.com/mcp',
  headers: { 'X-Tenant': 'acme' },
  sseFallback: true,
};

describe('the server key of a config', () => {
  it('is the same for the same stdio server under another name', () => {
    expect(configServerKey({ ...stdio, name: 'other' })).toBe(configServerKey(stdio));
  });

  it('differs when the environment, the working directory or the arguments differ', () => {
    const keys = new Set([
      configServerKey(stdio),
      configServerKey({ ...stdio, env: { TOKEN: 'another-value' } }),
      configServerKey({ ...stdio, cwd: '/srv/app' }),
      configServerKey({ ...stdio, args: ['server.js', '--readonly'] }),
    ]);
    expect(keys.size).toBe(4);
  });

  it('does not depend on the order the variables were written in', () => {
    const a = configServerKey({ ...stdio, env: { A: '1', B: '2' } });
    const b = configServerKey({ ...stdio, env: { B: '2', A: '1' } });
    expect(a).toBe(b);
  });

  it('shows no argument, variable or header value in clear', () => {
    expect(configServerKey(stdio)).toMatch(/^stdio:[\w-]{43}$/);
    expect(configServerKey(http)).toMatch(/^url:[\w-]{43}$/);
    expect(configServerKey(http)).not.toContain('example.com');
  });

  it('separates tenants chosen by a header, but not callers chosen by their credentials', () => {
    expect(configServerKey({ ...http, headers: { 'X-Tenant': 'globex' } })).not.toBe(configServerKey(http));
    expect(configServerKey({ ...http, headers: { 'x-tenant': 'acme', Authorization: 'Bearer abc' } })).toBe(configServerKey(http));
  });
});
