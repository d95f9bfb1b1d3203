import type OpenAI from 'openai';
import type { Response, ResponseCreateParamsBase, ResponseIncludable, ResponseInputItem } from 'openai/resources/responses/responses';
import { checkOptions } from '@mcpx/core/internal';
import { modelRequestFailure, stepLimit, throwIfAborted } from '../loop-control.js';
import { OPENAI_RESPONSES_LOOP_OPTION_KEYS } from './options.js';
import { toInputItem } from './response-input.js';
import type { ToolCallEvent } from '../tool-call.js';
import type { OpenAILoopStop } from './chat-loop.js';
import type { OpenAIToolSet } from './openai-tools.js';

/** What the Responses loop reports while it runs: streamed text, each response, and each tool call's events. */
export type OpenAIResponsesLoopEvent =
  { type: 'text'; step: number; text: string } | { type: 'message'; step: number; response: Response } | (ToolCallEvent & { step: number });

/** Options of `runOpenAIResponsesLoop`. */
export interface OpenAIResponsesLoopOptions {
  /** The OpenAI SDK client (its `baseURL`, `apiKey` and `maxRetries` apply). */
  client: OpenAI;
  /** The model to ask. */
  model: string;
  /** The input so far (a user's text, or items); not changed: the result holds it with the loop's output and tool outputs added. */
  input: string | readonly ResponseInputItem[];
  /** The tools the model may use, from `openaiTools`. */
  tools: OpenAIToolSet;
  /** The most model turns to run. @default 10 */
  maxSteps?: number | undefined;
  /** `max_output_tokens` of each turn. @default the model's own limit */
  maxTokens?: number | undefined;
  /** The system prompt, sent as `instructions` with every request. @default none */
  system?: string | undefined;
  /** Streams each turn (`responses.stream`), reporting `text` events as the text arrives; `false` asks with `create`. @default true */
  stream?: boolean | undefined;
  /**
   * Other parameters of every turn (temperature, tool_choice, store, reasoning, ...). With
   * `store: false` and a `reasoning` parameter or a reasoning model's name (o-series, GPT-5,
   * codex), `include` gets `reasoning.encrypted_content`, which the next turns need; add it
   * yourself for another model that reasons. @default none
   */
  params?: Partial<Omit<ResponseCreateParamsBase, 'model' | 'input' | 'tools' | 'stream' | 'instructions'>> | undefined;
  /** Cancels the loop: the model request, the approvals asked or the tool calls in flight, then throws `CancelledError`. @default undefined */
  signal?: AbortSignal | undefined;
  /** Told about text, responses and tool calls as they happen; one that throws makes the loop reject. @default undefined */
  onEvent?: ((event: OpenAIResponsesLoopEvent) => void) | undefined;
}

/** How the Responses loop ended. */
export interface OpenAIResponsesLoopResult {
  /** The input given, then each response's output items and the `function_call_output` items answering its calls. */
  input: ResponseInputItem[];
  /** The last response of the model. */
  response: Response;
  /** The text of its output messages. */
  text: string;
  /** The model's refusal, when it refused. */
  refusal: string | undefined;
  /** Why the loop stopped. */
  stopReason: OpenAILoopStop;
  /** The model turns run. */
  steps: number;
}

/**
 * Runs a Responses API model and its function calls until it answers without calling a function,
 * or `maxSteps` turns have run. Each request carries the whole input (the loop does not rely on
 * `previous_response_id`, so `store: false` works). The calls of one turn run at the same time; a
 * tool's failure goes back as the `function_call_output`'s text. Refusal content and an
 * `incomplete` response end the loop with that stop reason. A failed model request throws
 * `ModelRequestError` (after the SDK's own retries); an abort throws `CancelledError`.
 *
 * @example
 * ```ts
 * const tools = await openaiTools(registry);
 * const { text } = await runOpenAIResponsesLoop({ client: new OpenAI(), model, tools, input: question });
 * ```
 */
export async function runOpenAIResponsesLoop(options: OpenAIResponsesLoopOptions): Promise<OpenAIResponsesLoopResult> {
  checkOptions(options, OPENAI_RESPONSES_LOOP_OPTION_KEYS, { where: 'runOpenAIResponsesLoop(options)' });
  const { signal, onEvent } = options;
  const maxSteps = stepLimit(options.maxSteps, 'runOpenAIResponsesLoop(options)');
  const input: ResponseInputItem[] = typeof options.input === 'string' ? [{ role: 'user', content: options.input }] : [...options.input];
  let response!: Response;
  for (let step = 1; step <= maxSteps; step++) {
    throwIfAborted(signal);
    response = await turn(options, input, step);
    onEvent?.({ type: 'message', step, response });
    const wantsTools = response.status === 'completed' && response.output.some((item) => item.type === 'function_call');
    // A cut-off response's function calls would have no output, which the next request may not hold.
    input.push(...response.output.filter((item) => wantsTools || item.type !== 'function_call').map(toInputItem));
    if (!wantsTools) return finish(input, response, step);
    const outputs = await options.tools.handleResponses(response.output, {
      signal,
      onEvent: onEvent === undefined ? undefined : (event) => onEvent({ ...event, step }),
    });
    throwIfAborted(signal);
    input.push(...outputs);
  }
  return { ...finish(input, response, maxSteps), stopReason: 'max_steps' };
}

function finish(input: ResponseInputItem[], response: Response, steps: number): OpenAIResponsesLoopResult {
  const content = response.output.flatMap((item) => (item.type === 'message' ? item.content : []));
  const text = content.flatMap((part) => (part.type === 'output_text' ? [part.text] : [])).join('');
  const refusals = content.flatMap((part) => (part.type === 'refusal' ? [part.refusal] : []));
  const refusal = refusals.length === 0 ? undefined : refusals.join('');
  const reason = response.incomplete_details?.reason;
  const stopReason: OpenAILoopStop =
    refusal !== undefined ? 'refusal' : reason === 'max_output_tokens' ? 'length' : reason === 'content_filter' ? 'content_filter' : 'stop';
  return { input, response, text, refusal, stopReason, steps };
}

/** Models that reason by name (o-series, GPT-5 but its `-chat` models, codex); others refuse `reasoning.encrypted_content`. */
const REASONING_MODEL = /^(?:.*\/)?(?:o\d|gpt-5(?!.*-chat)|codex)/i;

/**
 * `include` with `reasoning.encrypted_content` when `store` is `false` and the model reasons (a
 * `reasoning` parameter, or a reasoning model's name): the API keeps no reasoning item then, so the
 * next turn must send its encrypted content back instead of its id. Other models refuse it.
 */
function statelessReasoning({ params, model }: OpenAIResponsesLoopOptions): { include?: ResponseIncludable[] } {
  const include = params?.include ?? [];
  if (params?.store !== false || include.includes('reasoning.encrypted_content')) return {};
  if (params.reasoning == null && !REASONING_MODEL.test(model)) return {};
  return { include: [...include, 'reasoning.encrypted_content'] };
}

/** One model turn, streamed or not; SDK errors become `ModelRequestError` or, once aborted, `CancelledError`. */
async function turn(options: OpenAIResponsesLoopOptions, input: ResponseInputItem[], step: number): Promise<Response> {
  const { client, model, signal, onEvent } = options;
  const params = {
    ...options.params,
    ...statelessReasoning(options),
    model,
    input,
    ...(options.tools.responses.length === 0 ? {} : { tools: options.tools.responses }),
    ...(options.system === undefined ? {} : { instructions: options.system }),
    ...(options.maxTokens === undefined ? {} : { max_output_tokens: options.maxTokens }),
  };
  const requestOptions = signal === undefined ? {} : { signal };
  try {
    if (options.stream === false) return await client.responses.create({ ...params, stream: false }, requestOptions);
    const stream = client.responses.stream(params, requestOptions);
    if (onEvent !== undefined) stream.on('response.output_text.delta', (event) => onEvent({ type: 'text', step, text: event.delta }));
    return await stream.finalResponse();
  } catch (error) {
    throw modelRequestFailure(error, { provider: 'OpenAI', model, step, baseURL: client.baseURL, signal });
  }
}
