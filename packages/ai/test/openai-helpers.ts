import OpenAI from 'openai';
import type { OpenAIModelRequest, OpenAIModelServer } from '@mcpx/test-utils';

/** The real OpenAI SDK, pointed at a loopback model server. */
export function openaiFor(model: Pick<OpenAIModelServer, 'baseURL'>, options: { maxRetries?: number } = {}): OpenAI {
  return new OpenAI({ baseURL: model.baseURL, apiKey: 'test-key', maxRetries: options.maxRetries ?? 2 });
}

/** The `tool` messages of a recorded Chat Completions request. */
export function toolMessages(request: OpenAIModelRequest): Array<Record<string, unknown>> {
  return (request.params.messages ?? []).filter((message) => message.role === 'tool');
}

/** The `function_call_output` items of a recorded Responses request. */
export function functionOutputs(request: OpenAIModelRequest): Array<Record<string, unknown>> {
  const input = request.params.input;
  return Array.isArray(input) ? input.filter((item) => item.type === 'function_call_output') : [];
}

/** The text of a function output: its `input_text` items, or the string itself. */
export function outputText(output: Record<string, unknown>): string {
  const value = output.output ?? output.content;
  if (typeof value === 'string') return value;
  return (value as Array<{ type: string; text?: string }>).map((item) => item.text ?? '').join('\n');
}
