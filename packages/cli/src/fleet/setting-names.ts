import type { SettingNames } from '@mcpx/core';
import type { Context } from '../context.js';

/**
 * How timeout errors name what to raise in the CLI: the flag, and the config key too when the
 * flag was not given (the limit then came from the config or the default).
 */
export function cliSettingNames(context: Pick<Context, 'timeoutMs' | 'connectTimeoutMs'>): SettingNames {
  return {
    requestTimeoutMs: context.timeoutMs === undefined ? '--timeout (or requestTimeoutMs in the config)' : '--timeout',
    connectTimeoutMs:
      context.connectTimeoutMs === undefined ? '--connect-timeout (or connectTimeoutMs in the config)' : '--connect-timeout',
  };
}
