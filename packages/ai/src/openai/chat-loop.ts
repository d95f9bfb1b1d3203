import type OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionAssistantMessageParam,
  ChatCompletionCreateParamsBase,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import { checkOptions } from '@mcpx/core/internal';
import { modelRequestFailure, stepLimit, throwIfAborted } from '../loop-control.js';
import { OPENAI_CHAT_LOOP_OPTION_KEYS } from './options.js';
import type { ToolCallEvent } from '../tool-call.js';
import type { OpenAIToolSet } from './openai-tools.js';

/**
 * Why an OpenAI loop stopped: `'stop'` (the model answered), `'length'` (cut off by the token
 * limit), `'content_filter'`, `'refusal'` (the model refused: see `refusal`), or `'max_steps'`
 * when it still wanted tools after the last allowed step.
 */
export type OpenAILoopStop = 'stop' | 'length' | 'content_filter' | 'refusal' | 'max_steps';

/** What the Chat Completions loop reports while it runs: streamed text, each completion, and each tool call's events. */
export type OpenAIChatLoopEvent =
  | { type: 'text'; step: number; text: string }
  | { type: 'message'; step: number; completion: ChatCompletion }
  | (ToolCallEvent & { step: number });

/** Options of `runOpenAIChatLoop`. */
export interface OpenAIChatLoopOptions {
  /** The OpenAI SDK client (its `baseURL`, `apiKey` and `maxRetries` apply). */
  client: OpenAI;
  /** The model to ask. */
  model: string;
  /** The conversation so far; not changed: the result holds it with the loop's turns added. */
  messages: readonly ChatCompletionMessageParam[];
  /** The tools the model may use, from `openaiTools`. */
  tools: OpenAIToolSet;
  /** The most model turns to run. @default 10 */
  maxSteps?: number | undefined;
  /** `max_completion_tokens` of each turn. @default the model's own limit */
  maxTokens?: number | undefined;
  /** A system prompt, sent first in every request and not kept in `messages`. @default none */
  system?: string | undefined;
  /** Streams each turn (`chat.completions.stream`), reporting `text` events as the text arrives; `false` asks with `create`. @default true */
  stream?: boolean | undefined;
  /** Other parameters of every turn (temperature, tool_choice, parallel_tool_calls, ...). @default none */
  params?: Partial<Omit<ChatCompletionCreateParamsBase, 'model' | 'messages' | 'tools' | 'stream'>> | undefined;
  /** Cancels the loop: the model request, the approvals asked or the tool calls in flight, then throws `CancelledError`. @default undefined */
  signal?: AbortSignal | undefined;
  /** Told about text, completions and tool calls as they happen; one that throws makes the loop reject. @default undefined */
  onEvent?: ((event: OpenAIChatLoopEvent) => void) | undefined;
}

/** How the Chat Completions loop ended. */
export interface OpenAIChatLoopResult {
  /** The conversation: the messages given, then each assistant turn and the messages answering its tool calls. */
  messages: ChatCompletionMessageParam[];
  /** The last completion of the model. */
  completion: ChatCompletion;
  /** The text of its last message. */
  text: string;
  /** The model's refusal, when it refused. */
  refusal: string | undefined;
  /** Why the loop stopped. */
  stopReason: OpenAILoopStop;
  /** The model turns run. */
  steps: number;
}

/**
 * Runs a Chat Completions model and its tool calls until it answers without calling a tool, or
 * `maxSteps` turns have run. A turn's function tool calls run whatever its `finish_reason`
 * (`'stop'` when `tool_choice` names a function), unless the turn was cut off. The tool calls of one turn run at the same time; a tool's failure
 * goes back to the model as the `tool` message's text. A refusal (`message.refusal`) and a cut-off
 * (`finish_reason: 'length'`) end the loop with that stop reason. A failed model request throws
 * `ModelRequestError` (after the SDK's own retries); an abort throws `CancelledError`.
 *
 * @example
 * ```ts
 * const tools = await openaiTools(registry);
 * const { text } = await runOpenAIChatLoop({ client: new OpenAI(), model, tools, messages: [{ role: 'user', content: question }] });
 * ```
 */
export async function runOpenAIChatLoop(options: OpenAIChatLoopOptions): Promise<OpenAIChatLoopResult> {
  checkOptions(options, OPENAI_CHAT_LOOP_OPTION_KEYS, { where: 'runOpenAIChatLoop(options)' });
  const { signal, onEvent } = options;
  const maxSteps = stepLimit(options.maxSteps, 'runOpenAIChatLoop(options)');
  const messages = [...options.messages];
  let completion!: ChatCompletion;
  for (let step = 1; step <= maxSteps; step++) {
    throwIfAborted(signal);
    completion = await turn(options, messages, step);
    onEvent?.({ type: 'message', step, completion });
    const choice = completion.choices[0];
    // OpenAI (and compatible servers) answer 'stop' with tool calls when `tool_choice` names a function.
    const cutOff = choice?.finish_reason === 'length' || choice?.finish_reason === 'content_filter';
    const wantsTools = choice !== undefined && !cutOff && (choice.message.tool_calls ?? []).some((call) => call.type === 'function');
    messages.push(sendable(completion, wantsTools));
    if (!wantsTools) return finish(messages, completion, step);
    const answers = await options.tools.handleChat(choice.message, {
      signal,
      onEvent: onEvent === undefined ? undefined : (event) => onEvent({ ...event, step }),
    });
    throwIfAborted(signal);
    messages.push(...answers);
  }
  return { ...finish(messages, completion, maxSteps), stopReason: 'max_steps' };
}

/**
 * The assistant message as it can be sent back: its text, refusal and (only when they are to run)
 * function tool calls, which every later request must answer; a turn cut off by the
 * token limit can end in a call that has no answer.
 */
function sendable(completion: ChatCompletion, wantsTools: boolean): ChatCompletionAssistantMessageParam {
  const message = completion.choices[0]?.message;
  const calls = wantsTools ? (message?.tool_calls ?? []).filter((call) => call.type === 'function') : [];
  return {
    role: 'assistant',
    content: message?.content ?? (calls.length > 0 ? null : ''),
    ...(message?.refusal == null ? {} : { refusal: message.refusal }),
    ...(calls.length === 0
      ? {}
      : {
          tool_calls: calls.map(({ id, function: { name, arguments: args } }) => ({
            id,
            type: 'function' as const,
            function: { name, arguments: args },
          })),
        }),
  };
}

function finish(messages: ChatCompletionMessageParam[], completion: ChatCompletion, steps: number): OpenAIChatLoopResult {
  const choice = completion.choices[0];
  const refusal = choice?.message.refusal ?? undefined;
  const reason = choice?.finish_reason;
  const stopReason: OpenAILoopStop =
    refusal !== undefined ? 'refusal' : reason === 'length' ? 'length' : reason === 'content_filter' ? 'content_filter' : 'stop';
  return { messages, completion, text: choice?.message.content ?? '', refusal, stopReason, steps };
}

/** One model turn, streamed or not; SDK errors become `ModelRequestError` or, once aborted, `CancelledError`. */
async function turn(options: OpenAIChatLoopOptions, messages: ChatCompletionMessageParam[], step: number): Promise<ChatCompletion> {
  const { client, model, signal, onEvent } = options;
  const params = {
    ...options.params,
    model,
    messages: options.system === undefined ? messages : [{ role: 'system' as const, content: options.system }, ...messages],
    ...(options.tools.chat.length === 0 ? {} : { tools: options.tools.chat }),
    ...(options.maxTokens === undefined ? {} : { max_completion_tokens: options.maxTokens }),
  };
  const requestOptions = signal === undefined ? {} : { signal };
  try {
    if (options.stream === false) return await client.chat.completions.create({ ...params, stream: false }, requestOptions);
    const stream = client.chat.completions.stream(params, requestOptions);
    if (onEvent !== undefined) stream.on('content', (text) => onEvent({ type: 'text', step, text }));
    return await stream.finalChatCompletion();
  } catch (error) {
    throw modelRequestFailure(error, { provider: 'OpenAI', model, step, baseURL: client.baseURL, signal });
  }
}
