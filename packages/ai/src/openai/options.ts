import type { OptionKeys } from '@mcpx/core/internal';
import { LOOP_OPTION_KEYS, TOOLS_OPTION_KEYS } from '../option-keys.js';
import type { OpenAIChatLoopOptions } from './chat-loop.js';
import type { OpenAIToolsOptions } from './openai-tools.js';
import type { OpenAIResponsesLoopOptions } from './responses-loop.js';

/** The options `openaiTools` accepts. */
export const OPENAI_TOOLS_OPTION_KEYS = {
  ...TOOLS_OPTION_KEYS,
  strict: true,
  chatMedia: true,
  chatAudio: true,
} as const satisfies OptionKeys<OpenAIToolsOptions>;

/** The options `runOpenAIChatLoop` accepts. */
export const OPENAI_CHAT_LOOP_OPTION_KEYS = { ...LOOP_OPTION_KEYS, messages: true } as const satisfies OptionKeys<OpenAIChatLoopOptions>;

/** The options `runOpenAIResponsesLoop` accepts. */
export const OPENAI_RESPONSES_LOOP_OPTION_KEYS = {
  ...LOOP_OPTION_KEYS,
  input: true,
} as const satisfies OptionKeys<OpenAIResponsesLoopOptions>;
