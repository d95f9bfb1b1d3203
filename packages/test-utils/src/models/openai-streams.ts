import { sseEvent } from '../http/fake-http-server.js';
import type { ChatCompletionBody, ResponseBody, ResponseOutputBody } from './openai-bodies.js';

/** `text` in two pieces, as a model streams it (one piece when it is a single character or empty). */
function halves(text: string): string[] {
  const half = Math.ceil(text.length / 2);
  return [text.slice(0, half), text.slice(half)].filter((piece) => piece !== '');
}

/**
 * Chat Completions' streamed chunks for `completion`, as SSE text: a first chunk with the role,
 * the text and refusal in deltas, each tool call opened with its id and name and its arguments in
 * deltas, a last chunk with `finish_reason`, a usage chunk when `include_usage` is asked, then `[DONE]`.
 */
export function chatCompletionChunks(completion: ChatCompletionBody, includeUsage: boolean): string {
  const { id, created, model } = completion;
  const choice = completion.choices[0]!;
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
    sseEvent({
      data: { id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] },
    });
  let text = chunk({ role: 'assistant', content: '', refusal: null });
  for (const piece of halves(choice.message.content ?? '')) text += chunk({ content: piece });
  for (const piece of halves(choice.message.refusal ?? '')) text += chunk({ refusal: piece });
  (choice.message.tool_calls ?? []).forEach((call, index) => {
    text += chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] });
    for (const piece of halves(call.function.arguments)) text += chunk({ tool_calls: [{ index, function: { arguments: piece } }] });
  });
  text += chunk({}, choice.finish_reason);
  if (includeUsage)
    text += sseEvent({ data: { id, object: 'chat.completion.chunk', created, model, choices: [], usage: completion.usage } });
  return `${text}${sseEvent({ data: '[DONE]' })}`;
}

/**
 * The Responses API's streamed events for `response`, as SSE text with their real names:
 * `response.created`, `response.in_progress`, for each output item `response.output_item.added`,
 * its content parts (`response.content_part.added`, `response.output_text.delta`/`.done` or
 * `response.refusal.delta`/`.done`, `response.content_part.done`) or its arguments
 * (`response.function_call_arguments.delta`/`.done`), `response.output_item.done`, and last
 * `response.completed` (or `response.incomplete`) with the whole response; each numbered.
 */
export function responseEvents(response: ResponseBody): string {
  let sequence = 0;
  let text = '';
  const push = (type: string, fields: Record<string, unknown>): void => {
    text += sseEvent({ event: type, data: { type, sequence_number: sequence++, ...fields } });
  };
  const started = { ...response, status: 'in_progress', output: [], incomplete_details: null, usage: null };
  push('response.created', { response: started });
  push('response.in_progress', { response: started });
  response.output.forEach((item, outputIndex) => {
    push('response.output_item.added', { output_index: outputIndex, item: opened(item) });
    if (item.type === 'message') {
      item.content.forEach((part, contentIndex) => {
        const at = { item_id: item.id, output_index: outputIndex, content_index: contentIndex };
        if (part.type === 'output_text') {
          push('response.content_part.added', { ...at, part: { type: 'output_text', text: '', annotations: [], logprobs: [] } });
          for (const delta of halves(part.text)) push('response.output_text.delta', { ...at, delta, logprobs: [] });
          push('response.output_text.done', { ...at, text: part.text, logprobs: [] });
        } else {
          push('response.content_part.added', { ...at, part: { type: 'refusal', refusal: '' } });
          for (const delta of halves(part.refusal)) push('response.refusal.delta', { ...at, delta });
          push('response.refusal.done', { ...at, refusal: part.refusal });
        }
        push('response.content_part.done', { ...at, part });
      });
    } else {
      const at = { item_id: item.id, output_index: outputIndex };
      for (const delta of halves(item.arguments)) push('response.function_call_arguments.delta', { ...at, delta });
      push('response.function_call_arguments.done', { ...at, name: item.name, arguments: item.arguments });
    }
    push('response.output_item.done', { output_index: outputIndex, item });
  });
  push(response.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response });
  return text;
}

/** An output item as `response.output_item.added` carries it: in progress, with no content or arguments yet. */
function opened(item: ResponseOutputBody): Record<string, unknown> {
  return item.type === 'message' ? { ...item, status: 'in_progress', content: [] } : { ...item, status: 'in_progress', arguments: '' };
}
