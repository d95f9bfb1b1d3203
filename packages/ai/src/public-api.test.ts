import { readFileSync } from 'node:fs';
import { publicExports } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import * as aiSdk from './ai-sdk.js';
import * as anthropic from './anthropic.js';
import * as entry from './index.js';
import * as openai from './openai.js';

// The public API of @mcpx/ai and @mcpx/ai/anthropic: a name added to or taken from an entry must
// be added to or taken from these lists too, so that growing the API is a decision made in review.
const VALUES = [
  'AI_SDK_NAME_RULES',
  'ANTHROPIC_NAME_RULES',
  'ModelRequestError',
  'OPENAI_NAME_RULES',
  'ToolMovedError',
  'UnsupportedSchemaError',
  'assignModelNames',
  'describeToolFailure',
  'isDestructive',
  'isReadOnly',
  'listSourceTools',
  'redactUrls',
  'sanitizeName',
  'selectTools',
];

const TYPES = [
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

const ANTHROPIC_VALUES = [
  'DEFAULT_MAX_STEPS',
  'anthropicSamplingHandler',
  'anthropicTools',
  'runAnthropicLoop',
  'toAnthropicInputSchema',
  'toAnthropicResultContent',
];

const ANTHROPIC_TYPES = [
  'AnthropicLoopEvent',
  'AnthropicLoopOptions',
  'AnthropicLoopResult',
  'AnthropicLoopStop',
  'AnthropicSamplingOptions',
  'AnthropicToolSet',
  'AnthropicToolsOptions',
  'HandleOptions',
  'SamplingApproveContext',
  'SamplingApproveFn',
  'SamplingErrorFn',
];

const OPENAI_VALUES = [
  'DEFAULT_MAX_STEPS',
  'TOOL_ERROR_PREFIX',
  'openaiSamplingHandler',
  'openaiTools',
  'runOpenAIChatLoop',
  'runOpenAIResponsesLoop',
  'toOpenAIParameters',
  'toOpenAIResultParts',
];

const OPENAI_TYPES = [
  'ChatMedia',
  'HandleOptions',
  'OpenAIChatLoopEvent',
  'OpenAIChatLoopOptions',
  'OpenAIChatLoopResult',
  'OpenAILoopStop',
  'OpenAIParameters',
  'OpenAIResponsesLoopEvent',
  'OpenAIResponsesLoopOptions',
  'OpenAIResponsesLoopResult',
  'OpenAIResultPart',
  'OpenAISamplingOptions',
  'OpenAIToolSet',
  'OpenAIToolsOptions',
  'SamplingApproveContext',
  'SamplingApproveFn',
  'SamplingErrorFn',
];

const AI_SDK_VALUES = ['aiSdkSamplingHandler', 'aiSdkTools', 'toAiSdkInputSchema', 'toAiSdkModelOutput', 'toAiSdkSamplingMessages'];

const AI_SDK_TYPES = ['AiSdkModelOutput', 'AiSdkSamplingOptions', 'AiSdkToolOutput', 'AiSdkToolSet', 'AiSdkToolsOptions'];

/** The modules reached from `file` by relative imports that import the package `sdk` (`@anthropic-ai/sdk`, `openai`, `ai`). */
function sdkImporters(file: string, sdk = '@anthropic-ai/sdk', seen = new Set<string>()): string[] {
  const url = new URL(file, import.meta.url);
  if (seen.has(url.href)) return [];
  seen.add(url.href);
  const source = readFileSync(url, 'utf8');
  const here = source.includes(`from '${sdk}'`) || source.includes(`from '${sdk}/`) ? [url.pathname] : [];
  const relative = [...source.matchAll(/from '(\.[^']+)\.js'/g)].map((match) => new URL(`${match[1]!}.ts`, url).href);
  return [...here, ...relative.flatMap((next) => sdkImporters(next, sdk, seen))];
}

const types = (file: string) => publicExports(readFileSync(new URL(file, import.meta.url), 'utf8')).types;

describe('the public API of @mcpx/ai', () => {
  it('exports exactly the listed values', () => {
    expect(Object.keys(entry).sort()).toEqual(VALUES);
  });

  it('exports exactly the listed types', () => {
    expect(types('./index.ts')).toEqual(TYPES);
  });
});

describe('the public API of @mcpx/ai/anthropic', () => {
  it('exports exactly the listed values', () => {
    expect(Object.keys(anthropic).sort()).toEqual(ANTHROPIC_VALUES);
  });

  it('exports exactly the listed types', () => {
    expect(types('./anthropic.ts')).toEqual(ANTHROPIC_TYPES);
  });

  it('is the only entry whose modules import the Anthropic SDK', () => {
    expect(sdkImporters('./index.ts')).toEqual([]);
    expect(sdkImporters('./openai.ts')).toEqual([]);
    expect(sdkImporters('./anthropic.ts')).not.toEqual([]);
  });
});

describe('the public API of @mcpx/ai/openai', () => {
  it('exports exactly the listed values', () => {
    expect(Object.keys(openai).sort()).toEqual(OPENAI_VALUES);
  });

  it('exports exactly the listed types', () => {
    expect(types('./openai.ts')).toEqual(OPENAI_TYPES);
  });

  it('is the only entry whose modules import the OpenAI SDK', () => {
    expect(sdkImporters('./index.ts', 'openai')).toEqual([]);
    expect(sdkImporters('./anthropic.ts', 'openai')).toEqual([]);
    expect(sdkImporters('./ai-sdk.ts', 'openai')).toEqual([]);
    expect(sdkImporters('./openai.ts', 'openai')).not.toEqual([]);
  });
});

describe('the public API of @mcpx/ai/ai-sdk', () => {
  it('exports exactly the listed values', () => {
    expect(Object.keys(aiSdk).sort()).toEqual(AI_SDK_VALUES);
  });

  it('exports exactly the listed types', () => {
    expect(types('./ai-sdk.ts')).toEqual(AI_SDK_TYPES);
  });

  it('is the only entry whose modules import the AI SDK, and imports no other model SDK', () => {
    expect(sdkImporters('./index.ts', 'ai')).toEqual([]);
    expect(sdkImporters('./anthropic.ts', 'ai')).toEqual([]);
    expect(sdkImporters('./openai.ts', 'ai')).toEqual([]);
    expect(sdkImporters('./ai-sdk.ts', 'ai')).not.toEqual([]);
    expect(sdkImporters('./ai-sdk.ts')).toEqual([]);
  });
});
