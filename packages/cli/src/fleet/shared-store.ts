import type { TokenStore } from '@mcpx/auth';
import type { SharedStores } from '@mcpx/factory';
import { cliTokenStore } from '../auth/oauth-options.js';
import type { Context } from '../context.js';
import type { LoadedConfig } from './load-fleet-config.js';

/**
 * The stores of the config's `store` (Redis), opened for one command; undefined when the config
 * has none. Redis that cannot be reached is the factory's `StoreUnavailableError`, or, with
 * `"fallback": "memory"`, a warning on stderr and in-memory stores.
 */
export async function openSharedStores(
  context: Context,
  loaded: LoadedConfig,
  options: { allowFallback?: boolean } = {},
): Promise<SharedStores | undefined> {
  const store = loaded.config.store;
  if (store === undefined) return undefined;
  const { openStore } = await import('@mcpx/factory');
  return openStore(store, {
    onDiagnostic: (event) => context.note(`${context.err.yellow('mcpx:')} ${event.message}`),
    allowFallback: options.allowFallback,
  });
}

/** A token store for one command, and how to let go of it. */
export interface CommandTokenStore {
  readonly store: TokenStore;
  close(): Promise<void>;
}

/**
 * Where the logins of a command are kept: on Redis when the config's `store` has a `tokenKey`,
 * else in the CLI's file store. Redis that cannot be reached is a `StoreUnavailableError` even
 * with `"fallback": "memory"`: a login or logout must reach the tokens the fleet uses.
 */
export async function openTokenStore(context: Context, loaded: LoadedConfig): Promise<CommandTokenStore> {
  if (loaded.config.store?.tokenKey === undefined) return { store: cliTokenStore(context), close: () => Promise.resolve() };
  const stores = await openSharedStores(context, loaded, { allowFallback: false });
  return { store: stores?.tokens ?? cliTokenStore(context), close: () => stores?.close() ?? Promise.resolve() };
}
