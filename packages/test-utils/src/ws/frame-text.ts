import type { RawData } from 'ws';

/** The text of a WebSocket message as `ws` delivers it: one buffer, an ArrayBuffer, or fragments. */
export function frameText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (Buffer.isBuffer(data) ? data : Buffer.from(data)).toString('utf8');
}
