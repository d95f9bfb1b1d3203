import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, type AuthProvider } from '@mcpx/core';
import type * as Auth from '@mcpx/auth';
import type { OAuthConfig } from '../config/types.js';
import { isMissingPackage } from './peers.js';

/** The package that gives servers OAuth. */
export const AUTH_PACKAGE = '@mcpx/auth';

/** How servers from a config log in: where tokens are kept, and whether a user is there. */
export interface OAuthSettings {
  /** Where logins are kept. @default `fileTokenStore()` from `@mcpx/auth` (`~/.config/mcpx/auth`) */
  store?: Auth.TokenStore | undefined;
  /** Whether a browser login may start. @default `@mcpx/auth`'s: standard error is a terminal */
  interactive?: boolean | undefined;
  /** Opens the login page. @default the default browser, with the URL printed */
  userAgent?: Auth.UserAgent | undefined;
  /** What a user should run to log in to a server, for errors. @default "log in with `mcpx login <name>`" */
  loginHint?: ((server: string) => string) | undefined;
}

/** Whether `@mcpx/auth` is in a `node_modules` folder at or above this module. */
export function isAuthInstalled(from: string | URL = import.meta.url): boolean {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    if (existsSync(join(dir, 'node_modules', AUTH_PACKAGE, 'package.json'))) return true;
    const parent = dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
}

let loaded: Promise<typeof Auth> | undefined;

/** Loads `@mcpx/auth`; missing, it is a `ConfigError` with the command that installs it. */
export function loadAuth(server: string): Promise<typeof Auth> {
  loaded ??= import('@mcpx/auth');
  return loaded.catch((error: unknown) => {
    loaded = undefined;
    if (isMissingPackage(error, AUTH_PACKAGE)) throw new ConfigError(`has "oauth" settings but ${AUTH_PACKAGE} is not installed: npm install ${AUTH_PACKAGE}`, { server, cause: error });
    throw new ConfigError(`${AUTH_PACKAGE} is installed but failed to load (${error instanceof Error ? error.message : String(error)}); reinstall it`, { server, cause: error });
  });
}

/** The default store, shared by every server of the process: made on first use. */
let defaultStore: Auth.TokenStore | undefined;

/**
 * The OAuth provider of one server, or undefined when it gets none: OAuth turned off, a
 * static `Authorization` header, or no `@mcpx/auth` installed and no `oauth` settings (a
 * server that then answers 401 fails as before, with the install hint in the docs).
 */
export async function oauthProviderFor(
  server: { name: string; url: string; headers: Readonly<Record<string, string>>; oauth?: OAuthConfig | false | undefined },
  settings: OAuthSettings | false | undefined,
): Promise<AuthProvider | undefined> {
  if (server.oauth === false || settings === false) return undefined;
  if (Object.keys(server.headers).some((name) => name.toLowerCase() === 'authorization')) return undefined;
  if (server.oauth === undefined && !isAuthInstalled()) return undefined;
  const auth = await loadAuth(server.name);
  const config = server.oauth ?? {};
  const store = settings?.store ?? (defaultStore ??= auth.fileTokenStore());
  return new auth.OAuthProvider({
    ...optionsOf(config),
    // Without OAuth settings, only a server that asks for OAuth gets it; any other 401 stays an AuthError.
    requireChallenge: server.oauth === undefined,
    store,
    serverName: server.name,
    loginHint: settings?.loginHint?.(server.name) ?? `log in with \`mcpx login ${server.name}\``,
    ...(settings?.interactive === undefined ? {} : { interactive: settings.interactive }),
    ...(settings?.userAgent === undefined ? {} : { userAgent: settings.userAgent }),
  });
}

/** The `OAuthOptions` of a server's `oauth` settings. */
export function optionsOf(config: OAuthConfig): Auth.OAuthOptions {
  const { grant, idToken, idpTokenEndpoint, idpClientId, idpClientSecret, tokenFile, dpop, ...rest } = config;
  const options: Auth.OAuthOptions = { ...rest, ...(dpop === undefined ? {} : { dpop }) };
  if (grant === 'client_credentials') options.grant = { type: 'client_credentials' };
  if (grant === 'enterprise' && idToken !== undefined && idpTokenEndpoint !== undefined) {
    options.grant = { type: 'enterprise', idToken, idpTokenEndpoint, idpClientId, idpClientSecret };
  }
  if (grant === 'workload_identity') options.grant = { type: 'workload_identity', tokenFile };
  return options;
}
