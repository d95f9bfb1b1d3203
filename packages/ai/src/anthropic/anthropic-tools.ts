import type {
  ContentBlock,
  ContentBlockParam,
  Tool as AnthropicTool,
  ToolResultBlockParam,
  ToolUseBlock,
  ToolUseBlockParam,
} from '@anthropic-ai/sdk/resources/messages';
import { checkOptions } from '@mcpx/core/internal';
import type { ApprovalOptions } from '../approval.js';
import { UnsupportedSchemaError } from '../errors/unsupported-schema-error.js';
import { assignModelNames } from '../model-names.js';
import { ANTHROPIC_TOOLS_OPTION_KEYS } from './options.js';
import { ANTHROPIC_NAME_RULES, type ProviderNameRules } from '../provider-rules.js';
import { selectTools, type ToolSelection } from '../selection.js';
import { runToolCall, type DescribeFailure, type HandleOptions } from '../tool-call.js';
import { listSourceTools, type SourceOptions, type SourceTool, type ToolSource } from '../tool-source.js';
import { toAnthropicInputSchema } from './input-schema.js';
import { toAnthropicToolResult } from './tool-result.js';

/** Options of `anthropicTools`. */
export interface AnthropicToolsOptions extends SourceOptions, ApprovalOptions {
  /** Which tools the model sees. @default every tool */
  select?: ToolSelection | undefined;
  /**
   * A tool whose input schema the API would refuse: `'skip'` leaves it out and lists it in
   * `skipped` (one odd tool does not take the whole fleet away from the model); `'throw'` throws
   * its `UnsupportedSchemaError`. @default 'skip'
   */
  onUnsupportedSchema?: 'skip' | 'throw' | undefined;
  /** The naming rules. @default ANTHROPIC_NAME_RULES */
  nameRules?: ProviderNameRules | undefined;
  /**
   * What the model is told of a call that failed (server down, timeout, ...). The model provider
   * sees the text: an error's message can hold a URL with its API key or a command line, so the
   * default tells the error's name and code only, and a server's own error message with URLs
   * redacted. @default describeToolFailure
   */
  describeFailure?: DescribeFailure | undefined;
}

/** A source's tools for the Messages API, and the runner of the model's tool uses. */
export interface AnthropicToolSet {
  /** The tools to pass as `tools` to `messages.create` or `messages.stream`. */
  readonly tools: AnthropicTool[];
  /** The model's name for each tool → the tool (its server and original name). */
  readonly byName: ReadonlyMap<string, SourceTool>;
  /** Tools left out because their schema cannot be sent, each with the reason. */
  readonly skipped: ReadonlyArray<{ tool: SourceTool; error: UnsupportedSchemaError }>;
  /** Servers of a registry that could not list their tools. */
  readonly failures: ReadonlyArray<{ server: string; error: Error }>;
  /** Qualified names several servers of a registry share (same `toolPrefix`): the model sees the first server's tool only. */
  readonly collisions: ReadonlyArray<{ name: string; servers: string[] }>;
  /**
   * Runs the `tool_use` blocks of one assistant message, as received or as kept in a conversation
   * (other blocks are ignored), all at the
   * same time, and returns a `tool_result` for each, in order. A failed, declined or unknown call
   * becomes an `is_error` result that tells the model why: only an `onEvent` that throws rejects.
   */
  handle(blocks: ReadonlyArray<ContentBlock | ContentBlockParam>, options?: HandleOptions): Promise<ToolResultBlockParam[]>;
}

/**
 * A client's or a registry's tools as Anthropic Messages API tools.
 *
 * @example
 * ```ts
 * const toolSet = await anthropicTools(registry, { select: { readOnly: true } });
 * const message = await anthropic.messages.create({ model, max_tokens: 1024, messages, tools: toolSet.tools });
 * const results = await toolSet.handle(message.content);
 * ```
 */
export async function anthropicTools(source: ToolSource, options: AnthropicToolsOptions = {}): Promise<AnthropicToolSet> {
  checkOptions(options, ANTHROPIC_TOOLS_OPTION_KEYS, { where: 'anthropicTools(source, options)' });
  const { tools: listed, failures, collisions } = await listSourceTools(source, options);
  const skipped: Array<{ tool: SourceTool; error: UnsupportedSchemaError }> = [];
  const accepted: Array<{ tool: SourceTool; schema: AnthropicTool.InputSchema }> = [];
  for (const tool of selectTools(listed, options.select)) {
    try {
      accepted.push({ tool, schema: toAnthropicInputSchema(tool.tool.inputSchema, { server: tool.server, tool: tool.originalName }) });
    } catch (error) {
      if (!UnsupportedSchemaError.isInstance(error) || options.onUnsupportedSchema === 'throw') throw error;
      skipped.push({ tool, error });
    }
  }
  const schemas = new Map(accepted.map(({ tool, schema }) => [tool, schema]));
  const byName = assignModelNames(
    accepted.map(({ tool }) => tool),
    options.nameRules ?? ANTHROPIC_NAME_RULES,
  );
  const tools = [...byName].map(([name, tool]): AnthropicTool => {
    const description = tool.tool.description ?? tool.tool.title;
    return { name, ...(description === undefined ? {} : { description }), input_schema: schemas.get(tool)! };
  });
  return {
    tools,
    byName,
    skipped,
    failures,
    collisions,
    handle: (blocks, handleOptions = {}) =>
      Promise.all(
        blocks
          .filter((block): block is ToolUseBlock | ToolUseBlockParam => block.type === 'tool_use')
          .map(async (block) => {
            const tool = byName.get(block.name);
            const input = typeof block.input === 'object' && block.input !== null ? (block.input as Record<string, unknown>) : {};
            if (tool === undefined) {
              const unsent = { id: block.id, modelName: block.name, input };
              handleOptions.onEvent?.({ type: 'tool-failed', call: unsent, outcome: { kind: 'unknown-tool' } });
              return toAnthropicToolResult(unsent, { kind: 'unknown-tool' });
            }
            const call = { id: block.id, modelName: block.name, tool, input };
            return toAnthropicToolResult(call, await runToolCall(call, { ...options, ...handleOptions }), options.describeFailure);
          }),
      ),
  };
}
