import type { OptionKeys } from '@mcpx/core/internal';
import { SELECTION_KEYS } from '../selection.js';
import type { AnthropicToolsOptions } from './anthropic-tools.js';
import type { AnthropicLoopOptions } from './run-loop.js';

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
