import type { OptionKeys } from '@mcpx/core/internal';
import type { AnthropicToolsOptions } from './anthropic/anthropic-tools.js';
import type { AnthropicLoopOptions } from './anthropic/run-loop.js';
import type { OpenAIChatLoopOptions } from './openai/chat-loop.js';
import type { OpenAIToolsOptions } from './openai/openai-tools.js';
import type { OpenAIResponsesLoopOptions } from './openai/responses-loop.js';
import type { ToolSelection } from './selection.js';

const SELECTION_KEYS = {
  servers: true,
  include: true,
  exclude: true,
  readOnly: true,
  destructive: true,
  filter: true,
} as const satisfies OptionKeys<ToolSelection>;

/** The options `anthropicTools` accepts; another key is refused with a `ConfigError` naming its likely spelling. */
export const ANTHROPIC_TOOLS_OPTION_KEYS = {
  select: SELECTION_KEYS,
  approve: true,
  ask: true,
  onUnsupportedSchema: true,
  nameRules: true,
  server: true,
  describeFailure: true,
} as const satisfies OptionKeys<AnthropicToolsOptions>;

/** The options `runAnthropicLoop` accepts; `params` is the Messages API's own and passed as it is. */
export const ANTHROPIC_LOOP_OPTION_KEYS = {
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
} as const satisfies OptionKeys<AnthropicLoopOptions>;

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
