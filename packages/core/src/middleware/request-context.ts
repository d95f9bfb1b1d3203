import type { OutgoingRequest, RequestMiddleware } from './request-middleware.js';
import { withKey } from '../util/with-key.js';

/** The `_meta` key a request's context travels under. */
export const REQUEST_CONTEXT_KEY = 'mcpx/context';

/**
 * Who and what a request is for, sent in the `_meta` of every request under `mcpx/context`
 * (one namespaced key, so that no field can clash with a key of the protocol). Set it for the
 * client with the `context` option and override it per call with `CallOptions.context`.
 */
export interface RequestContext {
  /** The user's session in the host application (not an MCP session). */
  sessionId?: string | undefined;
  /** The end user the request is made for. */
  userId?: string | undefined;
  /** The application making the request. */
  clientId?: string | undefined;
  /**
   * Milliseconds the request is worth waiting for: it becomes the request's deadline (its
   * `maxTotalTimeoutMs`, the smaller one winning), and the server is told it.
   */
  ttlMs?: number | undefined;
  /** How urgent the request is, for servers that schedule; the meaning of the numbers is the application's. */
  priority?: number | undefined;
  /** Labels for the request, such as `['production', 'critical']`. */
  tags?: readonly string[] | undefined;
  /** Anything else to tell the server. */
  metadata?: Readonly<Record<string, unknown>> | undefined;
}

/** Methods that stay open as long as the connection: a context's TTL does not end them. */
const STREAMS: ReadonlySet<string> = new Set(['subscriptions/listen']);

/**
 * A call's context over the client's: each field given for the call replaces the client's,
 * `metadata` merged key by key.
 */
export function mergeContext(base: RequestContext | undefined, call: RequestContext | undefined): RequestContext | undefined {
  if (call === undefined) return base;
  if (base === undefined) return call;
  // Object.assign rather than spreads: see withKey.
  const merged: RequestContext = Object.assign({}, base, withoutUndefined(call));
  if (base.metadata !== undefined && call.metadata !== undefined) merged.metadata = Object.assign({}, base.metadata, call.metadata);
  return merged;
}

/**
 * The middleware that sends the request context: the client's `context` option merged with the
 * call's, put in `_meta` under `mcpx/context`, its `ttlMs` capping the request's total time.
 */
export function requestContext(base: RequestContext | undefined): RequestMiddleware {
  return (request, next) => {
    const context = mergeContext(base, request.options.context);
    return next(context === undefined ? request : withContext(request, context));
  };
}

function withContext(request: OutgoingRequest, context: RequestContext): OutgoingRequest {
  const given = request.params?._meta;
  const meta = typeof given === 'object' && given !== null ? given : {};
  const params = withKey(request.params, '_meta', withKey(meta, REQUEST_CONTEXT_KEY, withoutUndefined(context)));
  const { ttlMs } = context;
  if (ttlMs === undefined || STREAMS.has(request.method)) return withKey(request, 'params', params);
  const cap = request.options.maxTotalTimeoutMs;
  const options = withKey(request.options, 'maxTotalTimeoutMs', cap === undefined ? ttlMs : Math.min(cap, ttlMs));
  return Object.assign({}, request, { params, options });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
