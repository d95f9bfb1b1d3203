import { createInterface, type Interface } from 'node:readline';
import type { InputStream } from '../context.js';
import type { OutputStream } from '../output/style.js';

/** What the user did at the prompt: typed a line, pressed Ctrl-C on an empty line, or ended the input (Ctrl-D, end of a pipe). */
export type PromptInput = { kind: 'line'; text: string } | { kind: 'interrupt' } | { kind: 'end' };

/** Reads the chat's questions. */
export interface LineReader {
  /** Shows `prompt` and waits for what the user does; ends (`end`) when `signal` aborts (SIGTERM, SIGINT). */
  next(prompt: string, signal: AbortSignal): Promise<PromptInput>;
  close(): void;
}

/**
 * The questions at a terminal: a line editor for each question, with the history of the earlier
 * ones (up arrow), closed while the model answers so that forms and approvals can read the keys.
 * The prompt and the typed text go to `output`, stderr (as the approvals' questions do), so that
 * `mcpx chat > answers.txt` keeps only the answers and the user still sees what they type.
 */
export function terminalLineReader(stdin: InputStream, output: OutputStream): LineReader {
  let history: string[] = [];
  return {
    next: (prompt, signal) =>
      new Promise((resolve) => {
        const lines = createInterface({ input: stdin, output: output as NodeJS.WritableStream, terminal: true, history, historySize: 200 });
        let settled = false;
        const done = (input: PromptInput): void => {
          // Once: closing emits 'close' again. (Listeners are not removed: readline's own 'close' listener lets go of stdin.)
          if (settled) return;
          settled = true;
          signal.removeEventListener('abort', onAbort);
          history = (lines as Interface & { history?: string[] }).history ?? history;
          lines.close();
          stdin.pause();
          resolve(input);
        };
        lines.on('line', (text) => done({ kind: 'line', text }));
        lines.on('SIGINT', () => {
          // As node's REPL: Ctrl-C on a half-typed line clears it, and is no interrupt.
          if (lines.line !== '') {
            lines.write(null, { ctrl: true, name: 'e' });
            lines.write(null, { ctrl: true, name: 'u' });
            return;
          }
          output.write('^C\n');
          done({ kind: 'interrupt' });
        });
        lines.on('close', () => done({ kind: 'end' }));
        const onAbort = (): void => {
          output.write('\n');
          done({ kind: 'end' });
        };
        if (signal.aborted) return done({ kind: 'end' });
        signal.addEventListener('abort', onAbort, { once: true });
        lines.setPrompt(prompt);
        lines.prompt();
      }),
    close: () => undefined,
  };
}

/** The questions from a pipe or file: one a line, until its end. */
export function pipedLineReader(stdin: InputStream): LineReader {
  const lines = createInterface({ input: stdin, terminal: false });
  const iterator = lines[Symbol.asyncIterator]();
  return {
    next: async (_prompt, signal) => {
      if (signal.aborted) return { kind: 'end' };
      const onAbort = (): void => lines.close();
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        const next = await iterator.next();
        return next.done === true ? { kind: 'end' } : { kind: 'line', text: next.value };
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },
    close: () => lines.close(),
  };
}
