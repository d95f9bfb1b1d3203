import type { RequestId } from '../jsonrpc/messages.js';
import type { RequestMiddleware } from './request-middleware.js';

/** One line of the request log: a request sent, answered, or failed. */
export type RequestLogEntry =
  | (RequestLogCommon & { type: 'request'; paramsBytes: number; params?: unknown })
  | (RequestLogCommon & { type: 'result'; durationMs: number; resultBytes: number; result?: unknown })
  | (RequestLogCommon & { type: 'error'; durationMs: number; error: { name: string; message: string; code?: string | number } });

/** What every entry of the request log says. */
export interface RequestLogCommon {
  /** The server's name (the `server` option of the client), when it has one. */
  server: string | undefined;
  method: string;
  /** The JSON-RPC id, once the request was given one (an error raised before sending has none). */
  id: RequestId | undefined;
  /** The names of the headers middleware added, never their values. */
  headers?: string[];
}

/** Options of `logRequests`. */
export interface LogRequestsOptions {
  /**
   * Also log params and results, with the values of keys that look like secrets (token, secret,
   * password, authorization, cookie, API key) replaced by `"[redacted]"`. Tool arguments and
   * results can hold personal data: turn this on for debugging only. @default false
   */
  bodies?: boolean;
}

const SECRET_KEY = /token|secret|password|passwd|authorization|cookie|api[-_]?key|credential|private[-_]?key/i;
const encoder = new TextEncoder();

/**
 * A middleware that logs every request to `log`: the method, the JSON-RPC id, the sizes of the
 * params and the result in bytes, the duration and the error. Header values and bodies are not
 * logged (bodies can be, with secrets redacted, with `bodies: true`). `log` must not throw.
 * @example
 * const client = new McpClient({ middleware: [logRequests((entry) => console.error(JSON.stringify(entry)))] });
 */
export function logRequests(log: (entry: RequestLogEntry) => void, options: LogRequestsOptions = {}): RequestMiddleware {
  const bodies = options.bodies === true;
  return async (request, next) => {
    const { server, method } = request;
    let id: RequestId | undefined;
    let started = performance.now();
    const headers = request.headers === undefined ? undefined : Object.keys(request.headers);
    const common = (): RequestLogCommon => (headers === undefined ? { server, method, id } : { server, method, id, headers });
    const onid = request.options.onid;
    const announce = (assigned: RequestId): void => {
      id = assigned;
      started = performance.now();
      log({ ...common(), type: 'request', paramsBytes: byteSize(request.params), ...(bodies ? { params: redact(request.params) } : {}) });
      onid?.(assigned);
    };
    try {
      const result = await next({ ...request, options: { ...request.options, onid: announce } });
      log({
        ...common(),
        type: 'result',
        durationMs: performance.now() - started,
        resultBytes: byteSize(result),
        ...(bodies ? { result: redact(result) } : {}),
      });
      return result;
    } catch (error) {
      log({ ...common(), type: 'error', durationMs: performance.now() - started, error: describe(error) });
      throw error;
    }
  };
}

function byteSize(value: unknown): number {
  return value === undefined ? 0 : encoder.encode(JSON.stringify(value)).length;
}

/** A copy of a JSON value with the values of secret-looking keys replaced. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, SECRET_KEY.test(key) ? '[redacted]' : redact(field)]));
}

function describe(error: unknown): { name: string; message: string; code?: string | number } {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' || typeof code === 'number'
    ? { name: error.name, message: error.message, code }
    : { name: error.name, message: error.message };
}
