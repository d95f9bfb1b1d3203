import type { JsonRpcRequest } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { ModernPostHeaders, modernVersion } from './request-headers.js';

const VERSION = '2026-07-28';
const meta = { _meta: { 'io.modelcontextprotocol/protocolVersion': VERSION } };
let nextId = 1;
const request = (method: string, params: Record<string, unknown> = {}): JsonRpcRequest => ({
  jsonrpc: '2.0',
  id: nextId++,
  method,
  params: { ...params, ...meta },
});

describe('modernVersion', () => {
  it('reads the revision from _meta, and nothing from a legacy request or a response', () => {
    expect(modernVersion(request('tools/list'))).toBe(VERSION);
    expect(modernVersion({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} })).toBeUndefined();
    expect(modernVersion({ jsonrpc: '2.0', id: 1, result: {} })).toBeUndefined();
  });
});

describe('ModernPostHeaders', () => {
  it("gives a POST the revision, the method, the tool's name and the POST's Accept and Content-Type", () => {
    const headers = new ModernPostHeaders().of(request('tools/call', { name: 'get weather' }), VERSION, undefined);
    expect(headers).toEqual({
      'mcp-protocol-version': VERSION,
      'mcp-method': 'tools/call',
      'mcp-name': 'get weather',
      accept: 'application/json, text/event-stream',
      'content-type': 'application/json',
    });
  });

  it('names a resource by its URI and a task by its id, and nothing else', () => {
    const kept = new ModernPostHeaders();
    expect(kept.of(request('resources/read', { uri: 'file:///a' }), VERSION, undefined)['mcp-name']).toBe('file:///a');
    expect(kept.of(request('tasks/get', { taskId: 't-1' }), VERSION, undefined)['mcp-name']).toBe('t-1');
    expect(kept.of(request('tools/list', { name: 'not a name source' }), VERSION, undefined)).not.toHaveProperty('mcp-name');
    expect(kept.of(request('tools/call', { name: 42 }), VERSION, undefined)).not.toHaveProperty('mcp-name');
  });

  it('hands the calls of one tool the same record, and another tool, method or revision its own', () => {
    const kept = new ModernPostHeaders();
    const first = kept.of(request('tools/call', { name: 'echo' }), VERSION, undefined);
    expect(kept.of(request('tools/call', { name: 'echo', arguments: { text: 'again' } }), VERSION, {})).toBe(first);
    expect(kept.of(request('tools/call', { name: 'other' }), VERSION, undefined)).not.toBe(first);
    expect(kept.of(request('prompts/get', { name: 'echo' }), VERSION, undefined)).not.toBe(first);
    expect(kept.of(request('tools/call', { name: 'echo' }), '2027-01-01', undefined)['mcp-protocol-version']).toBe('2027-01-01');
  });

  it('tells apart a name with spaces from a method and a name', () => {
    const kept = new ModernPostHeaders();
    const spaced = kept.of(request('tools/call', { name: 'a b' }), VERSION, undefined);
    expect(spaced['mcp-name']).toBe('a b');
    expect(kept.of(request('tools/call', { name: 'a' }), VERSION, undefined)['mcp-name']).toBe('a');
  });

  it("tells apart a method or revision of the caller's own with a space from a method and a name", () => {
    const kept = new ModernPostHeaders();
    const custom = kept.of(request('tools/call foo'), VERSION, undefined);
    expect(custom).toMatchObject({ 'mcp-method': 'tools/call foo' });
    expect(custom).not.toHaveProperty('mcp-name');
    const named = kept.of(request('tools/call', { name: 'foo' }), VERSION, undefined);
    expect(named).toMatchObject({ 'mcp-method': 'tools/call', 'mcp-name': 'foo' });
    expect(kept.of(request('tools/call foo'), VERSION, undefined)).toBe(custom);
    // Joined with spaces, these two would share the key "2026-07-28 x tools/call".
    expect(kept.of(request('tools/call'), '2026-07-28 x', undefined)).toMatchObject({
      'mcp-protocol-version': '2026-07-28 x',
      'mcp-method': 'tools/call',
    });
    expect(kept.of(request('x tools/call'), '2026-07-28', undefined)).toMatchObject({
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'x tools/call',
    });
  });

  it('mirrors the arguments a call gives in Mcp-Param headers, in a record of its own', () => {
    const kept = new ModernPostHeaders();
    const plain = kept.of(request('tools/call', { name: 'echo' }), VERSION, undefined);
    const mirrored = kept.of(request('tools/call', { name: 'echo' }), VERSION, { Region: 'us-west-1' });
    expect(mirrored).not.toBe(plain);
    expect(mirrored).toMatchObject({ 'mcp-name': 'echo', 'mcp-param-region': 'us-west-1', 'content-type': 'application/json' });
    expect(plain).not.toHaveProperty('mcp-param-region');
    expect(kept.of(request('tools/call', { name: 'echo' }), VERSION, { Region: 'eu' })['mcp-param-region']).toBe('eu');
  });

  it('holds a bounded number of records: after many names it starts again, and answers the same', () => {
    const kept = new ModernPostHeaders();
    const first = kept.of(request('resources/read', { uri: 'file:///0' }), VERSION, undefined);
    for (let i = 1; i <= 100; i++) kept.of(request('resources/read', { uri: `file:///${i}` }), VERSION, undefined);
    const again = kept.of(request('resources/read', { uri: 'file:///0' }), VERSION, undefined);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
