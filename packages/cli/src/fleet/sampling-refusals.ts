import type { Context } from '../context.js';

/** The words that start the refusal sent to a server asking for sampling. */
export const SAMPLING_REFUSAL = 'mcpx has no sampling handler';

/**
 * The sampling requests refused for want of a sampling command, explained to the user once, and
 * the failures of the sampling command. Servers usually turn the refusal or failure into their
 * tool's result, which quotes it: then nothing else is said. Otherwise a note at the end of the
 * command says what happened.
 */
export class SamplingRefusals {
  private readonly pending = new Set<string>();
  private readonly failures = new Set<string>();

  constructor(private readonly context: Context) {}

  /** The refusal to send to `server`, and to explain unless what is printed quotes it. */
  refuse(server: string): string {
    if (this.context.verbose) this.context.note(this.context.err.dim(`[${server}] ${describe(server)}`));
    else this.pending.add(server);
    return `${SAMPLING_REFUSAL}: ${server} asked for an LLM completion (sampling/createMessage) and it was refused; configure one with --sampling-command '<command>' or MCPX_SAMPLING_COMMAND`;
  }

  /** The sampling command failed with `message`: said at the end unless what is printed quotes it (at once with --verbose). */
  failed(message: string): void {
    if (this.context.verbose) this.context.note(`${this.context.err.red('mcpx:')} ${message}`);
    else this.failures.add(message);
  }

  /** `text` was shown to the user: the refusals and failures it quotes need no other word. */
  shown(text: string): void {
    if (text.includes(SAMPLING_REFUSAL)) this.pending.clear();
    for (const message of this.failures) if (text.includes(message)) this.failures.delete(message);
  }

  /** Notes each refusal and failure not explained yet, on stderr. */
  flush(): void {
    for (const server of this.pending) this.context.note(`${this.context.err.yellow('mcpx:')} ${describe(server)}`);
    for (const message of this.failures) this.context.note(`${this.context.err.red('mcpx:')} ${message}`);
    this.pending.clear();
    this.failures.clear();
  }
}

function describe(server: string): string {
  return `${server} asked for an LLM completion (sampling); refused: no sampling handler is configured (pass --sampling-command, see mcpx help call)`;
}
