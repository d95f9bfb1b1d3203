import type { HeaderRecord } from './headers.js';

/** What every POST accepts and carries. */
export const POST_HEADERS: HeaderRecord = { accept: 'application/json, text/event-stream', 'content-type': 'application/json' };

/**
 * The session of a Streamable HTTP connection: its id and the negotiated revision. Its header
 * records are built once each time the id or the revision changes, and shared by every request
 * until then: nobody may change them.
 */
export class Session {
  #id: string | undefined;
  #protocolVersion: string | undefined;
  #headers: HeaderRecord | undefined;
  #postHeaders: HeaderRecord | undefined;

  /** The `Mcp-Session-Id` the server assigned, if any. */
  get id(): string | undefined {
    return this.#id;
  }

  set id(id: string | undefined) {
    this.#id = id;
    this.#headers = this.#postHeaders = undefined;
  }

  /** The revision negotiated by the client, sent as `MCP-Protocol-Version`. */
  get protocolVersion(): string | undefined {
    return this.#protocolVersion;
  }

  set protocolVersion(version: string | undefined) {
    this.#protocolVersion = version;
    this.#headers = this.#postHeaders = undefined;
  }

  /** The headers that place a request in the session; `initialize` carries none of them. */
  headers(forInitialize: boolean): HeaderRecord {
    if (forInitialize) return {};
    if (this.#headers === undefined) {
      const headers: HeaderRecord = {};
      if (this.#id !== undefined) headers['mcp-session-id'] = this.#id;
      if (this.#protocolVersion !== undefined) headers['mcp-protocol-version'] = this.#protocolVersion;
      this.#headers = headers;
    }
    return this.#headers;
  }

  /** The headers of a POST in the session (of `initialize`: outside it), with `Accept` and `Content-Type`. */
  postHeaders(forInitialize: boolean): HeaderRecord {
    if (forInitialize) return POST_HEADERS;
    this.#postHeaders ??= { ...this.headers(false), ...POST_HEADERS };
    return this.#postHeaders;
  }
}

/** A session id must be visible ASCII (0x21 to 0x7E), says the specification. */
export function isValidSessionId(id: string): boolean {
  return /^[\x21-\x7E]+$/.test(id);
}
