import { CancelledError } from '@mcpx/core';
import type { Context } from '../context.js';
import { classify } from '../errors/report-error.js';
import { EXIT } from '../exit-codes.js';
import { ChatView } from './chat-view.js';
import { pipedLineReader, terminalLineReader, type LineReader } from './line-reader.js';
import { openChat, type OpenChat } from './open-chat.js';
import { runSlashCommand } from './slash-commands.js';
import { TurnControl, turnContext } from './turn-control.js';
import { TurnKeys } from './turn-keys.js';

/**
 * The interactive chat: questions at the prompt, each answered by the model over the fleet's
 * tools. Ctrl-C cancels the running answer and its tool calls and returns to the prompt; Ctrl-C
 * at the prompt right after another (with no question between) leaves with 130; `/exit` or
 * Ctrl-D leaves with 0.
 */
export async function runRepl(base: Context): Promise<number> {
  const turns = new TurnControl();
  /** A Ctrl-C was pressed, and no question was asked since: the next one leaves. */
  let armed = false;
  let leaving = false;
  const onInterrupt = (): void => {
    if (armed) leaving = true;
    armed = true;
    turns.cancel();
  };
  const keys = new TurnKeys(base.io.stdin, onInterrupt);
  const context = turnContext(base, turns);
  const chat = await openChat(context, keys);
  const terminal = base.io.stdin.isTTY === true;
  /** Without a terminal: the exit code of the last question that failed, what a script gets at the end. */
  let failed: number = EXIT.ok;
  const reader: LineReader = terminal ? terminalLineReader(base.io.stdin, base.io.stderr) : pipedLineReader(base.io.stdin);
  try {
    greet(chat, context);
    for (;;) {
      if (leaving || base.signal.aborted) return EXIT.interrupted;
      const input = await reader.next(context.err.cyan('› '), base.signal);
      if (base.signal.aborted) return EXIT.interrupted;
      if (input.kind === 'end') return terminal ? EXIT.ok : failed;
      if (input.kind === 'interrupt') {
        if (armed) return EXIT.interrupted;
        armed = true;
        context.note(context.err.dim('(Ctrl-C again, /exit or Ctrl-D to leave)'));
        continue;
      }
      armed = false;
      const line = input.text.trim();
      if (line === '') continue;
      if (line.startsWith('/')) {
        if ((await command(line, chat, context, turns, keys)) === 'exit') return terminal ? EXIT.ok : failed;
        continue;
      }
      const code = await answer(line, chat, context, turns, keys);
      if (code !== EXIT.ok) failed = code;
    }
  } finally {
    keys.stop();
    reader.close();
    await chat.fleet.close();
  }
}

function greet(chat: OpenChat, context: Context): void {
  const { settings, session, fleet } = chat;
  const servers = new Set(session.tools.map(({ tool }) => tool.server)).size;
  context.note(
    `${context.err.bold('mcpx chat')} ${context.err.dim(`${settings.provider.name} ${settings.model.model}`)} — ${session.tools.length} tools from ${servers} of ${fleet.servers.length} servers. /help for commands, Ctrl-C cancels an answer.`,
  );
}

/**
 * A `/command`, run as a turn: Ctrl-C (read in raw mode) cancels it and returns to the prompt,
 * rather than reaching mcpx as SIGINT, which would cancel everything for good.
 */
async function command(line: string, chat: OpenChat, context: Context, turns: TurnControl, keys: TurnKeys): Promise<'exit' | undefined> {
  const signal = turns.begin(context.io.signal);
  keys.start();
  try {
    return await runSlashCommand(line, chat, context);
  } catch (error) {
    if (!signal.aborted && !CancelledError.isInstance(error)) throw error;
    context.note(context.err.yellow('cancelled'));
    return undefined;
  } finally {
    keys.stop();
    turns.end();
  }
}

/**
 * One question: the answer streamed, its tool calls shown; a failure or Ctrl-C is said and the chat
 * goes on. Resolves with the exit code `-p` would give (0 when cancelled).
 */
async function answer(question: string, chat: OpenChat, context: Context, turns: TurnControl, keys: TurnKeys): Promise<number> {
  const view = new ChatView(context);
  const signal = turns.begin(context.io.signal);
  keys.start();
  try {
    const result = await chat.session.ask(question, { signal, onEvent: (event) => view.show(event) });
    view.endLine();
    if (result.stop === 'max_steps') {
      context.note(`${context.err.yellow('mcpx:')} stopped after ${result.steps} model turns (--max-steps); ask again to go on`);
      return EXIT.maxSteps;
    }
    if (result.stop === 'refusal') {
      context.note(`${context.err.yellow('mcpx:')} the model refused to answer`);
      return EXIT.refused;
    }
    if (result.stop === 'max_tokens') context.note(`${context.err.yellow('mcpx:')} the answer was cut at the token limit`);
    return EXIT.ok;
  } catch (error) {
    view.endLine();
    if (signal.aborted || CancelledError.isInstance(error)) {
      context.note(context.err.yellow('cancelled'));
      return EXIT.ok;
    }
    const report = await classify(error, false);
    context.note(`${context.err.red('mcpx:')} ${report.message}`);
    return report.exitCode;
  } finally {
    keys.stop();
    turns.end();
    chat.fleet.status.clear();
  }
}
