import type {
  ChatCompletionContentPart,
  ChatCompletionMessageParam,
  ChatCompletionToolMessageParam,
} from 'openai/resources/chat/completions';
import type { ToolCallRequest } from '../approval.js';
import { byteLength } from '../result-blocks.js';
import { outcomeText, type DescribeFailure, type ToolCallOutcome, type UnsentToolCall } from '../tool-call.js';
import { dataUrl, toOpenAIResultParts, type OpenAIResultPart } from './tool-output.js';

/** Where the images, audio and files of tool results go in Chat Completions, whose `tool` messages hold text only. */
export type ChatMedia = 'user-message' | 'describe';

/** One answered tool call. */
export interface AnsweredCall {
  call: UnsentToolCall | ToolCallRequest;
  outcome: ToolCallOutcome;
}

function mediaLabel(piece: Exclude<OpenAIResultPart, { kind: 'text' }>): string {
  if (piece.kind === 'image') return `an image (${piece.mimeType})`;
  if (piece.kind === 'audio') return `audio (${piece.mimeType})`;
  return `the PDF file ${piece.filename}`;
}

function mediaPart(piece: Exclude<OpenAIResultPart, { kind: 'text' }>): ChatCompletionContentPart {
  if (piece.kind === 'image') return { type: 'image_url', image_url: { url: dataUrl(piece.mimeType, piece.data) } };
  if (piece.kind === 'audio') return { type: 'input_audio', input_audio: { data: piece.data, format: piece.format } };
  return { type: 'file', file: { filename: piece.filename, file_data: dataUrl('application/pdf', piece.data) } };
}

/**
 * The messages answering the tool calls of one assistant message: a `tool` message per call, in
 * order, holding the result's text (a failed, declined or unknown call says why). A `tool`
 * message holds text only, so with `media: 'user-message'` (the default) the images (as data
 * URLs) and PDFs of the results follow in one `user` message after them, each named in its tool
 * message and labelled with its call's id; with `'describe'` they are described in text instead
 * (for a model that takes no images). WAV/MP3 audio goes there only with `audio: 'user-message'`
 * (an audio model's; others refuse an `input_audio` part), and is described by default.
 */
export function toChatToolMessages(
  answers: readonly AnsweredCall[],
  options: { describeFailure?: DescribeFailure | undefined; media?: ChatMedia | undefined; audio?: ChatMedia | undefined } = {},
): ChatCompletionMessageParam[] {
  const attached: ChatCompletionContentPart[] = [];
  const messages: ChatCompletionMessageParam[] = answers.map(({ call, outcome }): ChatCompletionToolMessageParam => {
    const parts: OpenAIResultPart[] =
      outcome.kind === 'result'
        ? toOpenAIResultParts(outcome.result)
        : [{ kind: 'text', text: outcomeText(call, outcome, options.describeFailure) }];
    const texts = parts.map((piece) => {
      if (piece.kind === 'text') return piece.text;
      const where = piece.kind === 'audio' ? (options.media === 'describe' ? 'describe' : (options.audio ?? 'describe')) : options.media;
      if (where === 'describe') return `[${mediaLabel(piece)}, ${byteLength(piece.data)} bytes, left out]`;
      attached.push({ type: 'text', text: `[${mediaLabel(piece)} from the tool call ${call.id}]` }, mediaPart(piece));
      return `[${mediaLabel(piece)}: sent in the user message after the tool results]`;
    });
    return { role: 'tool', tool_call_id: call.id, content: texts.length === 0 ? '(no output)' : texts.join('\n\n') };
  });
  if (attached.length > 0) messages.push({ role: 'user', content: attached });
  return messages;
}
