import type { ChatConfig, ChatProviderName } from '@mcpx/factory';
import { stringFlag } from '../args/parse.js';
import { didYouMean } from '../args/suggest.js';
import type { Context } from '../context.js';
import { CliError, UsageError } from '../errors/cli-error.js';
import { EXIT } from '../exit-codes.js';
import { parseCount } from '../values/duration.js';
import type { ChatProvider, ModelSettings } from './provider.js';
import { CHAT_PROVIDERS } from './providers.js';

/** The default step limit of one question: the model turns it may take. */
export const DEFAULT_CHAT_MAX_STEPS = 10;

/** The provider and its model's settings, chosen for this run. */
export interface ChatSettings {
  readonly provider: ChatProvider;
  readonly model: ModelSettings;
}

/**
 * The provider and model settings: each from its flag, else the config's `chat` table, else the
 * environment (`MCPX_CHAT_PROVIDER`, `MCPX_CHAT_MODEL`), else the default. The API key and base
 * URL come from the provider's variables; a missing key is a config error (exit 3) saying which.
 */
export function chatSettings(context: Context, config: ChatConfig | undefined): ChatSettings {
  const { env } = context.io;
  const providerName = stringFlag(context.args, 'provider') ?? config?.provider ?? (env.MCPX_CHAT_PROVIDER || undefined) ?? 'anthropic';
  const provider = providerNamed(providerName);
  const apiKey = env[provider.apiKeyVariable];
  if (apiKey === undefined || apiKey.trim() === '') {
    throw new CliError(`mcpx chat needs an API key for ${provider.name}: ${provider.apiKeyVariable} is not set`, EXIT.config, {
      hint: `export ${provider.apiKeyVariable}=<your key> (and ${provider.baseUrlVariable} for another endpoint), then run mcpx chat again`,
    });
  }
  const maxSteps = stringFlag(context.args, 'max-steps');
  return {
    provider,
    model: {
      model: stringFlag(context.args, 'model') ?? config?.model ?? (env.MCPX_CHAT_MODEL || undefined) ?? provider.defaultModel,
      apiKey,
      baseURL: env[provider.baseUrlVariable] || undefined,
      maxSteps: maxSteps === undefined ? (config?.maxSteps ?? DEFAULT_CHAT_MAX_STEPS) : parseCount(maxSteps, 'max-steps'),
      maxTokens: config?.maxTokens,
      system: stringFlag(context.args, 'system') ?? config?.system,
    },
  };
}

function providerNamed(name: string): ChatProvider {
  if (Object.hasOwn(CHAT_PROVIDERS, name)) return CHAT_PROVIDERS[name as ChatProviderName];
  const names = Object.keys(CHAT_PROVIDERS);
  throw new UsageError(`mcpx chat has no provider "${name}"${didYouMean(name, names)}`, { hint: `the providers: ${names.join(', ')}` });
}
