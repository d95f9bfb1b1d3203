import type { HeaderRecord } from './headers.js';

/** The session of a Streamable HTTP connection: its id, the negotiated revision, and how it began. */
export class Session {
  /** The `Mcp-Session-Id` the server assigned, if any. */
  id: string | undefined;
  /** The revision negotiated by the client, sent as `MCP-Protocol-Version`. */
  protocolVersion: string | undefined;
  /** The params of the `initialize` request the client sent, replayed to renew an expired session. */
  initializeParams: Record<string, unknown> | undefined;
  /** Whether the client has sent `notifications/initialized`. */
  initialized = false;

  /** The headers that place a request in the session; `initialize` carries none of them. */
  headers(forInitialize: boolean): HeaderRecord {
    const headers: HeaderRecord = {};
    if (forInitialize) return headers;
    if (this.id !== undefined) headers['mcp-session-id'] = this.id;
    if (this.protocolVersion !== undefined) headers['mcp-protocol-version'] = this.protocolVersion;
    return headers;
  }
}

/** A session id must be visible ASCII (0x21 to 0x7E), says the specification. */
export function isValidSessionId(id: string): boolean {
  return /^[\x21-\x7E]+$/.test(id);
}
