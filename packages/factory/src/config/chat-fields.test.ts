import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { ConfigValidationError } from '../errors/config-validation-error.js';
import type { ConfigProblem } from './problem.js';
import { validateConfig, type ValidateConfigOptions } from './validate-config.js';

const options: ValidateConfigOptions = { file: 'mcpx.json', env: { CHAT_MODEL: 'claude-test' }, cwd: '/work', homedir: '/home/ada' };
const servers = { everything: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'] } };

function problemsOf(input: unknown): Omit<ConfigProblem, 'file'>[] {
  try {
    validateConfig(input, options);
  } catch (error) {
    if (!ConfigValidationError.isInstance(error)) throw error;
    return error.problems.map(({ server, field, message, fix }) => ({ server, field, message, fix }));
  }
  throw new Error('the config was accepted');
}

describe('validateConfig: the chat table', () => {
  it('has no chat settings when the config has no "chat" key', () => {
    expect(validateConfig({ mcpServers: servers }, options).chat).toBeUndefined();
  });

  it('reads every key of the chat table, expanding ${VAR}', () => {
    const config = validateConfig(
      { mcpServers: servers, chat: { provider: 'anthropic', model: '${CHAT_MODEL}', maxSteps: 4, max_tokens: 1000, system: 'Be brief.' } },
      options,
    );
    expect(config.chat).toEqual({ provider: 'anthropic', model: 'claude-test', maxSteps: 4, maxTokens: 1000, system: 'Be brief.' });
  });

  it('suggests the key meant by a misspelt chat key', () => {
    expect(problemsOf({ mcpServers: servers, chat: { modle: 'x' } })).toEqual([
      { server: undefined, field: 'chat.modle', message: 'unknown key "modle"', fix: 'did you mean "model"?' },
    ]);
  });

  it('suggests "chat" for a misspelt top-level chat key', () => {
    expect(problemsOf({ mcpServers: servers, chats: { model: 'x' } })).toEqual([
      { server: undefined, field: 'chats', message: 'unknown key "chats"', fix: 'did you mean "chat"?' },
    ]);
  });

  it('refuses a provider mcpx chat does not know, naming those it does', () => {
    expect(problemsOf({ mcpServers: servers, chat: { provider: 'antropic' } })).toEqual([
      expect.objectContaining({ field: 'chat.provider', fix: 'write one of anthropic, openai' }),
    ]);
  });

  it('refuses a step limit below one', () => {
    expect(problemsOf({ mcpServers: servers, chat: { maxSteps: 0 } })).toEqual([expect.objectContaining({ field: 'chat.maxSteps' })]);
  });

  it('reads a [chat] table of a TOML file in the table-per-server layout, not as a server', () => {
    const input = parseToml('[everything]\ncommand = "npx"\n\n[chat]\nmodel = "claude-test"\n');
    const config = validateConfig(input, { ...options, format: 'toml' });
    expect(config.servers.map((server) => server.name)).toEqual(['everything']);
    expect(config.chat).toEqual({ model: 'claude-test' });
  });

  it("reads a [chat] table with a server's keys as a server named chat in the TOML table-per-server layout", () => {
    const input = parseToml('[everything]\ncommand = "npx"\n\n[chat]\ncommand = "chat-server"\n');
    const config = validateConfig(input, { ...options, format: 'toml' });
    expect(config.servers.map((server) => server.name)).toEqual(['everything', 'chat']);
    expect(config.chat).toBeUndefined();
  });

  it("leaves a host application's own chat key alone", () => {
    const config = validateConfig({ mcpServers: servers, chat: { theme: 'dark', fontSize: 14 } }, options);
    expect(config.servers.map((server) => server.name)).toEqual(['everything']);
    expect(config.chat).toBeUndefined();
    expect(validateConfig({ mcpServers: servers, chat: true }, options).chat).toBeUndefined();
  });
});
