import type { RegisteredServer } from '@mcpx/registry';
import type { Context } from '../context.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { describeFailure } from './describe-failure.js';
import type { Fleet } from './open-fleet.js';

/** A line for a server that is not up: `memory could not connect: the server exited with code 1 during the handshake`. */
export function describeDown(fleet: Fleet, view: RegisteredServer): string {
  if (view.state === 'needs-login') return `${view.name} needs a login: run \`mcpx login ${view.name}\``;
  if (view.lastError === undefined) return `${view.name} is ${view.state}`;
  const what = fleet.wasUp(view.name) ? 'lost its connection' : 'could not connect';
  return `${view.name} ${what}: ${describeFailure(view.lastError).summary}`;
}

/** The server's last stderr lines, indented under a heading; empty when it wrote none. */
export function stderrBlock(view: RegisteredServer): string[] {
  const lines = describeFailure(view.lastError).stderr;
  return lines.length === 0 ? [] : [`  its last lines on stderr:`, ...lines.map((line) => `    ${line}`)];
}

/** `describeDown`, and the server's last stderr lines under it: what a user needs to fix it. */
export function explainDown(fleet: Fleet, view: RegisteredServer): string {
  return [describeDown(fleet, view), ...stderrBlock(view)].join('\n');
}

/** Notes every server that is not up on stderr, with its last stderr lines; true when there was one. */
export function reportDown(context: Context, fleet: Fleet): boolean {
  const down = fleet.down();
  for (const view of down) context.note(`${context.err.red('mcpx:')} ${explainDown(fleet, view)}`);
  return down.length > 0;
}

/** The exit code for servers that are not up: 5 (login required) when each of them needs a login, else 4. */
export function downExitCode(down: readonly RegisteredServer[]): ExitCode {
  return down.length > 0 && down.every((view) => view.state === 'needs-login') ? EXIT.loginRequired : EXIT.unavailable;
}
