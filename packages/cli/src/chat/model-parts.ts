import type { SourceTool, ToolCallEvent } from '@mcpx/ai';
import type { CreateMessageRequestParams, SamplingHandler } from '@mcpx/core';
import type { ChatEvent, ChatSession, ModelSettings, SamplingApproval } from './provider.js';

/** What the providers' sampling handlers take alike: the model, its token cap and the approval, asked with the server's name. */
export function samplingOptions(
  settings: ModelSettings,
  approve: SamplingApproval | undefined,
): {
  model: string;
  maxTokens?: number;
  approve?: (params: CreateMessageRequestParams, context: Parameters<SamplingHandler>[1]) => Promise<boolean>;
} {
  return {
    model: settings.model,
    ...(settings.maxTokens === undefined ? {} : { maxTokens: settings.maxTokens }),
    ...(approve === undefined ? {} : { approve: (params, context) => approve(params, context.server ?? 'a server', context.signal) }),
  };
}

/** A provider's tool set as a chat session lists it: the tools by the name the model calls them, and those left out. */
export function sessionTools(toolSet: {
  readonly byName: ReadonlyMap<string, SourceTool>;
  readonly skipped: ReadonlyArray<{ readonly tool: SourceTool; readonly error: Error }>;
}): Pick<ChatSession, 'tools' | 'skipped'> {
  return {
    tools: [...toolSet.byName].map(([modelName, tool]) => ({ modelName, tool })),
    skipped: toolSet.skipped.map(({ tool, error }) => ({ tool, reason: error.message })),
  };
}

/** A loop's `onEvent` for chat: streamed text and tool calls go on; the provider's whole messages do not. */
export function forwardEvents(
  onEvent: (event: ChatEvent) => void,
): (event: { type: 'text'; text: string } | { type: 'message' } | (ToolCallEvent & { step: number })) => void {
  return (event) => {
    if (event.type === 'text') onEvent({ type: 'text', text: event.text });
    else if (event.type !== 'message') onEvent(event);
  };
}
