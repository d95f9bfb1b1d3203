import type { OptionKeys } from '@mcpx/core/internal';
import { LOOP_OPTION_KEYS, TOOLS_OPTION_KEYS } from '../option-keys.js';
import type { AnthropicToolsOptions } from './anthropic-tools.js';
import type { AnthropicLoopOptions } from './run-loop.js';

/** The options `anthropicTools` accepts; another key is refused with a `ConfigError` naming its likely spelling. */
export const ANTHROPIC_TOOLS_OPTION_KEYS = { ...TOOLS_OPTION_KEYS } as const satisfies OptionKeys<AnthropicToolsOptions>;

/** The options `runAnthropicLoop` accepts. */
export const ANTHROPIC_LOOP_OPTION_KEYS = { ...LOOP_OPTION_KEYS, messages: true } as const satisfies OptionKeys<AnthropicLoopOptions>;
