import { spawn } from 'node:child_process';
import type { UserAgent } from '@mcpx/auth';
import type { Context } from '../context.js';

/**
 * The command that opens authorization URLs, from `MCPX_BROWSER`, else `BROWSER` (which many
 * tools honour): a program and its arguments, split at spaces, the URL added last. Undefined
 * when neither is set: `@mcpx/auth` then opens the system's default browser.
 */
export function browserCommand(env: Readonly<Record<string, string | undefined>>): string[] | undefined {
  const value = (env.MCPX_BROWSER ?? env.BROWSER)?.trim();
  return value === undefined || value === '' ? undefined : value.split(/\s+/);
}

/**
 * A user agent that prints the authorization URL on stderr and opens it with the command of
 * `MCPX_BROWSER` or `BROWSER`; undefined when neither is set.
 */
export function browserAgent(context: Context): UserAgent | undefined {
  const command = browserCommand(context.io.env);
  if (command === undefined) return undefined;
  const [program, ...args] = command as [string, ...string[]];
  return (url) => {
    context.note(`To log in, open this URL in a browser (opening it with ${program}):\n  ${url.href}`);
    const child = spawn(program, [...args, url.href], { stdio: 'ignore', detached: true, env: { ...context.io.env } });
    child.once('error', (error) =>
      context.note(context.err.yellow(`mcpx: could not run ${program} (${error.message}); open the URL yourself`)),
    );
    child.unref();
  };
}
