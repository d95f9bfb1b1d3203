import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../args/parse.js';
import { createContext, type Context } from '../context.js';
import { COMMANDS } from '../commands/specs.js';
import { GLOBAL_FLAGS } from '../args/flags.js';
import { chatSettings } from './chat-settings.js';

const chatFlags = COMMANDS.find((command) => command.name[0] === 'chat')!.flags;

function contextOf(argv: string[], env: Record<string, string>): Context {
  const args = parseArgs(['chat', ...argv], { flags: [...GLOBAL_FLAGS, ...chatFlags] });
  const io = {
    stdin: new PassThrough(),
    stdout: new PassThrough(),
    stderr: new PassThrough(),
    env,
    cwd: '/',
    signal: new AbortController().signal,
  };
  return createContext(io, args);
}

const key = { ANTHROPIC_API_KEY: 'k' };

describe("mcpx chat's settings", () => {
  it('takes the model from --model over the config, and the config over MCPX_CHAT_MODEL', () => {
    const env = { ...key, MCPX_CHAT_MODEL: 'from-env' };
    expect(chatSettings(contextOf(['--model', 'from-flag'], env), { model: 'from-config' }).model.model).toBe('from-flag');
    expect(chatSettings(contextOf([], env), { model: 'from-config' }).model.model).toBe('from-config');
    expect(chatSettings(contextOf([], env), undefined).model.model).toBe('from-env');
  });

  it("uses the provider's default model and step limit when nothing names them", () => {
    const { provider, model } = chatSettings(contextOf([], key), undefined);
    expect(model).toMatchObject({ model: provider.defaultModel, maxSteps: 10, baseURL: undefined });
  });

  it('reads the base URL from ANTHROPIC_BASE_URL and the step limit from --max-steps over the config', () => {
    const { model } = chatSettings(contextOf(['--max-steps', '3'], { ...key, ANTHROPIC_BASE_URL: 'http://127.0.0.1:1' }), { maxSteps: 5 });
    expect(model).toMatchObject({ baseURL: 'http://127.0.0.1:1', maxSteps: 3 });
  });

  it('refuses a provider it does not know, suggesting the one meant (exit 2)', () => {
    expect(() => chatSettings(contextOf(['--provider', 'antropic'], key), undefined)).toThrow(
      expect.objectContaining({ exitCode: 2, message: expect.stringContaining('did you mean "anthropic"?') }),
    );
  });

  it('is a config error (exit 3) naming the variable when the API key is missing', () => {
    expect(() => chatSettings(contextOf([], {}), undefined)).toThrow(
      expect.objectContaining({ exitCode: 3, message: expect.stringContaining('ANTHROPIC_API_KEY is not set') }),
    );
  });

  it('takes the provider from MCPX_CHAT_PROVIDER, with its own key, base URL and default model', () => {
    const env = { MCPX_CHAT_PROVIDER: 'openai', OPENAI_API_KEY: 'o', OPENAI_BASE_URL: 'http://127.0.0.1:2/v1' };
    const { provider, model } = chatSettings(contextOf([], env), undefined);
    expect(provider.name).toBe('openai');
    expect(model).toMatchObject({ model: 'gpt-5', apiKey: 'o', baseURL: 'http://127.0.0.1:2/v1' });
  });

  it('takes the provider from --provider over the config, and the config over MCPX_CHAT_PROVIDER', () => {
    const env = { ...key, OPENAI_API_KEY: 'o', MCPX_CHAT_PROVIDER: 'openai' };
    expect(chatSettings(contextOf([], env), { provider: 'anthropic' }).provider.name).toBe('anthropic');
    expect(chatSettings(contextOf(['--provider', 'openai'], env), { provider: 'anthropic' }).provider.name).toBe('openai');
  });

  it("is a config error (exit 3) naming OPENAI_API_KEY when the OpenAI provider's key is missing", () => {
    expect(() => chatSettings(contextOf(['--provider', 'openai'], key), undefined)).toThrow(
      expect.objectContaining({ exitCode: 3, message: 'mcpx chat needs an API key for openai: OPENAI_API_KEY is not set' }),
    );
  });
});
