import type { ApprovalOptions, RegistryToolSource, SourceTool, ToolCallEvent } from '@mcpx/ai';
import type { CreateMessageRequestParams, SamplingHandler } from '@mcpx/core';
import type { ChatProviderName } from '@mcpx/factory';

/** How one question ended: the model's answer, or the reason it gave none. */
export type ChatStop = 'end' | 'max_steps' | 'refusal' | 'max_tokens';

/** What a question to the model reports while it runs: streamed text, and each tool call's events. */
export type ChatEvent = { type: 'text'; text: string } | (ToolCallEvent & { step: number });

/** The model's answer to one question. */
export interface ChatAnswer {
  /** The text of the last model message. */
  readonly text: string;
  /** Why the model stopped. */
  readonly stop: ChatStop;
  /** The provider's own stop reason (`end_turn`, `refusal`, ...). */
  readonly stopReason: string;
  /** The model turns run. */
  readonly steps: number;
}

/** The settings of a model, from the flags, the config's `chat` table and the environment. */
export interface ModelSettings {
  readonly model: string;
  readonly apiKey: string;
  /** The API's base URL, when not the provider's. */
  readonly baseURL: string | undefined;
  readonly maxSteps: number;
  readonly maxTokens: number | undefined;
  readonly system: string | undefined;
}

/** A conversation with the model over the fleet's tools; each question continues it. */
export interface ChatSession {
  /** The tools the model sees, by the name it calls them. */
  readonly tools: ReadonlyArray<{ readonly modelName: string; readonly tool: SourceTool }>;
  /** Tools left out because the provider cannot take their input schema. */
  readonly skipped: ReadonlyArray<{ readonly tool: SourceTool; readonly reason: string }>;
  /** Asks a question; a cancelled one (`signal`) leaves the conversation as it was before it. */
  ask(question: string, options: { signal: AbortSignal; onEvent: (event: ChatEvent) => void }): Promise<ChatAnswer>;
  /** The conversation so far, in the provider's message format. */
  messages(): readonly unknown[];
}

/** Asks whether the model may answer `server`'s sampling request; `signal` aborts when the request is cancelled. */
export type SamplingApproval = (params: CreateMessageRequestParams, server: string, signal?: AbortSignal) => Promise<boolean>;

/** A provider's model, reachable with the settings given. */
export interface ChatModel {
  /**
   * Answers servers' sampling requests with this model, after `approve`, which is given the
   * request's signal (aborted when the server cancels it) so that its question goes away with it.
   */
  samplingHandler(approve: SamplingApproval | undefined): SamplingHandler;
  /** Starts a conversation over the tools of `source`, asking `approval` as its options say. */
  open(source: RegistryToolSource, approval: ApprovalOptions): Promise<ChatSession>;
}

/** What `mcpx chat` knows of a provider before loading its SDK. */
export interface ChatProvider {
  readonly name: ChatProviderName;
  /** The variable holding the API key. */
  readonly apiKeyVariable: string;
  /** The variable holding the API's base URL, as the provider's SDK reads it. */
  readonly baseUrlVariable: string;
  /** The model asked when none is given. */
  readonly defaultModel: string;
  /** Loads the provider's SDK and the `@mcpx/ai` adapter (only when `mcpx chat` runs). */
  connect(settings: ModelSettings): Promise<ChatModel>;
}
