import type { OptionKeys } from '@mcpx/core/internal';
import { SELECTION_KEYS } from '../selection.js';
import type { OpenAIChatLoopOptions } from './chat-loop.js';
import type { OpenAIToolsOptions } from './openai-tools.js';
import type { OpenAIResponsesLoopOptions } from './responses-loop.js';

/** The options `openaiTools` accepts. */
export const OPENAI_TOOLS_OPTION_KEYS = {
  select: SELECTION_KEYS,
  approve: true,
  ask: true,
  strict: true,
  onUnsupportedSchema: true,
  nameRules: true,
  server: true,
  describeFailure: true,
  chatMedia: true,
  chatAudio: true,
} as const satisfies OptionKeys<OpenAIToolsOptions>;

/** The options `runOpenAIChatLoop` accepts; `params` is the API's own and passed as it is. */
export const OPENAI_CHAT_LOOP_OPTION_KEYS = {
  client: true,
  model: true,
  messages: true,
  tools: true,
  maxSteps: true,
  maxTokens: true,
  system: true,
  stream: true,
  params: true,
  signal: true,
  onEvent: true,
} as const satisfies OptionKeys<OpenAIChatLoopOptions>;

/** The options `runOpenAIResponsesLoop` accepts; `params` is the API's own and passed as it is. */
export const OPENAI_RESPONSES_LOOP_OPTION_KEYS = {
  client: true,
  model: true,
  input: true,
  tools: true,
  maxSteps: true,
  maxTokens: true,
  system: true,
  stream: true,
  params: true,
  signal: true,
  onEvent: true,
} as const satisfies OptionKeys<OpenAIResponsesLoopOptions>;
