import type { McpRegistry } from '@mcpx/registry';
import type { TokenStore } from '@mcpx/auth';
import { providerFor, usesOAuth } from '../auth/login-target.js';
import type { Context } from '../context.js';
import type { ServerConfig } from '@mcpx/factory';

/**
 * Logs in to each server of the fleet that ended `needs-login`, one after the other, then
 * connects it again. The login runs here rather than inside the connection attempt, so it
 * is not cut short by the connect deadline: a user may take minutes in the browser. A login
 * that fails leaves the server `needs-login`; the command reports it as usual. Logins go to
 * `store`, the fleet's token store.
 */
export async function logInWhereNeeded(
  context: Context,
  registry: McpRegistry,
  servers: readonly ServerConfig[],
  store: TokenStore,
): Promise<void> {
  for (const server of servers) {
    if (registry.get(server.name)?.state !== 'needs-login' || !usesOAuth(server)) continue;
    try {
      const provider = await providerFor(context, server, store);
      context.note(context.err.dim(`${server.name} needs a login; logging in (Ctrl-C cancels).`));
      await provider.login(server.url, { signal: context.signal });
    } catch (error) {
      if (context.signal.aborted) throw context.signal.reason;
      context.note(
        `${context.err.red('mcpx:')} could not log in to ${server.name}: ${error instanceof Error ? error.message : String(error)}`,
      );
      continue;
    }
    await registry.connect(server.name);
  }
}

/** Whether commands may log in on their own: a terminal to ask on, or a browser command named in `MCPX_BROWSER`. */
export function mayLogIn(context: Context): boolean {
  return context.io.stderr.isTTY === true || (context.io.env.MCPX_BROWSER ?? '').trim() !== '';
}
