import type { ElicitResult, McpClientOptions, SamplingHandler } from '@mcpx/core';
import type { ElicitRequestFormParams } from '@mcpx/core/schemas';
import { stringFlag } from '../args/parse.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors/cli-error.js';
import { askForm } from '../terminal/elicitation-form.js';
import { answerUrlElicitation } from '../terminal/url-elicitation.js';
import { terminalPrompter } from '../terminal/prompter.js';
import type { StatusLine } from '../terminal/status-line.js';
import { parseDuration } from '../values/duration.js';
import { runSamplingCommand } from './sampling-command.js';
import type { InteractionQueue } from './interaction-queue.js';
import type { SamplingRefusals } from './sampling-refusals.js';

/** How the CLI answers what servers ask of it. */
export interface InteractionSettings {
  /** `--answers`: the values of any elicitation form. */
  readonly answers: Record<string, unknown> | undefined;
  /** `--sampling-command` or `MCPX_SAMPLING_COMMAND`. */
  readonly samplingCommand: string | undefined;
  /** Whether to declare sampling at all (`--no-sampling` turns it off). */
  readonly offerSampling: boolean;
  /** `--url-wait`: without a terminal, how long to wait for a required URL's completion. @default DEFAULT_URL_WAIT_MS */
  readonly urlWaitMs: number;
}

/** How long, without a terminal, mcpx waits for a server to report that a URL it required (-32042) was completed: 5 minutes. */
export const DEFAULT_URL_WAIT_MS = 5 * 60_000;

/** The settings from the flags and the environment. */
export function interactionSettings(context: Context): InteractionSettings {
  const answersText = stringFlag(context.args, 'answers');
  let answers: Record<string, unknown> | undefined;
  if (answersText !== undefined) {
    try {
      answers = JSON.parse(answersText) as Record<string, unknown>;
    } catch (error) {
      throw new UsageError(`--answers must be a JSON object: ${(error as Error).message}`);
    }
    if (typeof answers !== 'object' || answers === null || Array.isArray(answers))
      throw new UsageError('--answers must be a JSON object, such as \'{"name":"Ada"}\'');
  }
  const samplingCommand = stringFlag(context.args, 'sampling-command') ?? (context.io.env.MCPX_SAMPLING_COMMAND || undefined);
  const urlWait = stringFlag(context.args, 'url-wait');
  return {
    answers,
    samplingCommand,
    offerSampling: context.args.flags.get('sampling') !== false,
    urlWaitMs: urlWait === undefined ? DEFAULT_URL_WAIT_MS : parseDuration(urlWait, 'url-wait'),
  };
}

/**
 * The client handlers of a CLI run. Elicitation: the `--answers` given, else a form on the
 * terminal, else declined with a note; a URL is shown, opened in the browser after asking at a
 * terminal, printed otherwise (see `answerUrlElicitation`). Sampling: the sampling command
 * (tools included: `samplingTools` is declared), else refused with a message saying how to
 * configure one (see `SamplingRefusals`), unless `sampling` is given: then it answers (`mcpx
 * chat`'s model). After Ctrl-C, a form is dismissed and sampling refused at once. `server()`
 * names the server being talked to; `queue` asks the questions one at a time.
 */
export function interactionHandlers(
  context: Context,
  settings: InteractionSettings,
  status: StatusLine,
  server: () => string,
  refusals: SamplingRefusals,
  queue: InteractionQueue,
  sampling?: SamplingHandler,
): Pick<McpClientOptions, 'elicitation' | 'urlElicitation' | 'sampling' | 'samplingTools'> {
  const serialize = <T>(work: () => Promise<T>): Promise<T> => queue.run(work);
  const handlers: Pick<McpClientOptions, 'elicitation' | 'urlElicitation' | 'sampling' | 'samplingTools'> = {
    elicitation: (params, request) => serialize(() => status.hold(() => elicit(context, settings, server(), params, request.signal))),
    urlElicitation: (elicitation, request) =>
      serialize(() => status.hold(() => answerUrlElicitation(context, server(), elicitation, request, settings.urlWaitMs))),
  };
  if (settings.offerSampling) {
    handlers.sampling = async (params, request) => {
      const name = server();
      const { ProtocolError } = await import('@mcpx/core');
      // After Ctrl-C nothing more is asked of the user or the model: the run is ending.
      if (context.signal.aborted) throw new ProtocolError({ code: -1, message: 'mcpx was interrupted (Ctrl-C); sampling refused' });
      if (settings.samplingCommand !== undefined) {
        if (context.verbose) context.note(context.err.dim(`[${name}] sampling request answered by: ${settings.samplingCommand}`));
        return runSamplingCommand(settings.samplingCommand, params, request.signal).catch((error: unknown) => {
          // Said at the end unless the result printed quotes it: the user hears why their command's answer was not sent.
          if (!request.signal.aborted) refusals.failed((error as Error).message);
          throw error;
        });
      }
      if (sampling !== undefined) return sampling(params, request);
      throw new ProtocolError({ code: -1, message: await status.hold(async () => refusals.refuse(name)) });
    };
    // The command gets the request's tools and may answer with tool_use blocks (see runSamplingCommand);
    // without one, a request with tools is refused with the same hint as any other.
    handlers.samplingTools = true;
  }
  return handlers;
}

async function elicit(
  context: Context,
  settings: InteractionSettings,
  server: string,
  params: ElicitRequestFormParams,
  signal: AbortSignal,
): Promise<ElicitResult> {
  const { err } = context;
  // After Ctrl-C no form is opened: mcpx may be asking about the task, and the run is ending.
  if (context.signal.aborted) return { action: 'cancel' };
  if (settings.answers !== undefined) {
    if (context.verbose) context.note(err.dim(`[${server}] elicitation "${params.message}" answered from --answers`));
    return { action: 'accept', content: settings.answers as ElicitResult['content'] };
  }
  if (!context.interactive) {
    const keys = Object.keys(params.requestedSchema.properties);
    context.note(`${err.yellow('mcpx:')} ${server} asks: ${params.message}`);
    context.note(`  declined: stdin is not a terminal; answer with --answers '{${keys.map((key) => `"${key}": …`).join(', ')}}'`);
    return { action: 'decline' };
  }
  const prompter = terminalPrompter(context.io.stdin, context.io.stderr, () => context.interrupt());
  try {
    const result = await askForm(server, params, prompter, err, AbortSignal.any([signal, context.signal]));
    context.note(err.dim(result.action === 'accept' ? '  sent' : result.action === 'decline' ? '  declined' : '  dismissed'));
    return result;
  } finally {
    prompter.close();
  }
}
