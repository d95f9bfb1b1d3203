import type { TokenStore } from '@mcpx/auth';
import { dependencyFailed, onFirstUse } from '@mcpx/core/internal';
import type { FactoryOAuthOptions } from '@mcpx/factory';
import type { Context } from '../context.js';
import { browserAgent } from './browser.js';

/**
 * The token store of the CLI: one 0600 file per login under `$XDG_CONFIG_HOME/mcpx/auth` (or
 * `~/.config/mcpx/auth`). `@mcpx/auth`, with its OAuth library (about 40 ms of module loading
 * on Node 20), is loaded at the store's first use: when a remote server that may log in with
 * OAuth connects, or a login command runs. A command whose servers are all local never loads it.
 * The file store has no `lock` (`TokenStore` leaves it to stores that several processes
 * share), so neither has this one.
 */
export function cliTokenStore(context: Context): TokenStore {
  const env = { ...context.io.env };
  const opened = onFirstUse(
    () => import('@mcpx/auth').then(({ defaultTokenDir, fileTokenStore }) => fileTokenStore({ dir: defaultTokenDir(env) })),
    (error) => dependencyFailed('@mcpx/cli', '@mcpx/auth', 'keep OAuth logins', error),
  );
  return {
    get: async (key) => (await opened()).get(key),
    set: async (key, login) => (await opened()).set(key, login),
    delete: async (key) => (await opened()).delete(key),
    list: async () => (await opened()).list(),
  };
}

/**
 * OAuth for the servers of a command: logins kept in `store` (the file store, or the config's
 * Redis token store when its `store` has a `tokenKey`). Connections never open
 * a browser themselves (a login would race the connect deadline): a server that needs a
 * login ends `needs-login`, and the fleet then logs in to it when standard error is a
 * terminal or `MCPX_BROWSER` names a browser, else reports it with exit code 5 and
 * `mcpx login <server>`.
 */
export function cliOAuthOptions(context: Context, store: TokenStore = cliTokenStore(context)): FactoryOAuthOptions {
  const tracing = context.tracing;
  return {
    store,
    interactive: false,
    userAgent: browserAgent(context),
    ...(tracing === undefined ? {} : { onRefresh: (event) => tracing.refresh(event) }),
  };
}
