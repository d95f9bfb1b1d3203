import type Anthropic from '@anthropic-ai/sdk';
import type { Message, MessageCreateParamsBase, MessageParam, StopReason } from '@anthropic-ai/sdk/resources/messages';
import { checkOptions } from '@mcpx/core/internal';
import { modelRequestFailure, stepLimit, throwIfAborted } from '../loop-control.js';
import { ANTHROPIC_LOOP_OPTION_KEYS } from './options.js';
import type { ToolCallEvent } from '../tool-call.js';
import type { AnthropicToolSet } from './anthropic-tools.js';

/** What the loop reports while it runs: streamed text, each model message, and each tool call's start and end. */
export type AnthropicLoopEvent =
  { type: 'text'; step: number; text: string } | { type: 'message'; step: number; message: Message } | (ToolCallEvent & { step: number });

/** Why the loop stopped: the model's own stop reason, or `'max_steps'` when it still wanted tools after the last allowed step. */
export type AnthropicLoopStop = StopReason | 'max_steps';

/** Options of `runAnthropicLoop`. */
export interface AnthropicLoopOptions {
  /** The Anthropic SDK client (its `baseURL`, `apiKey` and `maxRetries` apply). */
  client: Anthropic;
  /** The model to ask. */
  model: string;
  /** The conversation so far; not changed: the result holds the conversation with the loop's turns added. */
  messages: readonly MessageParam[];
  /** The tools the model may use, from `anthropicTools`. */
  tools: AnthropicToolSet;
  /** The most model turns to run. @default 10 */
  maxSteps?: number | undefined;
  /** `max_tokens` of each turn. @default 4096 */
  maxTokens?: number | undefined;
  /** The system prompt. @default none */
  system?: string | undefined;
  /** Streams each turn (`messages.stream`), reporting `text` events as the text arrives; `false` asks with `messages.create`. @default true */
  stream?: boolean | undefined;
  /** Other parameters of every turn (temperature, tool_choice, metadata, ...). @default none */
  params?: Partial<Omit<MessageCreateParamsBase, 'model' | 'messages' | 'tools' | 'max_tokens' | 'system' | 'stream'>> | undefined;
  /** Cancels the loop: the model request, the approvals asked or the tool calls in flight, then throws `CancelledError`. @default undefined */
  signal?: AbortSignal | undefined;
  /** Told about text, messages and tool calls as they happen; one that throws makes the loop reject. @default undefined */
  onEvent?: ((event: AnthropicLoopEvent) => void) | undefined;
}

/** How the loop ended. */
export interface AnthropicLoopResult {
  /** The conversation: the messages given, then each assistant turn and each turn of tool results. */
  messages: MessageParam[];
  /** The last message of the model. */
  message: Message;
  /** The text of the last message. */
  text: string;
  /** Why the loop stopped. */
  stopReason: AnthropicLoopStop;
  /** The model turns run. */
  steps: number;
}

/**
 * Runs the model and its tool calls until the model stops asking for tools (`end_turn`,
 * `stop_sequence`, `max_tokens`, `refusal`, ...) or `maxSteps` turns have run. The tool uses of
 * one turn run at the same time; a tool's failure goes back to the model as an `is_error`
 * result. A failed model request throws `ModelRequestError`; an abort throws `CancelledError`.
 *
 * @example
 * ```ts
 * const tools = await anthropicTools(registry);
 * const { text } = await runAnthropicLoop({ client: new Anthropic(), model, tools, messages: [{ role: 'user', content: question }] });
 * ```
 */
export async function runAnthropicLoop(options: AnthropicLoopOptions): Promise<AnthropicLoopResult> {
  checkOptions(options, ANTHROPIC_LOOP_OPTION_KEYS, { where: 'runAnthropicLoop(options)' });
  const { signal, onEvent } = options;
  const maxSteps = stepLimit(options.maxSteps, 'runAnthropicLoop(options)');
  const messages = [...options.messages];
  let message!: Message;
  for (let step = 1; step <= maxSteps; step++) {
    throwIfAborted(signal);
    message = await turn(options, messages, step);
    onEvent?.({ type: 'message', step, message });
    messages.push({ role: 'assistant', content: sendable(message) });
    if (message.stop_reason === 'pause_turn') continue;
    if (message.stop_reason !== 'tool_use') return finish(messages, message, message.stop_reason ?? 'end_turn', step);
    const results = await options.tools.handle(message.content, {
      signal,
      onEvent: onEvent === undefined ? undefined : (event) => onEvent({ ...event, step }),
    });
    throwIfAborted(signal);
    messages.push({ role: 'user', content: results });
  }
  return finish(messages, message, 'max_steps', maxSteps);
}

/**
 * The content of a model message as it can be sent back: without empty text blocks (the API
 * refuses them) and, unless the model stopped to use tools, without `tool_use` blocks (a turn cut
 * off by `max_tokens` can end in one that has no result, which the next request may not hold).
 * An assistant message left with nothing gets a short text.
 */
function sendable(message: Message): Message['content'] {
  const content = message.content.filter(
    (block) => !(block.type === 'text' && block.text === '') && (message.stop_reason === 'tool_use' || block.type !== 'tool_use'),
  );
  return content.length > 0 ? content : [{ type: 'text', text: '(no answer)', citations: null }];
}

function finish(messages: MessageParam[], message: Message, stopReason: AnthropicLoopStop, steps: number): AnthropicLoopResult {
  const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
  return { messages, message, text, stopReason, steps };
}

/** One model turn, streamed or not; SDK errors become `ModelRequestError` or, once aborted, `CancelledError`. */
async function turn(options: AnthropicLoopOptions, messages: MessageParam[], step: number): Promise<Message> {
  const { client, model, signal, onEvent } = options;
  const params = {
    ...options.params,
    model,
    max_tokens: options.maxTokens ?? 4096,
    messages,
    ...(options.tools.tools.length === 0 ? {} : { tools: options.tools.tools }),
    ...(options.system === undefined ? {} : { system: options.system }),
  };
  const requestOptions = signal === undefined ? {} : { signal };
  try {
    if (options.stream === false) return await client.messages.create({ ...params, stream: false }, requestOptions);
    const stream = client.messages.stream(params, requestOptions);
    if (onEvent !== undefined) stream.on('text', (text) => onEvent({ type: 'text', step, text }));
    return await stream.finalMessage();
  } catch (error) {
    throw modelRequestFailure(error, { provider: 'Anthropic', model, step, baseURL: client.baseURL, signal });
  }
}
