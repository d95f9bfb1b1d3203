/** Something the factory did on its own for one server: the fallback from Streamable HTTP to SSE. */
export interface ServerDiagnostic {
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

/** The config's Redis `store` could not be reached at start and `"fallback": "memory"` lets each process keep its state to itself. */
export interface StoreDiagnostic {
  /** No server: the shared store is no one server's. */
  readonly server?: undefined;
  /** `'store-fallback'`. */
  readonly type: 'store-fallback';
  /** A sentence for a log. */
  readonly message: string;
  /** The error that led to it. */
  readonly error?: Error | undefined;
}

/** Something the factory did on its own that is worth knowing; tell them apart by `type` (`server` is a string for every type but `'store-fallback'`). */
export type FactoryDiagnostic = ServerDiagnostic | StoreDiagnostic;

/** Receives factory diagnostics. */
export type DiagnosticListener = (event: FactoryDiagnostic) => void;
