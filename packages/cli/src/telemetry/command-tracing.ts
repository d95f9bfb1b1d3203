import type { RequestMiddleware } from '@mcpx/core';
import type { HttpRetry } from '@mcpx/http';

/**
 * The tracing of one command, when it is traced (`--otel`, `OTEL_EXPORTER_OTLP_*`): made by
 * `startTracing`, whose module loads the OpenTelemetry SDK only then.
 */
export interface CommandTracing {
  /**
   * Runs the command in its root span (`mcpx <command>`), so that the spans of its requests are its
   * children; `failed` reports what `work` threw and gives the exit code, which the span records.
   */
  trace(command: string, work: () => Promise<number>, failed: (error: unknown) => Promise<number>): Promise<number>;
  /** The middleware that gives every request of a client its span; `protocolVersion` names a server's negotiated revision. */
  middleware(protocolVersion: (server: string) => string | undefined): RequestMiddleware;
  /** Records a reconnection the registry scheduled as a short `mcpx.reconnect` span under the command's. */
  reconnect(event: { server: string; attempt: number; delayMs: number; error: Error }): void;
  /** Records a token refresh as an `mcpx.auth.refresh` event on the span of the request that needed it. */
  refresh(event: { serverUrl: string; durationMs: number; error?: Error | undefined }): void;
  /** Records a retry of an HTTP request as an `mcpx.http.retry` event on the request's span (the factory's `onHttpRetry`). */
  retry(retry: HttpRetry): void;
  /** Sends the spans not sent yet and stops; resolves with what went wrong, never rejects. */
  flush(): Promise<Error | undefined>;
}
