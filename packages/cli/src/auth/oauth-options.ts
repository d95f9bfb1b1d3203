import { defaultTokenDir, fileTokenStore, type TokenStore } from '@mcpx/auth';
import type { FactoryOAuthOptions } from '@mcpx/factory';
import type { Context } from '../context.js';
import { browserAgent } from './browser.js';

/** The token store of the CLI: one 0600 file per login under `$XDG_CONFIG_HOME/mcpx/auth` (or `~/.config/mcpx/auth`). */
export function cliTokenStore(context: Context): TokenStore {
  return fileTokenStore({ dir: defaultTokenDir({ ...context.io.env }) });
}

/**
 * OAuth for the servers of a command: logins kept in the file store, a browser login started
 * when standard error is a terminal or `MCPX_BROWSER` names a browser (otherwise a server that
 * needs a login is reported with exit code 5 and `mcpx login <server>`).
 */
export function cliOAuthOptions(context: Context, store: TokenStore = cliTokenStore(context)): FactoryOAuthOptions {
  const chosen = (context.io.env.MCPX_BROWSER ?? '').trim() !== '';
  return { store, interactive: context.io.stderr.isTTY === true || chosen, userAgent: browserAgent(context) };
}
