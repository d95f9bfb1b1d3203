const SENTINEL = /^=\?base64\?[\s\S]*\?=$/;
const PLAIN = /^[\x20-\x7E]*$/;

/**
 * A value as an HTTP header value, the way 2026-07-28 mirrors `Mcp-Name` and `Mcp-Param-*`:
 * as it is when it is plain visible ASCII (spaces inside allowed), otherwise, and when it
 * looks like the sentinel itself, `=?base64?{Base64 of its UTF-8}?=`.
 */
export function encodeHeaderValue(value: string): string {
  if (PLAIN.test(value) && value.trim() === value && !SENTINEL.test(value)) return value;
  let binary = '';
  for (const byte of new TextEncoder().encode(value)) binary += String.fromCharCode(byte);
  return `=?base64?${btoa(binary)}?=`;
}

/** Whether `value` can be sent as a header value as it is (methods are never encoded). */
export function isPlainHeaderValue(value: string): boolean {
  return PLAIN.test(value) && value.trim() === value;
}
