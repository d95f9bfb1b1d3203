import { exponentialBackoff, type BackoffPolicy, type ExponentialBackoffOptions } from '@mcpx/core';
import type { HealthOptions } from '@mcpx/registry';
import type { HealthConfig, ReconnectConfig } from '../config/types.js';

/** The registry's backoff policy for a server's `reconnect` setting; undefined keeps the registry's default. */
export function reconnectPolicy(reconnect: ReconnectConfig | false | undefined): BackoffPolicy | false | undefined {
  if (reconnect === undefined || reconnect === false) return reconnect;
  const options: ExponentialBackoffOptions = {};
  if (reconnect.initialDelayMs !== undefined) options.initialMs = reconnect.initialDelayMs;
  if (reconnect.maxDelayMs !== undefined) options.maxMs = reconnect.maxDelayMs;
  if (reconnect.maxAttempts !== undefined) options.maxAttempts = reconnect.maxAttempts;
  return exponentialBackoff(options);
}

/** The registry's health options for a server's `health` setting; undefined keeps the registry's default. */
export function healthOptions(health: HealthConfig | false | undefined): Partial<HealthOptions> | false | undefined {
  if (health === undefined || health === false) return health;
  return Object.fromEntries(Object.entries(health).filter(([, value]) => value !== undefined));
}
