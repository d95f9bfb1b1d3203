import { ConfigError, LoginRequiredError } from '@mcpx/core';
import { ConfigNotFoundError } from '@mcpx/factory';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../exit-codes.js';
import { classify } from './report-error.js';

describe('classify', () => {
  it('points a missing config file at mcpx config init, by its type', async () => {
    const report = await classify(new ConfigNotFoundError(['/work/mcp_servers.json']), false);
    expect(report).toMatchObject({ exitCode: EXIT.config, hint: 'mcpx config init writes a commented starter file' });
  });

  it('gives other config errors no such hint, whatever their message says', async () => {
    const report = await classify(new ConfigError('no config file found in the archive'), false);
    expect(report.exitCode).toBe(EXIT.config);
    expect(report.hint).toBeUndefined();
  });

  it('exits with the login code for a server that needs a login', async () => {
    const report = await classify(new LoginRequiredError('https://mcp.example/mcp', 'no stored login'), false);
    expect(report.exitCode).toBe(EXIT.loginRequired);
  });
});
