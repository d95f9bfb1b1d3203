import { LocalError, type LocalErrorOptions } from '@mcpx/core';
import { hasBrand } from '@mcpx/core/internal';

const brand: unique symbol = Symbol.for('mcpx.error.ToolMovedError');

/**
 * A registry's qualified tool name now leads to another server or tool than when the adapter
 * listed it (a server was removed, renamed or its tools changed), so the call is not sent: the
 * model and the approval saw the tool of the listing, not the one the name leads to now.
 */
export class ToolMovedError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'TOOL_MOVED';
  /** The registry's qualified name. */
  readonly qualifiedName: string;
  /** Where the name leads now. */
  readonly now: { server: string; originalName: string };

  /** `server` and `tool` are where the name led when listed. */
  constructor(
    qualifiedName: string,
    server: string,
    tool: string,
    now: { server: string; originalName: string },
    options: LocalErrorOptions = {},
  ) {
    super(
      `tool "${qualifiedName}" was "${tool}" on server "${server}" when listed and now leads to "${now.originalName}" on server "${now.server}": not called; list the tools again (anthropicTools, openaiTools, aiSdkTools) to offer the model the fleet as it is`,
      { ...options, server },
    );
    this.name = 'ToolMovedError';
    this.qualifiedName = qualifiedName;
    this.now = now;
  }

  /** True when `error` is a `ToolMovedError`. */
  static override isInstance(error: unknown): error is ToolMovedError {
    return hasBrand(error, brand);
  }
}
