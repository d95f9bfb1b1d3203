import { printJson, type Context } from '../context.js';
import { CliError } from '../errors/cli-error.js';
import { EXIT } from '../exit-codes.js';
import { ChatView } from './chat-view.js';
import { openChat } from './open-chat.js';
import { Transcript } from './transcript.js';

/**
 * `mcpx chat -p <question>`: asks once, prints the answer (or, with `--json`, the transcript) and
 * resolves with 0, 6 when the step limit cut the model off, or 7 when it refused; a failed model
 * request rejects (exit 1). An answer cut at the token limit is still 0, with a note on stderr.
 */
export async function runOneShot(context: Context, question: string): Promise<number> {
  const chat = await openChat(context);
  try {
    const view = new ChatView(context);
    const transcript = new Transcript();
    const result = await chat.session.ask(question, {
      signal: context.signal,
      onEvent: (event) => {
        transcript.record(event);
        if (!context.json) view.show(event);
      },
    });
    const exitCode = result.stop === 'max_steps' ? EXIT.maxSteps : result.stop === 'refusal' ? EXIT.refused : EXIT.ok;
    if (context.json) {
      printJson(context, {
        provider: chat.settings.provider.name,
        model: chat.settings.model.model,
        answer: result.text,
        stopReason: result.stopReason,
        steps: result.steps,
        exitCode,
        messages: chat.session.messages(),
        toolCalls: transcript.toolCalls,
      });
    } else view.endLine();
    if (result.stop === 'max_tokens')
      context.note(`${context.err.yellow('mcpx:')} the answer was cut at the token limit (the config's chat.maxTokens raises it)`);
    if (exitCode === EXIT.maxSteps)
      throw new CliError(`the model still wanted tools after ${result.steps} turns; raise --max-steps`, exitCode);
    if (exitCode === EXIT.refused) throw new CliError('the model refused to answer', exitCode);
    return exitCode;
  } finally {
    await chat.fleet.close();
  }
}
