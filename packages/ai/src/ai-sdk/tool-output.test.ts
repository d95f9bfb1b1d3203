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

  it('describes an image type a provider would refuse (SVG) in text rather than sending it', () => {
    const output = result({ outcome: 'result', result: { content: [{ type: 'image', data: base64(12), mimeType: 'image/svg+xml' }] } });
    expect(output).toEqual({
      type: 'content',
      value: [
        {
          type: 'text',
          text: '[an image of type image/svg+xml, 12 bytes, left out: the AI SDK’s providers take JPEG, PNG, GIF and WebP images only]',
        },
      ],
    });
  });

  it('describes an image larger than 5 MB in text', () => {
    const output = result({
      outcome: 'result',
      result: { content: [{ type: 'image', data: base64(5 * 1024 * 1024 + 1), mimeType: 'image/png' }] },
    });
    expect(output).toEqual({
      type: 'content',
      value: [{ type: 'text', text: '[an image of type image/png, 5.0 MB, left out: the AI SDK’s providers take images of 5 MB at most]' }],
    });
  });

  it('describes an embedded PDF larger than 20 MB in text', () => {
    const pdf = {
      type: 'resource' as const,
      resource: { uri: 'file:///big.pdf', mimeType: 'application/pdf', blob: base64(21 * 1024 * 1024) },
    };
    expect(result({ outcome: 'result', result: { content: [pdf] } })).toEqual({
      type: 'content',
      value: [{ type: 'text', text: '[the PDF resource file:///big.pdf, 21.0 MB, left out: too large to send to the model]' }],
    });
  });

  it('describes audio in text, since not every provider takes it in a tool result', () => {
    const output = result({ outcome: 'result', result: { content: [{ type: 'audio', data: base64(1000), mimeType: 'audio/wav' }] } });
    expect(output).toEqual({
      type: 'content',
      value: [{ type: 'text', text: '[audio of type audio/wav, 1000 bytes, left out: the AI SDK’s providers do not all take audio]' }],
    });
  });

  it('says (no output) for a result with nothing for the model, since some providers refuse an empty output', () => {
    expect(result({ outcome: 'result', result: { content: [] } })).toEqual({
      type: 'content',
      value: [{ type: 'text', text: '(no output)' }],
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
