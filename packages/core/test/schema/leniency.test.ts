import { describe, expect, it } from 'vitest';
import {
  CallToolResultSchema,
  CancelledNotificationParamsSchema,
  CreateMessageResultSchema,
  ElicitRequestParamsSchema,
  InitializeResultSchema,
  LATEST_LEGACY_PROTOCOL_VERSION,
  LEGACY_PROTOCOL_VERSIONS,
  ListPromptsResultSchema,
  ListToolsResultSchema,
  isLegacyProtocolVersion,
} from '../../src/types/index.js';

describe('tools/call results', () => {
  it('read the deprecated 2024-11-05 `toolResult` shape as empty content, keeping toolResult', () => {
    expect(CallToolResultSchema.parse({ toolResult: { answer: 42 } })).toEqual({ toolResult: { answer: 42 }, content: [] });
  });

  it('leave a result that has content as it is, even next to a toolResult', () => {
    const result = { content: [{ type: 'text', text: 'hi' }], toolResult: 1 };
    expect(CallToolResultSchema.parse(result)).toEqual(result);
  });
});

describe('paginated results', () => {
  it('read a null nextCursor, which some servers send, as the last page', () => {
    const page = ListToolsResultSchema.parse({ tools: [], nextCursor: null });
    expect(page.nextCursor).toBeUndefined();
    expect(ListPromptsResultSchema.parse({ prompts: [] })).toEqual({ prompts: [] });
  });
});

describe('messages from a newer revision', () => {
  it('keep members we do not know, at every depth', () => {
    const result = {
      protocolVersion: '2099-01-01',
      capabilities: { tools: { listChanged: true, streaming: {} }, telepathy: {} },
      serverInfo: { name: 's', version: '1', vendor: { id: 7 } },
      resultType: 'complete',
    };
    expect(InitializeResultSchema.parse(result)).toEqual(result);
  });
});

describe('elicitation requests', () => {
  it('accept the 2025-06-18 form without mode, the 2025-11-25 form mode and the URL mode', () => {
    const requestedSchema = { type: 'object', properties: { name: { type: 'string' } } };
    expect(ElicitRequestParamsSchema.parse({ message: 'Name?', requestedSchema })).toEqual({ message: 'Name?', requestedSchema });
    expect(ElicitRequestParamsSchema.parse({ mode: 'form', message: 'Name?', requestedSchema }).mode).toBe('form');
    const url = { mode: 'url', message: 'Sign in', url: 'https://example.com/auth', elicitationId: 'e1' };
    expect(ElicitRequestParamsSchema.parse(url)).toEqual(url);
  });
});

describe('sampling results', () => {
  it('accept a single block and, since 2025-11-25, an array with tool_use blocks', () => {
    const single = { role: 'assistant', model: 'm', content: { type: 'text', text: 'hi' } };
    expect(CreateMessageResultSchema.parse(single)).toEqual(single);
    const toolUse = {
      role: 'assistant',
      model: 'm',
      stopReason: 'toolUse',
      content: [
        { type: 'text', text: 'calling' },
        { type: 'tool_use', id: 't1', name: 'echo', input: { x: 1 } },
      ],
    };
    expect(CreateMessageResultSchema.parse(toolUse)).toEqual(toolUse);
  });
});

describe('cancellation', () => {
  it('accepts a notification without requestId, which 2025-11-25 allows', () => {
    expect(CancelledNotificationParamsSchema.parse({ reason: 'task cancelled' })).toEqual({ reason: 'task cancelled' });
  });
});

describe('legacy protocol versions', () => {
  it('list the newest first, and the latest is the first', () => {
    expect([...LEGACY_PROTOCOL_VERSIONS].sort().reverse()).toEqual([...LEGACY_PROTOCOL_VERSIONS]);
    expect(LEGACY_PROTOCOL_VERSIONS[0]).toBe(LATEST_LEGACY_PROTOCOL_VERSION);
  });

  it('tell legacy revisions from others', () => {
    expect(isLegacyProtocolVersion('2024-11-05')).toBe(true);
    expect(isLegacyProtocolVersion('2026-07-28')).toBe(false);
  });
});
