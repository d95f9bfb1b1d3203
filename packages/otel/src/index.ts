/**
 * OpenTelemetry for mcpx: spans and metrics for MCP traffic, trace context in `_meta`. Every export
 * of this file is public API.
 * @module
 */
export { otelMiddleware } from './otel-middleware.js';
export type { OtelMiddlewareOptions, SessionAttributes } from './options.js';
export { tracedHandler } from './traced-handler.js';
export type { TracedHandlerOptions } from './traced-handler.js';
export { extractTraceMeta } from './trace-meta.js';
export { otelRetryEvent, RETRY_EVENT } from './retry-event.js';
export type { RetryEventInput } from './retry-event.js';
export { MCP_ATTRIBUTES } from './attributes.js';
export { OPERATION_DURATION, ACTIVE_REQUESTS } from './instruments.js';
