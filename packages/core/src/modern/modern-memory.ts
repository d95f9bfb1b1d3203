import type { McpClientOptions } from '../client/options.js';
import type { LoggingLevel } from '../types/index.js';
import { LruCacheStore } from './cache-store.js';
import { ResponseCache } from './response-cache.js';
import { ListenManager } from './subscriptions.js';

/**
 * What the 2026-07-28 sessions of one client keep from one connection to the next: the response
 * cache of the servers' cache hints, the subscriptions the caller asked for (reopened on each new
 * connection) and the log level set with `setLoggingLevel`, which every request carries.
 */
export class ModernMemory {
  /** The response cache; undefined when the `cache` option is `false`. */
  readonly cache: ResponseCache | undefined;
  readonly listen: ListenManager;
  logLevel: LoggingLevel | undefined;

  constructor(options: McpClientOptions, onError: (error: Error) => void) {
    this.cache = options.cache === false ? undefined : new ResponseCache(options.cache?.store ?? new LruCacheStore());
    this.listen = new ListenManager(onError);
  }
}
