import type { ChatEvent } from './provider.js';

/** One tool call of a transcript: where it ran, with what, how long it took and how it ended. */
export interface TranscriptToolCall {
  readonly step: number;
  readonly id: string;
  /** The server, or undefined for a name the model made up. */
  readonly server: string | undefined;
  /** The tool's name on its server (or the name the model used, for an unknown tool). */
  readonly tool: string;
  readonly arguments: Record<string, unknown>;
  /** Milliseconds from sending the call to its outcome; undefined for a call never sent. */
  readonly durationMs: number | undefined;
  readonly outcome: 'result' | 'error' | 'failed' | 'declined' | 'unknown-tool';
  /** What failed, for a `failed` call. */
  readonly error?: string | undefined;
}

/** Collects the tool calls of a run from the chat's events, for `--json`. */
export class Transcript {
  readonly toolCalls: TranscriptToolCall[] = [];

  /** Records the call an event ends. */
  record(event: ChatEvent): void {
    if (event.type === 'text' || event.type === 'tool-start') return;
    const { call } = event;
    const base = {
      step: event.step,
      id: call.id,
      server: call.tool?.server,
      tool: call.tool?.originalName ?? call.modelName,
      arguments: call.input,
    };
    if (event.type === 'tool-declined') this.toolCalls.push({ ...base, durationMs: undefined, outcome: 'declined' });
    else if (event.type === 'tool-failed')
      this.toolCalls.push({
        ...base,
        durationMs: undefined,
        outcome: event.outcome.kind,
        ...(event.outcome.kind === 'failed' ? { error: event.outcome.error.message } : {}),
      });
    else {
      const { outcome } = event;
      const kind = outcome.kind === 'result' ? (outcome.result.isError === true ? 'error' : 'result') : outcome.kind;
      this.toolCalls.push({
        ...base,
        durationMs: Math.round(event.durationMs * 10) / 10,
        outcome: kind === 'unknown-tool' ? 'failed' : kind,
        ...(outcome.kind === 'failed' ? { error: outcome.error.message } : {}),
      });
    }
  }
}
