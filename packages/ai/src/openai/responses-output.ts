import type { ResponseFunctionCallOutputItem, ResponseInputItem } from 'openai/resources/responses/responses';
import { byteLength } from '../result-blocks.js';
import { outcomeText, type DescribeFailure } from '../tool-call.js';
import type { AnsweredCall } from './chat-output.js';
import { dataUrl, toOpenAIResultParts, type OpenAIResultPart } from './tool-output.js';

function outputItem(piece: OpenAIResultPart): ResponseFunctionCallOutputItem {
  switch (piece.kind) {
    case 'text':
      return { type: 'input_text', text: piece.text };
    case 'image':
      return { type: 'input_image', image_url: dataUrl(piece.mimeType, piece.data), detail: 'auto' };
    case 'file':
      return { type: 'input_file', filename: piece.filename, file_data: dataUrl('application/pdf', piece.data) };
    case 'audio':
      return {
        type: 'input_text',
        text: `[audio (${piece.mimeType}), ${byteLength(piece.data)} bytes, left out: a function output takes no audio]`,
      };
  }
}

/**
 * The `function_call_output` items answering the function calls of one response, in order: the
 * result's text, images (as data URLs) and PDFs as the output's `input_text`, `input_image` and
 * `input_file` items; audio, which a function output cannot hold, described in text. A failed,
 * declined or unknown call is a text saying why.
 */
export function toResponsesOutputs(
  answers: readonly AnsweredCall[],
  options: { describeFailure?: DescribeFailure | undefined } = {},
): ResponseInputItem.FunctionCallOutput[] {
  return answers.map(({ call, outcome }) => {
    const parts: OpenAIResultPart[] =
      outcome.kind === 'result'
        ? toOpenAIResultParts(outcome.result)
        : [{ kind: 'text', text: outcomeText(call, outcome, options.describeFailure) }];
    return { type: 'function_call_output', call_id: call.id, output: parts.length === 0 ? '(no output)' : parts.map(outputItem) };
  });
}
