import { describe, expect, it } from 'vitest';
import {
  CLIENT_CAPABILITIES_KEY,
  DiscoverResultSchema,
  InputRequiredResultSchema,
  ModernCallToolResultSchema,
  ModernElicitRequestURLParamsSchema,
  ModernListToolsResultSchema,
  ModernReadResourceResultSchema,
  ModernRequestMetaSchema,
  ModernToolSchema,
  PROTOCOL_VERSION_KEY,
  SERVER_INFO_KEY,
  inputRequiredOr,
  resultTypeOf,
} from '../../src/types/modern/index.js';
import { ClientCapabilitiesSchema, ElicitRequestURLParamsSchema } from '../../src/types/index.js';

describe('results of a 2026-07-28 server', () => {
  it('are read without resultType or cache hints, as an earlier-revision server sends them', () => {
    expect(ModernListToolsResultSchema.parse({ tools: [] })).toEqual({ tools: [] });
    expect(resultTypeOf({})).toBe('complete');
    expect(resultTypeOf({ resultType: 'input_required' })).toBe('input_required');
  });

  it('keep a negative or fractional ttlMs as sent, for the cache to read as 0 or round', () => {
    const page = { resultType: 'complete', contents: [], ttlMs: -5, cacheScope: 'private' };
    expect(ModernReadResourceResultSchema.parse(page)).toEqual(page);
    expect(ModernReadResourceResultSchema.parse({ ...page, ttlMs: 1.5 }).ttlMs).toBe(1.5);
  });

  it('read a null nextCursor as the last page, like the legacy list results', () => {
    expect(ModernListToolsResultSchema.parse({ tools: [], nextCursor: null, ttlMs: 0 }).nextCursor).toBeUndefined();
  });

  it('keep members we do not know, at every depth', () => {
    const result = {
      resultType: 'complete',
      supportedVersions: ['2026-07-28', '2099-01-01'],
      capabilities: { tools: { listChanged: true, streaming: {} }, telepathy: {}, extensions: { 'com.example/x': { level: 2 } } },
      _meta: { [SERVER_INFO_KEY]: { name: 's', version: '1', vendor: { id: 7 } }, 'com.example/trace': 'abc' },
      ttlMs: 1000,
      cacheScope: 'public',
      futureField: [1, 2],
    };
    expect(DiscoverResultSchema.parse(result)).toEqual(result);
  });
});

describe('tools of 2026-07-28', () => {
  it('may describe their output with any JSON Schema and their input with any 2020-12 keyword', () => {
    const tool = {
      name: 'find',
      inputSchema: { type: 'object', oneOf: [{ required: ['id'] }, { required: ['name'] }], $defs: { id: { type: 'string' } } },
      outputSchema: { type: 'array', items: { $ref: '#/$defs/user' } },
    };
    expect(ModernToolSchema.parse(tool)).toEqual(tool);
  });

  it('may return any JSON value as structuredContent', () => {
    for (const structuredContent of [[1, 2], 'text', 42, true, null, { a: 1 }]) {
      const result = { resultType: 'complete', content: [], structuredContent };
      expect(ModernCallToolResultSchema.parse(result)).toEqual(result);
    }
  });
});

describe('a request that may need more input', () => {
  const readsCallTool = inputRequiredOr(ModernCallToolResultSchema);

  it('is read as an InputRequiredResult when the server asks for input', () => {
    const interim = {
      resultType: 'input_required',
      inputRequests: { roots: { method: 'roots/list' } },
      requestState: 'opaque',
    };
    expect(readsCallTool.parse(interim)).toEqual(interim);
    expect(InputRequiredResultSchema.safeParse(interim).success).toBe(true);
  });

  it('is read as its complete result otherwise', () => {
    const complete = { resultType: 'complete', content: [{ type: 'text', text: 'done' }] };
    expect(readsCallTool.parse(complete)).toEqual(complete);
    expect(InputRequiredResultSchema.safeParse(complete).success).toBe(false);
  });

  it('is refused when it is neither', () => {
    expect(readsCallTool.safeParse({ resultType: 'input_required' }).success).toBe(false);
  });
});

describe('the per-request envelope', () => {
  it('carries trace context and keeps vendor keys', () => {
    const meta = {
      [PROTOCOL_VERSION_KEY]: '2026-07-28',
      [CLIENT_CAPABILITIES_KEY]: { extensions: { 'io.modelcontextprotocol/ui': { mimeTypes: ['text/html;profile=mcp-app'] } } },
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01',
      baggage: 'userId=alice',
      progressToken: 7,
      'com.example/tenant': 'acme',
    };
    expect(ModernRequestMetaSchema.parse(meta)).toEqual(meta);
  });
});

describe('the legacy schemas, shared with 2026-07-28 or extended by it', () => {
  it('let a legacy client declare extensions', () => {
    const capabilities = { roots: { listChanged: true }, extensions: { 'io.modelcontextprotocol/ui': {} } };
    expect(ClientCapabilitiesSchema.parse(capabilities)).toEqual(capabilities);
  });

  it('keep requiring what the legacy revision requires, while the modern variant drops it', () => {
    const url = { mode: 'url', message: 'Sign in', url: 'https://example.com/auth' };
    expect(ElicitRequestURLParamsSchema.safeParse(url).success).toBe(false);
    expect(ModernElicitRequestURLParamsSchema.parse(url)).toEqual(url);
  });
});
