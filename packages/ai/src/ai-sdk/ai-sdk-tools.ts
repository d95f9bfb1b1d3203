import type { OptionKeys } from '@mcpx/core/internal';
import { checkOptions } from '@mcpx/core/internal';
import { dynamicTool, jsonSchema, type JSONSchema7, type ToolApprovalStatus, type ToolSet } from 'ai';
import { policyAsks, type ApprovalOptions, type ToolCallRequest } from '../approval.js';
import { UnsupportedSchemaError } from '../errors/unsupported-schema-error.js';
import { assignModelNames } from '../model-names.js';
import { AI_SDK_NAME_RULES, type ProviderNameRules } from '../provider-rules.js';
import { selectTools, type ToolSelection } from '../selection.js';
import { TOOLS_OPTION_KEYS } from '../option-keys.js';
import { outcomeText, runToolCall, type DescribeFailure, type ToolCallEvent } from '../tool-call.js';
import { listSourceTools, type SourceOptions, type SourceTool, type ToolSource } from '../tool-source.js';
import { toAiSdkInputSchema } from './input-schema.js';
import { toAiSdkModelOutput, toAiSdkToolOutput, type AiSdkToolOutput } from './tool-output.js';

/** Options of `aiSdkTools`. */
export interface AiSdkToolsOptions extends SourceOptions, ApprovalOptions {
  /** Which tools the model sees. @default every tool */
  select?: ToolSelection | undefined;
  /**
   * A tool whose input schema the providers would refuse: `'skip'` leaves it out and lists it in
   * `skipped`; `'throw'` throws its `UnsupportedSchemaError`. @default 'skip'
   */
  onUnsupportedSchema?: 'skip' | 'throw' | undefined;
  /** The naming rules; a single provider's (`ANTHROPIC_NAME_RULES`) allows longer names. @default AI_SDK_NAME_RULES */
  nameRules?: ProviderNameRules | undefined;
  /**
   * What the model is told of a call that failed (server down, timeout, ...); the model provider
   * sees the text, so the default holds no URL query, command line or path. @default describeToolFailure
   */
  describeFailure?: DescribeFailure | undefined;
  /**
   * Told of each call's events (see `ToolCallEvent`): its server, tool and duration. A call the
   * AI SDK's own approval (`toolApproval`) denies never reaches the adapter, so it has no event.
   * When it throws, the call goes on and a process warning (type `McpxWarning`, code
   * `MCPX_AI_ON_EVENT`) says so: a thrown message would otherwise reach the model. @default undefined
   */
  onEvent?: ((event: ToolCallEvent) => void) | undefined;
}

/** A source's tools for the AI SDK. */
export interface AiSdkToolSet {
  /** The tools to pass as `tools` to `generateText`, `streamText` or an `Agent`: dynamic tools that run their MCP tool. */
  readonly tools: ToolSet;
  /**
   * The approval policy (`ask`, the tools' `readOnlyHint` and the registry config's
   * `autoApprove`) as the AI SDK's own approval: pass it as `toolApproval` to `generateText` or
   * `streamText`, which then stops at each tool call the policy names with a
   * `tool-approval-request` for the user (`'user-approval'`), and runs the call once the next
   * request carries an approving `tool-approval-response` (the others are `'not-applicable'`).
   * Use it, or the `approve` callback (asked inside `execute`, without ending the generation), not
   * both: with both, a call is asked about twice. A call denied this way never reaches `execute`,
   * so `onEvent` gets no event for it. The approval comes back in the next request: where a
   * client (a web UI) sends it, set the AI SDK's `experimental_toolApprovalSecret` so that a forged
   * approval cannot run a tool that asks.
   */
  readonly toolApproval: Record<string, ToolApprovalStatus>;
  /** The model's name for each tool → the tool (its server and original name). */
  readonly byName: ReadonlyMap<string, SourceTool>;
  /** Tools left out because their schema cannot be sent, each with the reason. */
  readonly skipped: ReadonlyArray<{ tool: SourceTool; error: UnsupportedSchemaError }>;
  /** Servers of a registry that could not list their tools. */
  readonly failures: ReadonlyArray<{ server: string; error: Error }>;
  /** Qualified names several servers of a registry share (same `toolPrefix`): the model sees the first server's tool only. */
  readonly collisions: ReadonlyArray<{ name: string; servers: string[] }>;
}

/** The options `aiSdkTools` accepts; another key is refused with a `ConfigError` naming its likely spelling. */
const AI_SDK_TOOLS_OPTION_KEYS = { ...TOOLS_OPTION_KEYS, onEvent: true } as const satisfies OptionKeys<AiSdkToolsOptions>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `onEvent` made safe to call inside `execute`: what it throws would become the model's
 * `error-text`, so it is a process warning instead, and the call goes on.
 */
function guarded(onEvent: AiSdkToolsOptions['onEvent']): AiSdkToolsOptions['onEvent'] {
  if (onEvent === undefined) return undefined;
  return (event) => {
    try {
      onEvent(event);
    } catch (error) {
      const tool = event.call.tool === undefined ? event.call.modelName : `${event.call.tool.server}/${event.call.tool.originalName}`;
      process.emitWarning(
        `aiSdkTools: onEvent threw on the ${event.type} event of ${tool}, and the call went on: ${error instanceof Error ? error.message : String(error)}`,
        { type: 'McpxWarning', code: 'MCPX_AI_ON_EVENT' },
      );
    }
  };
}

/** One MCP tool as an AI SDK dynamic tool; `metadata` names its server and tool on the AI SDK's tool parts. */
function toAiSdkTool(name: string, tool: SourceTool, schema: JSONSchema7, options: AiSdkToolsOptions): ToolSet[string] {
  const description = tool.tool.description ?? tool.tool.title;
  return dynamicTool({
    ...(description === undefined ? {} : { description }),
    inputSchema: jsonSchema(schema),
    metadata: { server: tool.server, tool: tool.originalName },
    execute: async (input, { abortSignal, toolCallId }): Promise<AiSdkToolOutput> => {
      const call: ToolCallRequest = { id: toolCallId, modelName: name, tool, input: isRecord(input) ? input : {} };
      const outcome = await runToolCall(call, {
        approve: options.approve,
        ask: options.ask,
        signal: abortSignal,
        onEvent: guarded(options.onEvent),
      });
      // A cancelled generation ends with the AI SDK's abort, not with one more model turn. A
      // per-tool timeout (`timeout: { toolMs }`) aborts this signal only, and the generation goes
      // on with the thrown error's message as the model's `error-text`: the safe text, not the
      // error's own message, which may hold a URL or a command line.
      if (outcome.kind === 'failed' && abortSignal?.aborted === true)
        throw new Error(outcomeText(call, outcome, options.describeFailure), { cause: outcome.error });
      return toAiSdkToolOutput(call, outcome, options.describeFailure);
    },
    toModelOutput: ({ output }) => toAiSdkModelOutput(output as AiSdkToolOutput),
  });
}

/**
 * A client's or a registry's tools as a Vercel AI SDK tool set, for `generateText`,
 * `streamText` (with `stopWhen` for several steps) or an `Agent`. Each tool's `execute` calls the
 * MCP tool through the source (the registry's routing, health and breakers), with the AI SDK's
 * abort signal; parallel tool calls run at the same time. Results keep text, images, audio,
 * embedded resources, resource links and `structuredContent` (see `toAiSdkModelOutput`); an
 * `isError` result or a failed call is given to the model as an error, not thrown. Approval: the
 * `approve` callback inside `execute` (a declined call is `execution-denied`), or the AI SDK's own
 * through `toolApproval`.
 *
 * @example
 * ```ts
 * const { tools } = await aiSdkTools(registry, { select: { readOnly: true } });
 * const { text } = await generateText({ model, tools, stopWhen: stepCountIs(10), prompt });
 * ```
 */
export async function aiSdkTools(source: ToolSource, options: AiSdkToolsOptions = {}): Promise<AiSdkToolSet> {
  checkOptions(options, AI_SDK_TOOLS_OPTION_KEYS, { where: 'aiSdkTools(source, options)' });
  const { tools: listed, failures, collisions } = await listSourceTools(source, options);
  const skipped: Array<{ tool: SourceTool; error: UnsupportedSchemaError }> = [];
  const schemas = new Map<SourceTool, JSONSchema7>();
  for (const tool of selectTools(listed, options.select)) {
    try {
      schemas.set(tool, toAiSdkInputSchema(tool.tool.inputSchema, { server: tool.server, tool: tool.originalName }));
    } catch (error) {
      if (!UnsupportedSchemaError.isInstance(error) || options.onUnsupportedSchema === 'throw') throw error;
      skipped.push({ tool, error });
    }
  }
  const byName = assignModelNames([...schemas.keys()], options.nameRules ?? AI_SDK_NAME_RULES);
  const tools: ToolSet = {};
  const toolApproval: Record<string, ToolApprovalStatus> = {};
  for (const [name, tool] of byName) {
    tools[name] = toAiSdkTool(name, tool, schemas.get(tool)!, options);
    toolApproval[name] = policyAsks(tool, options.ask) ? 'user-approval' : 'not-applicable';
  }
  return { tools, toolApproval, byName, skipped, failures, collisions };
}
