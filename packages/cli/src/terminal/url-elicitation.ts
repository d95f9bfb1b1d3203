import { spawn } from 'node:child_process';
import type { UrlElicitation, UrlElicitationContext, UrlElicitationResult } from '@mcpx/core';
import { browserCommand } from '../auth/browser.js';
import { loadAuthPackage } from '../auth/oauth-options.js';
import type { Context } from '../context.js';
import { formatMs } from '../values/duration.js';
import { terminalPrompter } from './prompter.js';

/**
 * Answers a server's URL elicitation at the terminal. The URL and its host are shown first; at
 * a terminal the user is asked before the URL is opened (with `MCPX_BROWSER` or `BROWSER`, else
 * the system browser through @mcpx/auth's opener, never a shell). Without a terminal the URL is
 * only printed, for the user to open. When the client retries a failed request afterwards
 * (`context.retry`), this returns once the server reports completion, or the user presses Enter;
 * without a terminal it waits at most `waitMs` for the completion (when the server can report one:
 * 2025-11-25's elicitation id), then gives up saying what to do.
 */
export async function answerUrlElicitation(
  context: Context,
  server: string,
  elicitation: UrlElicitation,
  request: UrlElicitationContext,
  waitMs: number,
): Promise<UrlElicitationResult> {
  const { err } = context;
  const host = hostOf(elicitation.url);
  context.note(
    `${err.bold(server)} asks you to open a page on ${err.bold(host)}:\n  ${err.cyan(elicitation.url)}\n  ${elicitation.message}`,
  );
  if (!context.interactive) return request.retry ? waitUnattended(context, server, request, waitMs) : { action: 'accept' };
  const prompter = terminalPrompter(context.io.stdin, context.io.stderr, () => context.interrupt());
  try {
    const line = await prompter.ask(`  Open it in your browser? [Y/n] `);
    if (line === undefined) return { action: 'cancel' };
    if (/^n/i.test(line.trim())) return { action: 'decline' };
    await open(context, elicitation.url);
    if (!request.retry) return { action: 'accept' };
    // The request is sent again once this returns: wait until the user is done in the browser.
    const done = prompter.ask(err.dim('  Press Enter once done in the browser (or wait for the server to report completion): '));
    const finished = await Promise.race([
      done.then((typed) => typed !== undefined),
      request.completion?.then(() => true) ?? new Promise<boolean>(() => undefined),
    ]);
    return finished ? { action: 'accept' } : { action: 'cancel' };
  } finally {
    prompter.close();
  }
}

/**
 * Without a terminal, after -32042: waits at most `waitMs` for the server to report completion
 * (no one can press Enter), else cancels, so that the call fails saying what to do. A server that
 * cannot report completion (2026-07-28) is not waited for, and the user is told so.
 */
async function waitUnattended(
  context: Context,
  server: string,
  request: UrlElicitationContext,
  waitMs: number,
): Promise<UrlElicitationResult> {
  const { err } = context;
  if (request.completion === undefined) {
    // 2026-07-28 has no completion notification: nothing to wait for. The error the call then fails with names the URL.
    context.note(
      `${err.yellow('mcpx:')} ${server} cannot report when the page is done, so mcpx does not wait; open it, then run the command again`,
    );
    return { action: 'cancel' };
  }
  context.note(err.dim(`  open it yourself; waiting up to ${formatMs(waitMs)} for ${server} to report completion (Ctrl-C stops)`));
  const timeout = AbortSignal.timeout(waitMs);
  if (await settled(request.completion, AbortSignal.any([request.signal, context.signal, timeout]))) return { action: 'accept' };
  if (timeout.aborted && !context.signal.aborted) {
    context.note(`${err.yellow('mcpx:')} ${server} did not report completion within ${formatMs(waitMs)} (--url-wait waits longer)`);
  }
  return { action: 'cancel' };
}

/** Opens `url` with the browser command of the environment, else the system browser; says so when it cannot. */
async function open(context: Context, url: string): Promise<void> {
  const command = browserCommand(context.io.env);
  if (command !== undefined) {
    const [program, ...args] = command as [string, ...string[]];
    const child = spawn(program, [...args, url], { stdio: 'ignore', detached: true, env: { ...context.io.env } });
    child.once('error', (error) =>
      context.note(context.err.yellow(`mcpx: could not run ${program} (${error.message}); open the URL yourself`)),
    );
    child.unref();
    return;
  }
  const { openBrowser } = await loadAuthPackage();
  const opened = await openBrowser(url).catch((error: unknown) => {
    context.note(context.err.yellow(`mcpx: ${(error as Error).message}`));
    return false;
  });
  if (!opened) context.note(context.err.yellow('  no browser to open here; open the URL yourself'));
}

/** True once `promise` resolves, false if it rejects or `signal` aborts first. */
function settled(promise: Promise<void>, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const stop = (): void => resolve(false);
    signal.addEventListener('abort', stop, { once: true });
    const settle = (done: boolean): void => {
      signal.removeEventListener('abort', stop);
      resolve(done);
    };
    promise.then(
      () => settle(true),
      () => settle(false),
    );
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
