import type { ApproveFn } from '@mcpx/ai';
import { booleanFlag } from '../args/parse.js';
import type { Context } from '../context.js';
import type { InteractionQueue } from '../fleet/interaction-queue.js';
import type { StatusLine } from '../terminal/status-line.js';
import { terminalPrompter } from '../terminal/prompter.js';
import { printable } from '../output/printable.js';
import { shorten } from './chat-view.js';
import type { SamplingApproval } from './provider.js';

/** What the approvals need of the run: where to ask, and the status line to clear while asking. */
export interface ApprovalPlace {
  readonly context: Context;
  readonly queue: InteractionQueue;
  status(): StatusLine | undefined;
}

/**
 * Asks before a tool call that is not read-only and not in its server's `autoApprove` list: on a
 * terminal `Allow …? [y/N]`; without one, declined with a note (the model is told). Undefined with
 * `--yes`: every call runs.
 */
export function toolApproval(place: ApprovalPlace): ApproveFn | undefined {
  const { context } = place;
  if (booleanFlag(context.args, 'yes')) return undefined;
  return async (call, { signal }) => {
    const id = printable(`${call.tool.server}/${call.tool.originalName}`);
    if (!context.interactive) {
      context.note(`  ${context.err.yellow('⊘')} ${id} declined: it is not read-only and there is no terminal to ask; pass --yes to allow`);
      return false;
    }
    return ask(place, `Allow ${context.err.bold(id)} ${shorten(JSON.stringify(call.input), 80)}? [y/N] `, signal);
  };
}

/**
 * Asks before the model answers a server's sampling request, as before a tool call: on a terminal
 * `… asks the model: "…". Allow? [y/N]`; without one, refused with a note; undefined with `--yes`.
 */
export function samplingApproval(place: ApprovalPlace): SamplingApproval | undefined {
  const { context } = place;
  if (booleanFlag(context.args, 'yes')) return undefined;
  return async (params, server, signal) => {
    if (!context.interactive) {
      context.note(
        `  ${context.err.yellow('⊘')} ${server} asked the model for a completion (sampling); refused: there is no terminal to ask, pass --yes to allow`,
      );
      return false;
    }
    const last = params.messages.at(-1)?.content;
    const text = (Array.isArray(last) ? last : last === undefined ? [] : [last])
      .map((block) => (block.type === 'text' ? block.text : `[${block.type}]`))
      .join(' ');
    return ask(place, `${context.err.bold(server)} asks the model (sampling): "${shorten(text, 80)}". Allow? [y/N] `, signal);
  };
}

/**
 * Asks `question` at the terminal, once the questions before it are answered. The question goes
 * away (declined) when `signal` aborts (the call or request it is about was cancelled) or the
 * context's does (the turn was cancelled or ended), so that no reader is left on stdin.
 */
async function ask(place: ApprovalPlace, question: string, signal: AbortSignal | undefined): Promise<boolean> {
  const { context } = place;
  // The context's signal is the running turn's when the question is asked: read it now.
  const gone = signal === undefined ? context.signal : AbortSignal.any([signal, context.signal]);
  return place.queue.run(async () => {
    const work = async (): Promise<boolean> => {
      if (gone.aborted) return false;
      const prompter = terminalPrompter(context.io.stdin, context.io.stderr, () => context.interrupt());
      const dismiss = (): void => {
        context.io.stderr.write('\n');
        prompter.close();
      };
      gone.addEventListener('abort', dismiss, { once: true });
      try {
        const answer = await prompter.ask(`  ${question}`);
        return !gone.aborted && answer !== undefined && /^(y|yes)$/i.test(answer.trim());
      } finally {
        gone.removeEventListener('abort', dismiss);
        prompter.close();
      }
    };
    const status = place.status();
    return status === undefined ? work() : status.hold(work);
  });
}
