import type { ChatProviderName } from '@mcpx/factory';
import type { ChatProvider } from './provider.js';

/** The providers of `mcpx chat`, by name: each loads its SDK only when chosen. */
export const CHAT_PROVIDERS: Readonly<Record<ChatProviderName, ChatProvider>> = {
  anthropic: {
    name: 'anthropic',
    apiKeyVariable: 'ANTHROPIC_API_KEY',
    baseUrlVariable: 'ANTHROPIC_BASE_URL',
    defaultModel: 'claude-sonnet-4-5',
    connect: async (settings) => (await import('./anthropic-model.js')).anthropicModel(settings),
  },
  openai: {
    name: 'openai',
    apiKeyVariable: 'OPENAI_API_KEY',
    baseUrlVariable: 'OPENAI_BASE_URL',
    defaultModel: 'gpt-5',
    connect: async (settings) => (await import('./openai-model.js')).openaiModel(settings),
  },
};
