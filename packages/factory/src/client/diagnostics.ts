/** Something the factory did on its own that is worth knowing: mostly the fallback from Streamable HTTP to SSE. */
export interface FactoryDiagnostic {
  /** The server concerned. */
  readonly server: string;
  /**
   * `'sse-fallback'`: Streamable HTTP was refused and the legacy HTTP+SSE transport is tried;
   * `'sse-fallback-failed'`: that failed too; `'sse-unavailable'`: it could have been tried but
   * `@mcpx/sse` is not installed.
   */
  readonly type: 'sse-fallback' | 'sse-fallback-failed' | 'sse-unavailable';
  /** A sentence for a log. */
  readonly message: string;
  /** The error that led to it. */
  readonly error?: Error | undefined;
}

/** Receives factory diagnostics. */
export type DiagnosticListener = (event: FactoryDiagnostic) => void;
