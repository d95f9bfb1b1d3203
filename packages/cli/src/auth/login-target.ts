import type { OAuthProvider, TokenStore } from '@mcpx/auth';
import type { RemoteServerOptions, ServerConfig } from '@mcpx/factory';
import { didYouMean } from '../args/suggest.js';
import type { Context } from '../context.js';
import { CliError, UsageError } from '../errors/cli-error.js';
import { EXIT } from '../exit-codes.js';
import { loadFleetConfig, type LoadedConfig } from '../fleet/load-fleet-config.js';
import { browserAgent } from './browser.js';

/** A server of the config that logs in with OAuth, and its provider. */
export interface LoginTarget {
  readonly server: ServerConfig & RemoteServerOptions;
  readonly provider: OAuthProvider;
}

/** Whether `server` uses OAuth: a remote server without `oauth: false` or an `Authorization` header of its own. */
export function usesOAuth(server: ServerConfig): server is ServerConfig & RemoteServerOptions {
  if (server.transport === 'stdio' || server.oauth === false) return false;
  return server.oauth !== undefined || !Object.keys(server.headers).some((name) => name.toLowerCase() === 'authorization');
}

/** Why `server` does not log in with OAuth, as a hint. */
function whyNot(server: ServerConfig): string {
  if (server.transport === 'stdio') return 'a server started with "command" gets its credentials through "env"';
  if (server.oauth === false) return 'its entry has "oauth": false; remove it to log in with OAuth';
  return 'it sends its own "Authorization" header; remove the header to log in with OAuth';
}

/** The OAuth provider of `server` with the CLI's store, interactive: for `mcpx login`, `logout` and `auth status`. */
export async function providerFor(context: Context, server: ServerConfig & RemoteServerOptions, store: TokenStore): Promise<OAuthProvider> {
  const { createOAuthProvider } = await import('@mcpx/factory');
  const provider = await createOAuthProvider(server, { store, interactive: true, userAgent: browserAgent(context) });
  if (provider === undefined) throw new CliError(`${server.name} does not log in with OAuth`, EXIT.config, { hint: whyNot(server) });
  return provider;
}

/**
 * The server named `name` in the config (`loaded`, else loaded now), with its provider; a usage
 * error when there is none, a config error when it does not use OAuth.
 */
export async function loginTarget(context: Context, name: string, store: TokenStore, loaded?: LoadedConfig): Promise<LoginTarget> {
  loaded ??= await loadFleetConfig(context);
  const known = loaded.config.servers.map((server) => server.name);
  const server = loaded.config.servers.find((candidate) => candidate.name === name);
  if (server === undefined)
    throw new UsageError(`no server named "${name}" in ${loaded.file}${didYouMean(name, known)}`, {
      hint: `its servers: ${known.join(', ') || 'none'}`,
    });
  if (!usesOAuth(server)) throw new CliError(`${name} does not log in with OAuth`, EXIT.config, { hint: whyNot(server) });
  return { server, provider: await providerFor(context, server, store) };
}
