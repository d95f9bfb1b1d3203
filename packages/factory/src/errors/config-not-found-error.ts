import { ConfigError } from '@mcpx/core';
import { hasBrand } from '@mcpx/core/internal';

const brand: unique symbol = Symbol.for('mcpx.error.ConfigNotFoundError');

/** No config file was given and none was found where `loadConfig` looks; `searched` lists those places. */
export class ConfigNotFoundError extends ConfigError {
  private readonly [brand] = true;
  /** The paths looked at, in order. */
  readonly searched: readonly string[];

  constructor(searched: readonly string[]) {
    super(
      [
        `no config file found; looked for:`,
        ...searched.map((candidate) => `  ${candidate}`),
        `fix: create one of them (such as ./mcp_servers.json with { "mcpServers": { ... } }), set MCPX_CONFIG, or pass the path`,
      ].join('\n'),
    );
    this.name = 'ConfigNotFoundError';
    this.searched = searched;
  }

  /** True when `error` is a `ConfigNotFoundError`. */
  static override isInstance(error: unknown): error is ConfigNotFoundError {
    return hasBrand(error, brand);
  }
}
