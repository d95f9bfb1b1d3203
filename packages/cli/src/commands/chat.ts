import { stringFlag } from '../args/parse.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors/cli-error.js';

/** `mcpx chat [-p <question>]`: the model and the chat load only now, so that other commands start as fast. */
export async function run(context: Context): Promise<number> {
  const question = stringFlag(context.args, 'print');
  if (question !== undefined) {
    if (question.trim() === '') throw new UsageError('-p needs a question: mcpx chat -p "What is 2 + 2?"');
    return (await import('../chat/one-shot.js')).runOneShot(context, question);
  }
  if (context.json) throw new UsageError('--json prints the transcript of one question: give it with -p "<question>"');
  return (await import('../chat/repl.js')).runRepl(context);
}
