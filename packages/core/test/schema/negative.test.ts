import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import {
  CallToolResultSchema,
  CompleteRequestParamsSchema,
  ContentBlockSchema,
  CreateMessageRequestParamsSchema,
  ElicitRequestParamsSchema,
  ElicitResultSchema,
  ImplementationSchema,
  InitializeResultSchema,
  ListToolsResultSchema,
  LoggingMessageNotificationParamsSchema,
  ProgressNotificationParamsSchema,
  PromptMessageSchema,
  ResourceLinkSchema,
  ToolSchema,
} from '../../src/types/index.js';

const tool = { name: 'echo', inputSchema: { type: 'object' } };
const serverInfo = { name: 'server', version: '1.0.0' };

const cases: ReadonlyArray<readonly [string, ZodType, unknown]> = [
  ['a tool without inputSchema', ToolSchema, { name: 'echo' }],
  ['a tool whose name is a number', ToolSchema, { ...tool, name: 7 }],
  ['a tool whose inputSchema is not of type object', ToolSchema, { ...tool, inputSchema: { type: 'string' } }],
  ['a tools/list result without tools', ListToolsResultSchema, { nextCursor: 'next' }],
  ['a tools/list result whose cursor is a number', ListToolsResultSchema, { tools: [tool], nextCursor: 2 }],
  ['a tool result with neither content nor toolResult', CallToolResultSchema, { isError: true }],
  ['a tool result whose content is not an array', CallToolResultSchema, { content: 'done' }],
  ['a tool result with a text block without text', CallToolResultSchema, { content: [{ type: 'text' }] }],
  ['a content block of an unknown type', ContentBlockSchema, { type: 'video', data: 'AAE=' }],
  ['an image block without mimeType', ContentBlockSchema, { type: 'image', data: 'AAE=' }],
  ['a resource link without uri', ResourceLinkSchema, { type: 'resource_link', name: 'file' }],
  ['an initialize result without serverInfo', InitializeResultSchema, { protocolVersion: '2025-11-25', capabilities: {} }],
  [
    'an initialize result whose protocolVersion is a number',
    InitializeResultSchema,
    { protocolVersion: 2025, capabilities: {}, serverInfo },
  ],
  ['an implementation without version', ImplementationSchema, { name: 'server' }],
  ['a prompt message from the system role', PromptMessageSchema, { role: 'system', content: { type: 'text', text: 'hi' } }],
  [
    'a completion of an unknown reference type',
    CompleteRequestParamsSchema,
    { ref: { type: 'ref/tool', name: 'x' }, argument: { name: 'a', value: '' } },
  ],
  ['a sampling request without maxTokens', CreateMessageRequestParamsSchema, { messages: [] }],
  [
    'a sampling message with a tool_use block without id',
    CreateMessageRequestParamsSchema,
    {
      maxTokens: 10,
      messages: [{ role: 'assistant', content: [{ type: 'tool_use', name: 'echo', input: {} }] }],
    },
  ],
  ['a URL elicitation without url', ElicitRequestParamsSchema, { mode: 'url', message: 'Sign in', elicitationId: 'e1' }],
  ['a form elicitation without requestedSchema', ElicitRequestParamsSchema, { mode: 'form', message: 'Your name?' }],
  [
    'an elicitation of an unknown mode',
    ElicitRequestParamsSchema,
    { mode: 'voice', message: 'Say it', requestedSchema: { type: 'object', properties: {} } },
  ],
  ['an elicitation result with an unknown action', ElicitResultSchema, { action: 'ok' }],
  ['a log message without data', LoggingMessageNotificationParamsSchema, { level: 'info' }],
  ['a log message at a level syslog does not have', LoggingMessageNotificationParamsSchema, { level: 'warn', data: 'x' }],
  ['a progress notification without progressToken', ProgressNotificationParamsSchema, { progress: 1 }],
];

describe('our schemas reject', () => {
  it.each(cases)('%s', (_what, schema, value) => {
    expect(schema.safeParse(value).success).toBe(false);
  });
});
