import { describe, expect, it } from 'vitest';
import { toChatToolMessages } from './chat-output.js';

const base64 = (bytes: number) => Buffer.alloc(bytes, 7).toString('base64');
const call = { id: 'call_1', modelName: 'shot', input: {} };

describe('tool results as Chat Completions messages', () => {
  it('sends images, WAV audio and PDFs in one user message after the tool messages, each named in its tool message', () => {
    const messages = toChatToolMessages(
      [
        {
          call,
          outcome: {
            kind: 'result',
            result: {
              content: [
                { type: 'text', text: 'Here:' },
                { type: 'image', data: base64(12), mimeType: 'image/png' },
                { type: 'audio', data: base64(12), mimeType: 'audio/wav' },
                { type: 'resource', resource: { uri: 'file:///r/a.pdf', mimeType: 'application/pdf', blob: base64(30) } },
              ],
            },
          },
        },
        { call: { ...call, id: 'call_2' }, outcome: { kind: 'declined' } },
      ],
      { audio: 'user-message' },
    );
    expect(messages).toEqual([
      {
        role: 'tool',
        tool_call_id: 'call_1',
        content: [
          'Here:',
          '[an image (image/png): sent in the user message after the tool results]',
          '[audio (audio/wav): sent in the user message after the tool results]',
          '[the PDF file a.pdf: sent in the user message after the tool results]',
        ].join('\n\n'),
      },
      { role: 'tool', tool_call_id: 'call_2', content: expect.stringContaining('The user declined to run shot') as unknown },
      {
        role: 'user',
        content: [
          { type: 'text', text: '[an image (image/png) from the tool call call_1]' },
          { type: 'image_url', image_url: { url: `data:image/png;base64,${base64(12)}` } },
          { type: 'text', text: '[audio (audio/wav) from the tool call call_1]' },
          { type: 'input_audio', input_audio: { data: base64(12), format: 'wav' } },
          { type: 'text', text: '[the PDF file a.pdf from the tool call call_1]' },
          { type: 'file', file: { filename: 'a.pdf', file_data: `data:application/pdf;base64,${base64(30)}` } },
        ],
      },
    ]);
  });

  it("describes them instead with media: 'describe', and audio of a type the API does not take always", () => {
    const messages = toChatToolMessages(
      [
        {
          call,
          outcome: {
            kind: 'result',
            result: {
              content: [
                { type: 'image', data: base64(12), mimeType: 'image/png' },
                { type: 'audio', data: base64(12), mimeType: 'audio/ogg' },
              ],
            },
          },
        },
      ],
      { media: 'describe' },
    );
    expect(messages).toEqual([
      {
        role: 'tool',
        tool_call_id: 'call_1',
        content:
          '[an image (image/png), 12 bytes, left out]\n\n[audio of type audio/ogg, 12 bytes, left out: OpenAI models take WAV and MP3 audio only]',
      },
    ]);
  });

  it('adds structuredContent as JSON when no text carries it, and says so when there is no output at all', () => {
    const messages = toChatToolMessages([
      { call, outcome: { kind: 'result', result: { content: [{ type: 'text', text: 'Done.' }], structuredContent: { n: 2 } } } },
      { call: { ...call, id: 'call_2' }, outcome: { kind: 'result', result: { content: [] } } },
    ]);
    expect(messages.map((message) => message.content)).toEqual(['Done.\n\n{"n":2}', '(no output)']);
  });

  it('describes audio by default, which only audio models take, and still sends images in the user message', () => {
    const result = {
      content: [
        { type: 'image' as const, data: base64(12), mimeType: 'image/png' },
        { type: 'audio' as const, data: base64(12), mimeType: 'audio/wav' },
      ],
    };
    const [tool, user] = toChatToolMessages([{ call, outcome: { kind: 'result', result } }]);
    expect(tool).toMatchObject({ content: expect.stringContaining('[audio (audio/wav), 12 bytes, left out]') as unknown });
    expect(user).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: '[an image (image/png) from the tool call call_1]' },
        { type: 'image_url', image_url: { url: `data:image/png;base64,${base64(12)}` } },
      ],
    });
  });
});
