import { describe, expect, it } from 'vitest';
import { toAnthropicResultContent, toAnthropicToolResult } from './tool-result.js';

const base64 = (bytes: number) => Buffer.alloc(bytes, 7).toString('base64');

describe('MCP tool results as Anthropic content', () => {
  it('describes audio, which Anthropic models do not take, with its type and size', () => {
    expect(toAnthropicResultContent({ content: [{ type: 'audio', data: base64(1000), mimeType: 'audio/wav' }] })).toEqual([
      { type: 'text', text: '[audio of type audio/wav, 1000 bytes, left out: Anthropic models do not take audio]' },
    ]);
  });

  it('describes an image of a type the API refuses instead of sending it', () => {
    const [block] = toAnthropicResultContent({ content: [{ type: 'image', data: base64(12), mimeType: 'image/svg+xml' }] });
    expect(block).toEqual({ type: 'text', text: expect.stringContaining('an image of type image/svg+xml, 12 bytes, left out') as unknown });
  });

  it('describes a binary resource, and sends a PDF as a document', () => {
    const blob = { type: 'resource' as const, resource: { uri: 'file:///a.bin', mimeType: 'application/octet-stream', blob: base64(30) } };
    const pdf = { type: 'resource' as const, resource: { uri: 'file:///a.pdf', mimeType: 'application/pdf', blob: base64(30) } };
    expect(toAnthropicResultContent({ content: [blob, pdf] })).toEqual([
      { type: 'text', text: '[the resource file:///a.bin (application/octet-stream), 30 bytes of binary data, left out]' },
      { type: 'document', title: 'file:///a.pdf', source: { type: 'base64', media_type: 'application/pdf', data: base64(30) } },
    ]);
  });

  it('adds structuredContent as JSON text when no text block carries it', () => {
    expect(toAnthropicResultContent({ content: [{ type: 'text', text: 'Done.' }], structuredContent: { count: 2 } })).toEqual([
      { type: 'text', text: 'Done.' },
      { type: 'text', text: '{"count":2}' },
    ]);
  });

  it('leaves out empty text blocks, which the API refuses', () => {
    expect(
      toAnthropicResultContent({
        content: [
          { type: 'text', text: '' },
          { type: 'text', text: 'kept' },
        ],
      }),
    ).toEqual([{ type: 'text', text: 'kept' }]);
  });

  it('gives a tool_result with no content when the only text was empty', () => {
    expect(
      toAnthropicToolResult(
        { id: 'toolu_1', modelName: 'quiet', input: {} },
        { kind: 'result', result: { content: [{ type: 'text', text: '' }] } },
      ),
    ).toEqual({
      type: 'tool_result',
      tool_use_id: 'toolu_1',
    });
  });

  it('sends an embedded PNG blob as an image and decodes an embedded text blob', () => {
    const png = { type: 'resource' as const, resource: { uri: 'file:///a.png', mimeType: 'image/png', blob: base64(40) } };
    const csv = {
      type: 'resource' as const,
      resource: { uri: 'file:///a.csv', mimeType: 'text/csv', blob: Buffer.from('a,b\n1,2').toString('base64') },
    };
    expect(toAnthropicResultContent({ content: [png, csv] })).toEqual([
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: base64(40) } },
      { type: 'text', text: 'Resource file:///a.csv (text/csv):\na,b\n1,2' },
    ]);
  });

  it('describes an image over 5 MB, which the API refuses, instead of sending it', () => {
    const [block] = toAnthropicResultContent({ content: [{ type: 'image', data: base64(6 * 1024 * 1024), mimeType: 'image/png' }] });
    expect(block).toEqual({
      type: 'text',
      text: '[an image of type image/png, 6.0 MB, left out: Anthropic models take images of 5 MB at most]',
    });
  });

  it('leaves out a block meant for the user only, and keeps one meant for both', () => {
    const result = toAnthropicResultContent({
      content: [
        { type: 'text', text: 'for the user', annotations: { audience: ['user'] } },
        { type: 'text', text: 'for both', annotations: { audience: ['user', 'assistant'] } },
      ],
    });
    expect(result).toEqual([{ type: 'text', text: 'for both' }]);
  });
});
