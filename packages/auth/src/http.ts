import { OAuthError, type OAuthStep } from './oauth-error.js';

/** The `fetch` OAuth requests go through: the global one unless the caller gives another. */
export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** How OAuth requests are sent. */
export interface HttpSettings {
  fetch: FetchLike;
  /** Each request to an authorization server or a metadata URL gives up after this. */
  requestTimeoutMs: number;
}

/** The largest metadata, registration, token or revocation answer read; more is an error (a server answering garbage). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Sends one request for an OAuth step with a deadline; a network failure or time-out
 * becomes an `OAuthError` naming the step and the URL. Never carries the MCP server's
 * token: only what `init` holds.
 */
export async function send(settings: HttpSettings, url: URL, init: RequestInit, step: OAuthStep): Promise<Response> {
  const signal = AbortSignal.timeout(settings.requestTimeoutMs);
  try {
    return await settings.fetch(url, {
      redirect: 'manual',
      ...init,
      signal: init.signal ? AbortSignal.any([init.signal, signal]) : signal,
    });
  } catch (error) {
    if (init.signal?.aborted) throw init.signal.reason;
    const why = signal.aborted ? `no answer within ${settings.requestTimeoutMs} ms` : reasonOf(error);
    throw new OAuthError(step, `could not reach ${url.href}: ${why}`, {
      cause: error,
      hint: 'check that the authorization server is up and reachable, then try again',
    });
  }
}

/**
 * The statuses that say a metadata document is not at a URL, so that the next candidate is
 * tried: not found or gone, and what servers answer for a path they do not serve (a bad
 * request, a login wall, a method or type they refuse). A redirect, which is not followed,
 * counts as well.
 */
const ABSENT = new Set([400, 401, 403, 404, 405, 406, 410]);

/**
 * The first of `urls` that answers with a success, as a JSON object with the URL it came
 * from; undefined when each says it has none (`ABSENT`). Metadata discovery tries its
 * candidates this way. Any other answer, such as a 5xx from a server that is down, fails the
 * step naming the server: guessing past it would send the login elsewhere.
 */
export async function firstDocument(
  settings: HttpSettings,
  urls: readonly URL[],
  step: OAuthStep,
): Promise<{ url: URL; json: Record<string, unknown> } | undefined> {
  for (const url of urls) {
    const response = await send(settings, url, { headers: { accept: 'application/json' } }, step);
    if (response.ok) return { url, json: await readJsonObject(response, url, step) };
    // The body of a document that is not there is not read; a cancel that fails changes nothing about the answer.
    await response.body?.cancel().catch(() => undefined);
    if (ABSENT.has(response.status) || (response.status >= 300 && response.status < 400)) continue;
    throw new OAuthError(step, `${url.origin} answered HTTP ${response.status} for ${url.href}`, {
      hint:
        response.status >= 500 || response.status === 429
          ? 'the server is down or overloaded; try again later, and tell its operator if it persists'
          : 'tell the server operator',
    });
  }
  return undefined;
}

/** Reads a JSON object body, or fails the step saying what came instead. */
export async function readJsonObject(response: Response, url: URL, step: OAuthStep): Promise<Record<string, unknown>> {
  const text = await readCapped(response, url, step);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new OAuthError(step, `${url.href} answered ${response.status} with a body that is not JSON (${preview(text)})`, {
      hint: 'the URL may not be an OAuth endpoint; check the server configuration',
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new OAuthError(step, `${url.href} answered JSON that is not an object (${preview(text)})`, {
      hint: 'the URL may not be an OAuth endpoint; check the server configuration',
    });
  }
  return parsed as Record<string, unknown>;
}

/** The body as text, refused as soon as it passes `MAX_BODY_BYTES`: a hostile server cannot fill the memory. */
async function readCapped(response: Response, url: URL, step: OAuthStep): Promise<string> {
  if (response.body === null) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) {
      // The body is abandoned for the error below; a cancel that fails changes nothing about it.
      await response.body.cancel().catch(() => undefined);
      throw tooLarge(url.href, step);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `response` with a body that fails, cancelling the download, once it passes
 * `MAX_BODY_BYTES`: for answers read by oauth4webapi (token, revocation), which reads whole
 * bodies, so that a hostile token endpoint cannot stream gigabytes into memory.
 */
export function capBody(response: Response, url: string, step: OAuthStep): Response {
  if (response.body === null) return response;
  let size = 0;
  const cap = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      size += chunk.byteLength;
      if (size <= MAX_BODY_BYTES) controller.enqueue(chunk);
      else controller.error(tooLarge(url, step));
    },
  });
  return new Response(response.body.pipeThrough(cap), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

function tooLarge(url: string, step: OAuthStep): OAuthError {
  return new OAuthError(step, `${url} answered more than the ${MAX_BODY_BYTES} bytes an OAuth answer may have`, {
    hint: 'the URL may not be an OAuth endpoint; check the server configuration',
  });
}

/** The start of a body, for an error message. */
export function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length === 0 ? 'empty' : JSON.stringify(flat.length > 120 ? `${flat.slice(0, 120)}…` : flat);
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
