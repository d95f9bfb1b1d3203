import type { ClientCapabilities, Implementation, ServerCapabilities } from './types/index.js';

/** What a client knows about the server once connected, whatever the protocol era. */
export interface ServerSession {
  /** `'legacy'` for revisions 2024-11-05 to 2025-11-25 (initialize handshake), `'modern'` from 2026-07-28 (stateless). */
  readonly era: 'legacy' | 'modern';
  /** The negotiated protocol revision. */
  readonly protocolVersion: string;
  /** The server's name and version. */
  readonly serverInfo: Implementation;
  /** What the server supports. */
  readonly capabilities: ServerCapabilities;
  /** Usage hints the server gave, if any. */
  readonly instructions: string | undefined;
  /** The capabilities this client declared. */
  readonly clientCapabilities: ClientCapabilities;
  /** Every revision a modern server said it supports. */
  readonly supportedVersions?: readonly string[] | undefined;
}
