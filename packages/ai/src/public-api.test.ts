import { readFileSync } from 'node:fs';
import { publicExports } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import * as entry from './index.js';

// The public API of @mcpx/ai: a name added to or taken from the index must be added to or taken
// from these lists too, so that growing the API is a decision made in review.
const VALUES = [
  'ANTHROPIC_NAME_RULES',
  'DEFAULT_MAX_STEPS',
  'ModelRequestError',
  'OPENAI_NAME_RULES',
  'ToolMovedError',
  'UnsupportedSchemaError',
  'anthropicSamplingHandler',
  'anthropicTools',
  'assignModelNames',
  'describeToolFailure',
  'isDestructive',
  'isReadOnly',
  'listSourceTools',
  'redactUrls',
  'runAnthropicLoop',
  'sanitizeName',
  'selectTools',
  'toAnthropicInputSchema',
  'toAnthropicResultContent',
];

const TYPES = [
  'AnthropicLoopEvent',
  'AnthropicLoopOptions',
  'AnthropicLoopResult',
  'AnthropicLoopStop',
  'AnthropicSamplingOptions',
  'AnthropicToolSet',
  'AnthropicToolsOptions',
  'ApprovalOptions',
  'ApprovalPolicy',
  'ApproveContext',
  'ApproveFn',
  'ClientToolSource',
  'DescribeFailure',
  'HandleOptions',
  'NamePattern',
  'ProviderNameRules',
  'RegistryToolSource',
  'SamplingApproveContext',
  'SourceOptions',
  'SourceTool',
  'SourceTools',
  'ToolCallEvent',
  'ToolCallOutcome',
  'ToolCallRequest',
  'ToolSelection',
  'ToolSource',
  'UnsentToolCall',
];

describe('the public API of @mcpx/ai', () => {
  it('exports exactly the listed values', () => {
    expect(Object.keys(entry).sort()).toEqual(VALUES);
  });

  it('exports exactly the listed types', () => {
    expect(publicExports(readFileSync(new URL('./index.ts', import.meta.url), 'utf8')).types).toEqual(TYPES);
  });
});
