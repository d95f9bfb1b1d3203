import { execFileSync, spawnSync } from 'node:child_process';
import { BIN, cleanEnv, type Scratch } from './helpers.js';

/** Throws with what to do when tmux is not installed: the terminal tests need a real terminal and never skip. */
export function requireTmux(): void {
  const found = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
  if (found.error !== undefined || found.status !== 0) {
    throw new Error('tmux is required for the terminal tests (elicitation forms, progress bars, Ctrl-C): apt-get install -y tmux');
  }
}

let sessions = 0;

/**
 * `mcpx` running in a real terminal: a detached tmux session of its own server (`-L`), keys
 * sent with send-keys, the screen read with capture-pane. The command's exit code is printed
 * as `EXIT=<code>` when it ends, and the pane stays open so that it can be read.
 */
export class TerminalSession {
  private readonly socket = `mcpx-cli-test-${process.pid}-${++sessions}`;

  /**
   * Runs `mcpx args`, then each of `more` in turn, in the same terminal session. With `stdoutFile`,
   * the first one's stdout goes to that file (`mcpx … > file`) rather than to the terminal; with
   * `shellAfter`, that shell command runs in the terminal once they are done (`stty -a`).
   */
  constructor(
    dir: Scratch,
    args: readonly string[],
    env: Record<string, string> = {},
    more: ReadonlyArray<readonly string[]> = [],
    options: { stdoutFile?: string; shellAfter?: string } = {},
  ) {
    const { stdoutFile, shellAfter } = options;
    const variables = Object.entries(cleanEnv(dir, { TERM: 'xterm-256color', ...env })).map(([key, value]) => `${key}=${quote(value)}`);
    const run = (words: readonly string[], index: number): string =>
      `env -i ${variables.join(' ')} ${quote(process.execPath)} ${quote(BIN)} ${words.map(quote).join(' ')}${index === 0 && stdoutFile !== undefined ? ` > ${quote(stdoutFile)}` : ''}; echo EXIT=$?`;
    const command = `cd ${quote(dir.path)} && ${[args, ...more].map(run).join('; ')}; ${shellAfter ?? 'true'}; sleep 600`;
    this.tmux('new-session', '-d', '-s', 'mcpx', '-x', '140', '-y', '50', command);
  }

  /** Types keys, as tmux names them: 'Enter', 'C-c', 'C-d', or literal text. */
  send(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'mcpx', ...keys);
  }

  /** Types text literally, then Enter. */
  type(text: string): void {
    this.tmux('send-keys', '-t', 'mcpx', '-l', text);
    this.send('Enter');
  }

  /** The screen and its scrollback; with `escapes`, colour codes included. */
  screen(escapes = false): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-1000', '-t', 'mcpx', ...(escapes ? ['-e'] : []));
  }

  /**
   * The screen without its scrollback: what a redrawn table looks like. (tmux keeps a screen
   * that is cleared whole in its scrollback, so that a table redrawn from the top line of the
   * screen leaves copies there.)
   */
  visible(): string {
    return this.tmux('capture-pane', '-p', '-J', '-t', 'mcpx');
  }

  /** Resolves with the screen once `pattern` appears on it. */
  async waitFor(pattern: string | RegExp, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (typeof pattern === 'string' ? screen.includes(pattern) : pattern.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)} on the screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The exit code printed when the command ended. */
  async exitCode(timeoutMs = 20_000): Promise<number> {
    const screen = await this.waitFor(/EXIT=\d+/, timeoutMs);
    return Number(/EXIT=(\d+)/.exec(screen)![1]);
  }

  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }

  [Symbol.dispose](): void {
    this.close();
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  }
}

function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
