import type { TokenStore } from '@mcpx/auth';
import { dependencyFailed, onFirstUse } from '@mcpx/core/internal';
import type { FactoryOAuthOptions } from '@mcpx/factory';
import type { Context } from '../context.js';
import { browserAgent } from './browser.js';

/**
 * `@mcpx/auth`, with its OAuth library (about 40 ms of module loading on Node 20), loaded at its
 * first use: a login command, the token store's first use (when a remote server that may log in
 * with OAuth connects) or a browser opened for a server's URL elicitation. A command whose
 * servers are all local never loads it.
 */
export const loadAuthPackage = onFirstUse(
  () => import('@mcpx/auth'),
  (error) => dependencyFailed('@mcpx/cli', '@mcpx/auth', 'keep OAuth logins and open the browser', error),
);

/**
 * The token store of the CLI: one 0600 file per login under `$XDG_CONFIG_HOME/mcpx/auth` (or
 * `~/.config/mcpx/auth`), made when it is first used (see `loadAuthPackage`). The file store has
 * no `lock` (`TokenStore` leaves it to stores that several processes share), so neither has this
 * one.
 */
export function cliTokenStore(context: Context): TokenStore {
  const env = { ...context.io.env };
  let store: TokenStore | undefined;
  const opened = async (): Promise<TokenStore> => {
    if (store !== undefined) return store;
    const { defaultTokenDir, fileTokenStore } = await loadAuthPackage();
    return (store ??= fileTokenStore({ dir: defaultTokenDir(env) }));
  };
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
