import type {
  ChatCompletionAssistantMessageParam,
  ChatCompletionFunctionTool,
  ChatCompletionMessage,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { FunctionTool, ResponseInputItem, ResponseOutputItem } from 'openai/resources/responses/responses';
import { checkOptions } from '@mcpx/core/internal';
import type { ApprovalOptions } from '../approval.js';
import { UnsupportedSchemaError } from '../errors/unsupported-schema-error.js';
import { assignModelNames } from '../model-names.js';
import { OPENAI_TOOLS_OPTION_KEYS } from './options.js';
import { OPENAI_NAME_RULES, type ProviderNameRules } from '../provider-rules.js';
import { selectTools, type ToolSelection } from '../selection.js';
import { runToolCall, type DescribeFailure, type HandleOptions } from '../tool-call.js';
import { listSourceTools, type SourceOptions, type SourceTool, type ToolSource } from '../tool-source.js';
import { toChatToolMessages, type AnsweredCall, type ChatMedia } from './chat-output.js';
import { toOpenAIParameters, type OpenAIParameters } from './function-schema.js';
import { toResponsesOutputs } from './responses-output.js';

/** Options of `openaiTools`. */
export interface OpenAIToolsOptions extends SourceOptions, ApprovalOptions {
  /** Which tools the model sees. @default every tool */
  select?: ToolSelection | undefined;
  /**
   * Strict function schemas (`strict: true`, Structured Outputs): the model's arguments always
   * match the schema. A schema that cannot be made strict is an `UnsupportedSchemaError`, handled
   * as `onUnsupportedSchema` says. @default false
   */
  strict?: boolean | undefined;
  /** A tool whose schema cannot be sent: `'skip'` leaves it out and lists it in `skipped`; `'throw'` throws its `UnsupportedSchemaError`. @default 'skip' */
  onUnsupportedSchema?: 'skip' | 'throw' | undefined;
  /** The naming rules. @default OPENAI_NAME_RULES */
  nameRules?: ProviderNameRules | undefined;
  /** What the model is told of a call that failed; the provider sees it, so the default holds no local detail. @default describeToolFailure */
  describeFailure?: DescribeFailure | undefined;
  /**
   * Chat Completions only: where images and PDFs of results go, since a `tool` message holds text
   * only: `'user-message'` sends them in one `user` message after the tool messages, `'describe'`
   * describes them in text (for a model that takes no images); `'describe'` describes audio too,
   * whatever `chatAudio` says. @default 'user-message'
   */
  chatMedia?: ChatMedia | undefined;
  /**
   * Chat Completions only: where WAV and MP3 audio of results goes: `'describe'` describes it in
   * text, since only audio models (such as `gpt-4o-audio-preview`) take `input_audio` parts and
   * other models refuse the request; `'user-message'` sends it with the images, for an audio model.
   * @default 'describe'
   */
  chatAudio?: ChatMedia | undefined;
}

/** A model's function call, either API: its id, the name and the arguments as JSON text. */
interface FunctionCall {
  id: string;
  name: string;
  arguments: string;
}

/** A source's tools as OpenAI function tools for both APIs, and the runner of the model's function calls. */
export interface OpenAIToolSet {
  /** The tools to pass as `tools` to `chat.completions.create` or `stream`. */
  readonly chat: ChatCompletionFunctionTool[];
  /** The tools to pass as `tools` to `responses.create` or `stream`. */
  readonly responses: FunctionTool[];
  /** The model's name for each tool → the tool (its server and original name). */
  readonly byName: ReadonlyMap<string, SourceTool>;
  /** Tools left out because their schema cannot be sent, each with the reason. */
  readonly skipped: ReadonlyArray<{ tool: SourceTool; error: UnsupportedSchemaError }>;
  /** Servers of a registry that could not list their tools. */
  readonly failures: ReadonlyArray<{ server: string; error: Error }>;
  /** Qualified names several servers of a registry share: the model sees the first server's tool only. */
  readonly collisions: ReadonlyArray<{ name: string; servers: string[] }>;
  /**
   * Runs the function tool calls of one Chat Completions assistant message, all at the same time,
   * and returns the messages answering them: a `tool` message per call, in order, then (see
   * `chatMedia`) a `user` message with their images, audio and files. A failed, declined or
   * unknown call is a `tool` message saying why: only an `onEvent` that throws rejects.
   */
  handleChat(
    message: ChatCompletionMessage | ChatCompletionAssistantMessageParam,
    options?: HandleOptions,
  ): Promise<ChatCompletionMessageParam[]>;
  /**
   * Runs the `function_call` items of a response's output (other items are ignored), all at the
   * same time, and returns a `function_call_output` for each, in order, to add to the next input.
   */
  handleResponses(
    output: ReadonlyArray<ResponseOutputItem | ResponseInputItem>,
    options?: HandleOptions,
  ): Promise<ResponseInputItem.FunctionCallOutput[]>;
}

/** The arguments of a call as an object, or an error saying why they are not one. */
function parseArguments(text: string): Record<string, unknown> | Error {
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    return new Error('the arguments are not a JSON object');
  } catch (error) {
    return new Error(`the arguments are not valid JSON (${(error as Error).message})`);
  }
}

/**
 * A client's or a registry's tools as OpenAI function tools, for Chat Completions (`chat`) and
 * the Responses API (`responses`) from one listing.
 *
 * @example
 * ```ts
 * const toolSet = await openaiTools(registry, { select: { readOnly: true } });
 * const completion = await openai.chat.completions.create({ model, messages, tools: toolSet.chat });
 * messages.push(completion.choices[0].message, ...(await toolSet.handleChat(completion.choices[0].message)));
 * ```
 */
export async function openaiTools(source: ToolSource, options: OpenAIToolsOptions = {}): Promise<OpenAIToolSet> {
  checkOptions(options, OPENAI_TOOLS_OPTION_KEYS, { where: 'openaiTools(source, options)' });
  const { tools: listed, failures, collisions } = await listSourceTools(source, options);
  const skipped: Array<{ tool: SourceTool; error: UnsupportedSchemaError }> = [];
  const schemas = new Map<SourceTool, OpenAIParameters>();
  for (const tool of selectTools(listed, options.select)) {
    try {
      const where = { server: tool.server, tool: tool.originalName };
      schemas.set(tool, toOpenAIParameters(tool.tool.inputSchema, where, { strict: options.strict === true }));
    } catch (error) {
      if (!UnsupportedSchemaError.isInstance(error) || options.onUnsupportedSchema === 'throw') throw error;
      skipped.push({ tool, error });
    }
  }
  const byName = assignModelNames([...schemas.keys()], options.nameRules ?? OPENAI_NAME_RULES);
  const described = [...byName].map(([name, tool]) => ({
    name,
    description: tool.tool.description ?? tool.tool.title,
    schema: schemas.get(tool)!,
  }));

  const answer = (calls: readonly FunctionCall[], handleOptions: HandleOptions): Promise<AnsweredCall[]> =>
    Promise.all(
      calls.map(async ({ id, name, arguments: text }): Promise<AnsweredCall> => {
        const tool = byName.get(name);
        const parsed = parseArguments(text);
        const input = parsed instanceof Error ? {} : parsed;
        if (tool === undefined) {
          const unsent = { id, modelName: name, input };
          handleOptions.onEvent?.({ type: 'tool-failed', call: unsent, outcome: { kind: 'unknown-tool' } });
          return { call: unsent, outcome: { kind: 'unknown-tool' } };
        }
        const call = { id, modelName: name, tool, input: schemas.get(tool)!.restore(input) };
        if (parsed instanceof Error) {
          handleOptions.onEvent?.({ type: 'tool-failed', call, outcome: { kind: 'failed', error: parsed } });
          const text = `Calling ${name} was not attempted: ${parsed.message}. Call it again with a JSON object as its arguments.`;
          return { call, outcome: { kind: 'result', result: { content: [{ type: 'text', text }], isError: true } } };
        }
        return { call, outcome: await runToolCall(call, { ...options, ...handleOptions }) };
      }),
    );

  return {
    chat: described.map(({ name, description, schema }) => ({
      type: 'function',
      function: {
        name,
        ...(description === undefined ? {} : { description }),
        parameters: schema.parameters,
        ...(schema.strict ? { strict: true } : {}),
      },
    })),
    responses: described.map(({ name, description, schema }) => ({
      type: 'function',
      name,
      ...(description === undefined ? {} : { description }),
      parameters: schema.parameters,
      strict: schema.strict,
    })),
    byName,
    skipped,
    failures,
    collisions,
    handleChat: async (message, handleOptions = {}) => {
      const calls = (message.tool_calls ?? []).flatMap((call) =>
        call.type === 'function' ? [{ id: call.id, name: call.function.name, arguments: call.function.arguments }] : [],
      );
      return toChatToolMessages(await answer(calls, handleOptions), {
        describeFailure: options.describeFailure,
        media: options.chatMedia,
        audio: options.chatAudio,
      });
    },
    handleResponses: async (output, handleOptions = {}) => {
      const calls = output.flatMap((item) =>
        item.type === 'function_call' ? [{ id: item.call_id, name: item.name, arguments: item.arguments }] : [],
      );
      return toResponsesOutputs(await answer(calls, handleOptions), { describeFailure: options.describeFailure });
    },
  };
}
