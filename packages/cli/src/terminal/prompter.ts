import { createInterface } from 'node:readline';
import type { InputStream } from '../context.js';
import type { OutputStream } from '../output/style.js';

/** Asks questions one line at a time. */
export interface Prompter {
  /** Prints `text` (a line of context between questions). */
  say(text: string): void;
  /** The line typed after `question`, or undefined when input ended (Ctrl-D). */
  ask(question: string): Promise<string | undefined>;
  close(): void;
}

/**
 * Questions on a terminal: readline over stdin, prompts on stderr so that stdout stays clean.
 * Ctrl-C while a question is open calls `onInterrupt` (readline gets the key in raw mode, so
 * no signal is sent). Lines typed ahead, or pasted, before their question is asked are kept
 * and answer the next questions in order, instead of being lost.
 */
export function terminalPrompter(stdin: InputStream, stderr: OutputStream, onInterrupt: () => void): Prompter {
  const lines = createInterface({ input: stdin, output: stderr as NodeJS.WritableStream, terminal: true, historySize: 0 });
  const typedAhead: string[] = [];
  let pending: ((answer: string | undefined) => void) | undefined;
  const settle = (answer: string | undefined): void => {
    const resolve = pending;
    pending = undefined;
    resolve?.(answer);
  };
  lines.on('line', (line) => {
    if (pending) settle(line);
    else typedAhead.push(line);
  });
  lines.on('close', () => settle(undefined));
  lines.on('SIGINT', () => {
    settle(undefined);
    onInterrupt();
  });
  return {
    say: (text) => void stderr.write(`${text}\n`),
    ask: (question) => {
      const early = typedAhead.shift();
      if (early !== undefined) {
        stderr.write(`${question}${early}\n`);
        return Promise.resolve(early);
      }
      return new Promise((resolve) => {
        pending = resolve;
        lines.setPrompt(question);
        lines.prompt();
      });
    },
    close: () => {
      lines.close();
      stdin.pause();
    },
  };
}
