import type { CallToolResult } from '@mcpx/core';
import { cancelledBy, raceAbort } from './abort.js';
import { needsApproval, type ApprovalOptions, type ToolCallRequest } from './approval.js';
import { describeToolFailure } from './failure-text.js';

/** How one tool call ended: a result (which may be an `isError` one), a failure, a refusal by the user, or a name the model made up. */
export type ToolCallOutcome =
  { kind: 'result'; result: CallToolResult } | { kind: 'failed'; error: Error } | { kind: 'declined' } | { kind: 'unknown-tool' };

/** A tool call that never reached its tool: `tool` is undefined when the model made up the name. */
export type UnsentToolCall = Omit<ToolCallRequest, 'tool'> & { tool?: ToolCallRequest['tool'] | undefined };

/**
 * What the adapters report about tool calls while they run, one of these for each call the model
 * asks for: `tool-start` once the call is approved (or needs no approval) and sent, then
 * `tool-end` with the time from start to outcome; or, for a call never sent, `tool-declined` when
 * the user declines, or `tool-failed` when the tool is unknown or `approve` threw or was cancelled.
 * With the AI SDK, a call its own approval (`toolApproval`) denies never reaches the adapter and
 * has no event.
 */
export type ToolCallEvent =
  | { type: 'tool-start'; call: ToolCallRequest }
  | { type: 'tool-end'; call: ToolCallRequest; outcome: ToolCallOutcome; durationMs: number }
  | { type: 'tool-declined'; call: ToolCallRequest }
  | { type: 'tool-failed'; call: UnsentToolCall; outcome: Extract<ToolCallOutcome, { kind: 'failed' | 'unknown-tool' }> };

/** Options of one run of a model's tool calls: `handle` (Anthropic), `handleChat` and `handleResponses` (OpenAI). */
export interface HandleOptions {
  /** Cancels the approvals asked and the tool calls still running. @default undefined */
  signal?: AbortSignal | undefined;
  /** Told of each call's events (see `ToolCallEvent`). @default undefined */
  onEvent?: ((event: ToolCallEvent) => void) | undefined;
}

/** Options of `runToolCall`. */
export interface RunToolCallOptions extends ApprovalOptions {
  /** Cancels the approval asked or the call sent. @default undefined */
  signal?: AbortSignal | undefined;
  /** Told of the call's events. @default undefined */
  onEvent?: ((event: ToolCallEvent) => void) | undefined;
}

/** Asks for approval where needed, then calls the tool. A failure (an approval or a call that throws) becomes an outcome the model is told about. */
export async function runToolCall(call: ToolCallRequest, options: RunToolCallOptions): Promise<ToolCallOutcome> {
  const approved = await approval(call, options);
  if (approved !== true) {
    if (approved.kind === 'declined') options.onEvent?.({ type: 'tool-declined', call });
    else options.onEvent?.({ type: 'tool-failed', call, outcome: approved });
    return approved;
  }
  options.onEvent?.({ type: 'tool-start', call });
  const sent = performance.now();
  const outcome = await attempt(call, options);
  options.onEvent?.({ type: 'tool-end', call, outcome, durationMs: performance.now() - sent });
  return outcome;
}

/** True to go on, else the outcome: declined, or failed when `approve` threw or `signal` aborted while it was asked. */
async function approval(
  call: ToolCallRequest,
  options: RunToolCallOptions,
): Promise<true | { kind: 'declined' } | { kind: 'failed'; error: Error }> {
  if (!needsApproval(call.tool, options)) return true;
  const { signal } = options;
  try {
    if (signal?.aborted === true) throw cancelledBy(signal, 'tool approval');
    return (await raceAbort(Promise.resolve(options.approve!(call, { signal })), signal, 'tool approval')) ? true : { kind: 'declined' };
  } catch (error) {
    return { kind: 'failed', error: error instanceof Error ? error : new Error(String(error)) };
  }
}

async function attempt(call: ToolCallRequest, options: RunToolCallOptions): Promise<ToolCallOutcome> {
  try {
    return { kind: 'result', result: await call.tool.call(call.input, { signal: options.signal }) };
  } catch (error) {
    return { kind: 'failed', error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/** Says what the model is told about a failed call; the model provider sees it, so it must hold no secret. */
export type DescribeFailure = (error: Error, call: ToolCallRequest) => string;

/** The text the model is told for an outcome that has no result of its own. */
export function outcomeText(
  call: Omit<ToolCallRequest, 'tool'> & { tool?: ToolCallRequest['tool'] | undefined },
  outcome: ToolCallOutcome,
  describeFailure?: DescribeFailure,
): string {
  const where = call.tool === undefined ? '' : ` (tool "${call.tool.originalName}" on server "${call.tool.server}")`;
  switch (outcome.kind) {
    case 'declined':
      return `The user declined to run ${call.modelName}${where}. Do not call it again unless the user asks to.`;
    case 'unknown-tool':
      return `There is no tool named "${call.modelName}"; call one of the tools listed in this request.`;
    case 'failed':
      return `Calling ${call.modelName}${where} failed: ${describe(call, outcome.error, describeFailure)}`;
    case 'result':
      return '';
  }
}

function describe(
  call: Omit<ToolCallRequest, 'tool'> & { tool?: ToolCallRequest['tool'] | undefined },
  error: Error,
  describeFailure: DescribeFailure | undefined,
): string {
  const { tool } = call;
  return describeFailure === undefined || tool === undefined ? describeToolFailure(error) : describeFailure(error, { ...call, tool });
}
