import { ConfigError } from '@mcpx/core';
import { hasBrand } from '@mcpx/core/internal';

const brand: unique symbol = Symbol.for('mcpx.error.ToolDisabledError');

/** What a `ToolDisabledError` names. */
export interface ToolDisabledDetails {
  /** The tool, as the server names it. */
  tool: string;
  /** The server, by its key in the config. */
  server: string;
  /** The config key that keeps the tool out: `disabledTools` lists it, or `includeTools` does not. */
  key: 'disabledTools' | 'includeTools';
}

/** A call to a tool the server's config hides: it was not sent. */
export class ToolDisabledError extends ConfigError {
  private readonly [brand] = true;
  /** The tool, as the server names it. */
  readonly tool: string;
  /** The config key that keeps the tool out. */
  readonly key: 'disabledTools' | 'includeTools';

  constructor(details: ToolDisabledDetails) {
    const { tool, server, key } = details;
    const why = key === 'disabledTools' ? `"disabledTools" lists it` : `"includeTools" does not list it`;
    const fix = key === 'disabledTools' ? `remove it from "disabledTools"` : `add it to "includeTools"`;
    super(
      `the tool ${JSON.stringify(tool)} of the server "${server}" is disabled in the config (${why}); it was not called. To call it, ${fix} in the server's entry`,
      { server, method: 'tools/call' },
    );
    this.name = 'ToolDisabledError';
    this.tool = tool;
    this.key = key;
  }

  /** True when `error` is a `ToolDisabledError`. */
  static override isInstance(error: unknown): error is ToolDisabledError {
    return hasBrand(error, brand);
  }
}
