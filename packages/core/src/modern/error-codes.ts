import { ErrorCode } from '../errors/protocol-error.js';

/** The error codes only a 2026-07-28 (or later) server sends: their presence proves a modern peer. */
export const MODERN_ERROR_CODES: ReadonlySet<number> = new Set([
  ErrorCode.HeaderMismatch,
  ErrorCode.MissingRequiredClientCapability,
  ErrorCode.UnsupportedProtocolVersion,
]);
