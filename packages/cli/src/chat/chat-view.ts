import { describeToolFailure } from '@mcpx/ai';
import { CancelledError } from '@mcpx/core';
import type { Context } from '../context.js';
import { printable } from '../output/printable.js';
import { formatMs } from '../values/duration.js';
import type { ChatEvent } from './provider.js';

/** `text` on one line, without control characters (see `printable`), cut to `width` characters with `…` where it was cut. */
export function shorten(text: string, width: number): string {
  const line = printable(text.replace(/\s+/g, ' '));
  return line.length <= width ? line : `${line.slice(0, width - 1)}…`;
}

/**
 * Shows a question's events as they come: the answer's text streamed on stdout, each tool call on
 * stderr with its server, its arguments (shortened) and, once it ends, its duration and outcome.
 */
export class ChatView {
  /** Whether the last thing written to stdout ended a line. */
  private atLineStart = true;

  constructor(private readonly context: Context) {}

  /** Shows one event. */
  show(event: ChatEvent): void {
    const { err } = this.context;
    if (event.type === 'text') {
      this.context.print(event.text);
      if (event.text !== '') this.atLineStart = event.text.endsWith('\n');
      return;
    }
    this.endLine();
    // Names from the model or a server, and a server's error text, are shown printable only.
    const id = printable(
      event.call.tool === undefined ? event.call.modelName : `${event.call.tool.server}/${event.call.tool.originalName}`,
    );
    switch (event.type) {
      case 'tool-start':
        this.context.note(`  ${err.cyan('→')} ${err.bold(id)} ${err.dim(shorten(JSON.stringify(event.call.input), 100))}`);
        return;
      case 'tool-end': {
        const time = err.dim(formatMs(event.durationMs));
        const { outcome } = event;
        if (outcome.kind === 'result' && outcome.result.isError !== true) this.context.note(`  ${err.green('✓')} ${id}  ${time}`);
        else if (outcome.kind === 'result') this.context.note(`  ${err.red('✗')} ${id} reported an error  ${time}`);
        else if (outcome.kind === 'failed' && CancelledError.isInstance(outcome.error))
          this.context.note(`  ${err.yellow('⊘')} ${id} cancelled  ${time}`);
        else if (outcome.kind === 'failed')
          this.context.note(`  ${err.red('✗')} ${id} failed: ${printable(describeToolFailure(outcome.error))}  ${time}`);
        return;
      }
      case 'tool-declined':
        this.context.note(`  ${err.yellow('⊘')} ${id} declined; the model is told`);
        return;
      case 'tool-failed':
        this.context.note(
          `  ${err.red('✗')} ${id} ${outcomeLine(event.outcome.kind === 'unknown-tool' ? undefined : event.outcome.error)}`,
        );
        return;
    }
  }

  /** Ends the answer's line on stdout, if it is not ended. */
  endLine(): void {
    if (this.atLineStart) return;
    this.context.print('\n');
    this.atLineStart = true;
  }
}

function outcomeLine(error: Error | undefined): string {
  return error === undefined ? 'is no tool of the fleet (the model made the name up)' : `not run: ${printable(describeToolFailure(error))}`;
}
