import { ConnectionClosedError, LocalError } from '@mcpx/core';

/** Why a server is not up, as the user reads it. */
export interface FailureReport {
  /** One line: what happened, in the words of what the user did (connecting, the handshake). */
  readonly summary: string;
  /** The last lines the server process wrote on stderr, when it wrote some. */
  readonly stderr: readonly string[];
}

/** The requests of the handshake: `server/discover` is the probe for the 2026-07-28 revision. */
const HANDSHAKE = new Set(['server/discover', 'initialize', 'notifications/initialized']);

/**
 * What a server's last error says, told without the client's internals: a process that
 * exited is "the server exited with code 1 during the handshake", not a request that lost its
 * response; the probe of the handshake is not named. The stderr tail comes apart, for the
 * caller to show under the line.
 */
export function describeFailure(error: Error | undefined): FailureReport {
  if (error === undefined) return { summary: 'no error was recorded', stderr: [] };
  const closed = causes(error).find((cause) => ConnectionClosedError.isInstance(cause));
  const method = causes(error)
    .map((cause) => (LocalError.isInstance(cause) ? cause.method : undefined))
    .find((name) => name !== undefined);
  const phase = method === undefined ? '' : HANDSHAKE.has(method) ? ' during the handshake' : ` while answering ${method}`;
  if (closed !== undefined) {
    const how =
      closed.exitCode != null
        ? `exited with code ${closed.exitCode}`
        : closed.signal != null
          ? `was killed by ${closed.signal}`
          : 'closed the connection';
    return { summary: `the server ${how}${phase}`, stderr: closed.stderrTail };
  }
  return { summary: `${withoutContext(error.message)}${phase}`, stderr: [] };
}

/** `error` and its causes, outermost first. */
function causes(error: Error): Error[] {
  const chain: Error[] = [];
  for (let current: unknown = error; current instanceof Error && chain.length < 8; current = current.cause) chain.push(current);
  return chain;
}

/** The first line of a message without the `server "x", method m: ` its class put in front: the table names the server. */
function withoutContext(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/^server "(?:[^"\\]|\\.)*"(?:, method [^:]+)?: /, '').replace(/^method [^:]+: /, '');
}
