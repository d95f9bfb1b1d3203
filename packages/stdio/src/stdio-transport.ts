import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { ConnectionClosedDetails, JsonRpcMessage, Transport, TransportDiagnostic, TransportSendOptions } from '@mcpx/core';
import { ConnectionClosedError, TransportCallbacks, TransportError } from '@mcpx/core/internal';
import { buildEnvironment } from './environment.js';
import { decodeLine, encodeMessage } from './framing.js';
import { LineDecoder } from './line-decoder.js';
import { childProcess } from './node-builtins.js';
import { findDescendants } from './descendants.js';
import { describeCommand, resolveOptions, type ResolvedStdioOptions, type StdioTransportOptions } from './options.js';
import { stopGroup, stopProcess, settlesWithin, type ServerProcess, type ShutdownSettings } from './shutdown.js';
import { spawnError } from './spawn-error.js';
import { readStderr, type StderrReader } from './stderr-reader.js';
import { StreamWriter } from './stream-writer.js';

/**
 * `open`: talking. `draining`: the process exited on its own; reading what it wrote last.
 * `closing`: we are stopping it. `closed`: over (or never started).
 */
type State = 'new' | 'starting' | 'open' | 'draining' | 'closing' | 'closed';

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A failure that ends the connection from this side. */
interface Failure {
  message: string;
  cause: unknown;
  /** How the process ended, when that is the failure. */
  exit?: Exit;
}

/** How long the output streams of an exited process get to deliver their last bytes. */
const STREAM_DRAIN_MS = 500;

/**
 * Runs an MCP server as a child process and exchanges newline-delimited JSON-RPC messages
 * with it over stdin and stdout. The process gets a minimal environment and no shell; closing
 * the transport also ends the processes it started (see `processGroup`).
 *
 * @example
 * const transport = new StdioTransport({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'] });
 * await client.connect(transport);
 */
export class StdioTransport implements Transport {
  /** Called for every message received. */
  onmessage?: ((message: JsonRpcMessage) => void) | undefined;
  /** Called for a failure that does not close the connection, such as an invalid message. */
  onerror?: ((error: Error) => void) | undefined;
  /** Called exactly once after the process is gone; with a reason unless `close()` ended it. */
  onclose?: ((reason?: Error) => void) | undefined;
  /** Called with stderr lines, non-JSON stdout lines and shutdown steps. */
  ondiagnostic?: ((event: TransportDiagnostic) => void) | undefined;
  /** The command line, for error messages. */
  readonly description: string;

  readonly #callbacks = new TransportCallbacks(this);
  readonly #options: ResolvedStdioOptions;
  #state: State = 'new';
  #server: ServerProcess | undefined;
  #writer: StreamWriter | undefined;
  #stderr: StderrReader | undefined;
  /** Settles when stdout has ended, failed or closed (with what the event carried, of no use). */
  #stdoutEnded: Promise<unknown> = Promise.resolve();
  #exit: Exit | undefined;
  #starting: Promise<void> | undefined;
  #closing: Promise<void> | undefined;
  /** Why the connection ended (or is ending), for sends made afterwards. */
  #ending: Failure = { message: 'the connection to the server is closed', cause: undefined };

  /** Checks the options (throwing a `ConfigError`); nothing is spawned before `start()`. */
  constructor(options: StdioTransportOptions) {
    this.#options = resolveOptions(options);
    this.description = describeCommand(this.#options.command, this.#options.args);
  }

  /** The server's process id, once started. */
  get pid(): number | undefined {
    return this.#server?.child.pid;
  }

  /** The last lines the server wrote to stderr (with `stderr: 'pipe'`), oldest first. */
  get stderrTail(): readonly string[] {
    return this.#stderr?.tail.lines() ?? [];
  }

  /** Spawns the server; resolves once it runs, rejects with a `TransportError` if it cannot be spawned. Call once. */
  start(): Promise<void> {
    if (this.#state !== 'new') {
      return Promise.reject(
        new TransportError(
          `start() was already called on the transport for "${this.description}"; create a new StdioTransport to run the server again`,
          {
            target: this.description,
            server: this.#options.name,
          },
        ),
      );
    }
    this.#state = 'starting';
    this.#starting = this.#spawn();
    return this.#starting;
  }

  /** Writes a message to the server's stdin; resolves once written or buffered, waiting while the pipe is full. */
  send(message: JsonRpcMessage, options: TransportSendOptions = {}): Promise<void> {
    if (this.#state === 'new' || this.#state === 'starting') {
      return Promise.reject(
        new TransportError(`cannot send before start() has resolved`, { target: this.description, server: this.#options.name }),
      );
    }
    if (this.#state !== 'open' || this.#writer === undefined)
      return Promise.reject(this.#closedError(this.#ending.message, this.#ending.cause, this.#ending.exit));
    let line: string;
    try {
      line = encodeMessage(message);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return Promise.reject(
        new TransportError(`the message could not be serialised as JSON: ${why}`, {
          cause: error,
          target: this.description,
          server: this.#options.name,
        }),
      );
    }
    return this.#writer.write(line, options.signal);
  }

  /**
   * Stops the server: closes its stdin, waits `shutdownTimeoutMs` for it to exit, then sends
   * SIGTERM, waits again, then SIGKILL. Resolves once it is gone. Safe to call twice.
   */
  async close(): Promise<void> {
    // start() reports its own failure to its caller; close() only waits for it to end.
    if (this.#state === 'starting') await this.#starting?.catch(() => undefined);
    if (this.#state === 'new') this.#state = 'closed';
    if (this.#closing) return this.#closing;
    if (this.#state !== 'open') return;
    return this.#shutdown();
  }

  #spawn(): Promise<void> {
    const options = this.#options;
    const ownsGroup = options.processGroup && process.platform !== 'win32';
    let child: ChildProcess;
    try {
      child = childProcess.spawn(options.command, [...options.args], {
        cwd: options.cwd,
        env: buildEnvironment(options),
        stdio: ['pipe', 'pipe', options.stderr],
        shell: false,
        // On POSIX the server leads a new process group, so a signal to the group reaches its children.
        detached: ownsGroup,
        windowsHide: true,
      });
    } catch (error) {
      this.#state = 'closed';
      return Promise.reject(spawnError(error, this.#options, this.description));
    }
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => {
        child.off('spawn', onSpawn);
        for (const stream of [child.stdin, child.stdout, child.stderr]) stream?.destroy();
        this.#state = 'closed';
        reject(spawnError(error, this.#options, this.description));
      };
      const onSpawn = (): void => {
        child.off('error', onError);
        this.#open(child, ownsGroup);
        resolve();
      };
      child.once('error', onError);
      child.once('spawn', onSpawn);
    });
  }

  #open(child: ChildProcess, ownsGroup: boolean): void {
    const { stdin, stdout, stderr } = child;
    if (stdin === null || stdout === null) throw new Error('unreachable: stdin and stdout are pipes');
    const exited = new Promise<Exit>((resolve) => {
      // A child process emits 'exit' once, and a stream 'end' and 'close' once: `on` does what
      // `once` would without a wrapper and its state kept per listener for the connection's life.
      child.on('exit', (code, signal) => {
        this.#exit = { code, signal };
        resolve(this.#exit);
        this.#onExit(this.#exit);
      });
    });
    this.#server = { child, exited, ownsGroup };
    this.#state = 'open';
    child.on('error', (error) =>
      this.#callbacks.error(new TransportError(`the server process failed: ${error.message}`, this.#errorOptions(error))),
    );

    this.#writer = new StreamWriter(stdin, (cause) => this.#closedError('the server process stopped reading its stdin', cause));
    stdin.on('error', (error) => {
      this.#writer?.fail(this.#closedError(`writing to the server's stdin failed (${error.message})`, error));
      this.#failSoon({ message: `the server closed its stdin while still running (${error.message})`, cause: error });
    });

    this.#stdoutEnded = this.#readStdout(stdout);
    if (stderr !== null)
      this.#stderr = readStderr(stderr, this.#options.stderrTailLines, (line) => this.#callbacks.diagnostic({ type: 'stderr', line }));
  }

  #readStdout(stdout: Readable): Promise<unknown> {
    const decoder = new LineDecoder({ maxLineBytes: this.#options.maxLineBytes });
    stdout.on('data', (chunk: Buffer) => {
      if (!this.#delivering()) return;
      for (const line of decoder.push(chunk)) this.#onLine(line);
      if (decoder.failed && this.#delivering()) this.#onLineTooLong();
    });
    return new Promise<unknown>((resolve) => {
      stdout.on('end', () => {
        const last = decoder.flush();
        if (last !== undefined) this.#onLine(last);
        this.#failSoon({ message: 'the server closed its stdout while still running', cause: undefined });
        resolve(undefined);
      });
      // The promise's own resolver for both, not a closure more per connection.
      stdout.on('close', resolve);
      stdout.on('error', resolve);
    });
  }

  #onLine(line: string): void {
    if (!this.#delivering()) return;
    const decoded = decodeLine(line);
    if (decoded.kind === 'non-json') {
      this.#callbacks.diagnostic({ type: 'non-json', line });
      return;
    }
    for (const problem of decoded.problems) {
      const shown = line.length > 200 ? `${line.slice(0, 200)}…` : line;
      this.#callbacks.error(
        new TransportError(`the server sent an invalid JSON-RPC message, skipped: ${problem}. The line: ${shown}`, this.#errorOptions()),
      );
    }
    for (const message of decoded.messages) {
      if (!this.#delivering()) return;
      this.#callbacks.message(message);
    }
  }

  #onLineTooLong(): void {
    const limit = this.#options.maxLineBytes;
    const message = `the server sent a line longer than maxLineBytes (${limit} bytes), so the connection was closed; raise maxLineBytes if the server really sends messages this large`;
    const error = new TransportError(message, this.#errorOptions());
    this.#callbacks.error(error);
    // #shutdown reports through the callbacks and does not reject.
    if (this.#state === 'open') void this.#shutdown({ message, cause: error });
  }

  #onExit(exit: Exit): void {
    this.#writer?.fail(this.#closedError('the server process exited', undefined, exit));
    if (this.#state !== 'open') return; // we are stopping it: the shutdown sequence waits for this exit
    this.#state = 'draining';
    this.#ending = { message: `the server process exited unexpectedly: ${this.description}`, cause: undefined, exit };
    this.#closing = this.#afterExit(exit);
  }

  /** The process exited on its own: deliver what it wrote last, then report why it ended. */
  async #afterExit(exit: Exit): Promise<void> {
    await this.#drainStreams();
    this.#state = 'closed';
    const server = this.#server;
    // Grandchildren may outlive the server (an npx wrapper that crashed): end them too.
    const cleanup =
      server?.ownsGroup === true && server.child.pid !== undefined
        ? stopGroup(server.child.pid, this.#shutdownSettings()).catch((error: unknown) => this.#callbacks.error(error))
        : Promise.resolve();
    this.#callbacks.close(this.#closedError(this.#ending.message, undefined, exit));
    await cleanup;
  }

  #shutdown(failure?: Failure): Promise<void> {
    this.#closing ??= this.#stop(failure);
    return this.#closing;
  }

  async #stop(failure: Failure | undefined): Promise<void> {
    this.#state = 'closing';
    this.#ending = failure ?? { message: 'the transport was closed', cause: undefined };
    const server = this.#server;
    if (server === undefined) return;
    this.#writer?.fail(this.#closedError(this.#ending.message, this.#ending.cause));
    // Without a group of its own, what the server started is found now, while they are still its
    // descendants. Finding them only reads /proc or runs ps: a failure leaves the server to stop alone.
    const pid = server.child.pid;
    const descendants = server.ownsGroup || pid === undefined || this.#exit !== undefined ? [] : await findDescendants(pid).catch(() => []);
    const stdin = server.child.stdin;
    if (stdin !== null && !stdin.destroyed && !stdin.writableEnded) stdin.end();
    await stopProcess(server, this.#shutdownSettings(), descendants).catch((error: unknown) => this.#callbacks.error(error));
    await this.#drainStreams();
    this.#state = 'closed';
    this.#callbacks.close(failure ? this.#closedError(failure.message, failure.cause) : undefined);
  }

  #shutdownSettings(): ShutdownSettings {
    return { timeoutMs: this.#options.shutdownTimeoutMs, onStep: (message) => this.#callbacks.diagnostic({ type: 'info', message }) };
  }

  /** Waits briefly for stdout and stderr to end (a grandchild may hold them open), then lets go of them. */
  async #drainStreams(): Promise<void> {
    await settlesWithin(Promise.all([this.#stdoutEnded, this.#stderr?.ended]), STREAM_DRAIN_MS);
    const child = this.#server?.child;
    for (const stream of [child?.stdin, child?.stdout, child?.stderr]) stream?.destroy();
  }

  /** Closes from this side after a short grace, unless the process exits meanwhile (its exit tells more). */
  #failSoon(failure: Failure): void {
    if (this.#state !== 'open') return;
    setTimeout(() => {
      // #shutdown reports through the callbacks and does not reject.
      if (this.#state === 'open') void this.#shutdown(failure);
    }, STREAM_DRAIN_MS).unref();
  }

  #delivering(): boolean {
    return this.#state === 'open' || this.#state === 'draining';
  }

  #errorOptions(cause?: unknown): { target: string; server: string | undefined; cause?: unknown } {
    return { target: this.description, server: this.#options.name, ...(cause === undefined ? {} : { cause }) };
  }

  /** A connection error with the stderr tail, and how the process ended when `exit` is given. */
  #closedError(message: string, cause?: unknown, exit?: Exit): ConnectionClosedError {
    const details: ConnectionClosedDetails = { stderrTail: this.stderrTail };
    if (exit !== undefined) {
      details.exitCode = exit.code;
      details.signal = exit.signal;
    }
    return new ConnectionClosedError(message, { ...details, server: this.#options.name, ...(cause === undefined ? {} : { cause }) });
  }
}
