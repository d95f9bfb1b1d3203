/** Something the factory did on its own that is worth knowing: the fallback from Streamable HTTP to SSE, or from Redis to memory. */
export interface FactoryDiagnostic {
  /** The server concerned; undefined for the shared store, which is no one server's. */
  readonly server: string | undefined;
  /**
   * `'sse-fallback'`: Streamable HTTP was refused and the legacy HTTP+SSE transport is tried;
   * `'sse-fallback-failed'`: that failed too; `'sse-unavailable'`: it could have been tried but
   * `@mcpx/sse` is not installed; `'store-fallback'`: the config's Redis `store` cannot be reached at
   * start and `"fallback": "memory"` lets each process keep its state to itself.
   */
  readonly type: 'sse-fallback' | 'sse-fallback-failed' | 'sse-unavailable' | 'store-fallback';
  /** A sentence for a log. */
  readonly message: string;
  /** The error that led to it. */
  readonly error?: Error | undefined;
}

/** Receives factory diagnostics. */
export type DiagnosticListener = (event: FactoryDiagnostic) => void;
