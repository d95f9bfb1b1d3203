import type { JsonRpcErrorResponse, RequestId } from '@mcpx/core';
import { readLimited } from '../body.js';
import type { HttpResponse } from '../http-response.js';

/** Statuses a 2026-07-28 server answers with a JSON-RPC error body: 400 (version, header and capability errors) and 404 (unknown method). */
export const ERROR_BODY_STATUSES: ReadonlySet<number> = new Set([400, 404]);

/**
 * Reads the body of a refused 2026-07-28 request (or of a refused `initialize`, which a
 * modern-only server answers the same way). A JSON-RPC error is returned as the
 * error response to `requestId` (servers may answer with a null id when they could not
 * read it), so the client sees the server's code; anything else is returned as text, for
 * the error message. Never throws.
 */
export async function readErrorAnswer(
  response: HttpResponse,
  requestId: RequestId,
  maxBytes: number,
): Promise<JsonRpcErrorResponse | string> {
  let text: string;
  try {
    text = await readLimited(response, maxBytes);
  } catch {
    return '';
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return text;
  }
  if (typeof body !== 'object' || body === null || !('jsonrpc' in body) || body.jsonrpc !== '2.0' || !('error' in body)) return text;
  const { error } = body;
  if (typeof error !== 'object' || error === null || !('code' in error) || !Number.isInteger(error.code)) return text;
  const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
  const answer: JsonRpcErrorResponse = { jsonrpc: '2.0', id: requestId, error: { code: error.code as number, message } };
  if ('data' in error) answer.error.data = error.data;
  return answer;
}
