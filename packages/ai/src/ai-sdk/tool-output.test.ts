import { describe, expect, it } from 'vitest';
import { toAiSdkModelOutput } from './tool-output.js';

const base64 = (bytes: number) => Buffer.alloc(bytes, 7).toString('base64');
const result = (content: Parameters<typeof toAiSdkModelOutput>[0] & { outcome: 'result' }) => toAiSdkModelOutput(content);

describe('MCP tool results as AI SDK tool outputs', () => {
  it('keeps images as base64 file parts between the texts', () => {
    const output = result({
      outcome: 'result',
      result: {
        content: [
          { type: 'text', text: 'Here:' },
          { type: 'image', data: base64(10), mimeType: 'image/png' },
        ],
      },
    });
    expect(output).toEqual({
      type: 'content',
      value: [
        { type: 'text', text: 'Here:' },
        { type: 'file', mediaType: 'image/png', data: { type: 'data', data: base64(10) } },
      ],
    });
  });

  it('keeps audio as a file part, captioned with its type and size for providers that leave it out', () => {
    const output = result({ outcome: 'result', result: { content: [{ type: 'audio', data: base64(1000), mimeType: 'audio/wav' }] } });
    expect(output).toEqual({
      type: 'content',
      value: [
        { type: 'text', text: '[audio of type audio/wav, 1000 bytes]' },
        { type: 'file', mediaType: 'audio/wav', data: { type: 'data', data: base64(1000) } },
      ],
    });
  });

  it('gives an embedded PDF as a file named by its URI, decodes text blobs and describes other binary data', () => {
    const pdf = { type: 'resource' as const, resource: { uri: 'file:///a.pdf', mimeType: 'application/pdf', blob: base64(30) } };
    const text = {
      type: 'resource' as const,
      resource: { uri: 'file:///a.txt', mimeType: 'text/plain', blob: Buffer.from('hello').toString('base64') },
    };
    const bin = { type: 'resource' as const, resource: { uri: 'file:///a.bin', mimeType: 'application/octet-stream', blob: base64(30) } };
    const output = result({ outcome: 'result', result: { content: [pdf, text, bin] } });
    expect(output).toEqual({
      type: 'content',
      value: [
        { type: 'text', text: 'Resource file:///a.pdf (application/pdf):' },
        { type: 'file', mediaType: 'application/pdf', filename: 'file:///a.pdf', data: { type: 'data', data: base64(30) } },
        { type: 'text', text: 'Resource file:///a.txt (text/plain):\nhello' },
        { type: 'text', text: '[the resource file:///a.bin (application/octet-stream), 30 bytes of binary data, left out]' },
      ],
    });
  });

  it('adds structuredContent as JSON text when no text block carries it, and leaves out blocks for the user only', () => {
    const output = result({
      outcome: 'result',
      result: {
        content: [
          { type: 'text', text: 'Done.' },
          { type: 'text', text: 'for your eyes', annotations: { audience: ['user'] } },
          { type: 'text', text: '' },
        ],
        structuredContent: { count: 2 },
      },
    });
    expect(output).toEqual({
      type: 'content',
      value: [
        { type: 'text', text: 'Done.' },
        { type: 'text', text: '{"count":2}' },
      ],
    });
  });

  it('gives an isError result as error-text, describing what text cannot hold', () => {
    const output = result({
      outcome: 'result',
      result: {
        isError: true,
        content: [
          { type: 'text', text: 'Disk full.' },
          { type: 'image', data: base64(4), mimeType: 'image/png' },
        ],
      },
    });
    expect(output).toEqual({ type: 'error-text', value: 'Disk full.\n[a file of type image/png, left out]' });
  });

  it('gives a declined call as execution-denied with the reason, and a failed one as error-text', () => {
    expect(toAiSdkModelOutput({ outcome: 'declined', message: 'The user declined.' })).toEqual({
      type: 'execution-denied',
      reason: 'The user declined.',
    });
    expect(toAiSdkModelOutput({ outcome: 'failed', message: 'Calling x failed.' })).toEqual({
      type: 'error-text',
      value: 'Calling x failed.',
    });
  });
});
