import { ConfigError } from '@mcpx/core';
import type * as Auth from '@mcpx/auth';
import { isMissingPackage } from './peers.js';

/** The package that gives servers OAuth. */
export const AUTH_PACKAGE = '@mcpx/auth';

let loaded: Promise<typeof Auth> | undefined;

/**
 * Loads `@mcpx/auth` on first use; undefined when it is not installed. Another failure to
 * load is a `ConfigError` naming `server`.
 */
export async function loadAuth(server: string): Promise<typeof Auth | undefined> {
  // A literal specifier, so that bundlers see it.
  loaded ??= import('@mcpx/auth');
  try {
    return await loaded;
  } catch (error) {
    loaded = undefined;
    if (isMissingPackage(error, AUTH_PACKAGE)) return undefined;
    throw new ConfigError(
      `${AUTH_PACKAGE} is installed but failed to load (${error instanceof Error ? error.message : String(error)}); reinstall it`,
      { server, cause: error },
    );
  }
}

/** The error for a server whose config asks for OAuth when `@mcpx/auth` is not installed. */
export function authMissing(server: string): ConfigError {
  return new ConfigError(
    `has OAuth settings ("oauth") but ${AUTH_PACKAGE} is not installed: npm install ${AUTH_PACKAGE}, or write "oauth": false`,
    { server },
  );
}
