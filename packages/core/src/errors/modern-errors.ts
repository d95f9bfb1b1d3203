import { hasBrand } from './mcpx-error.js';
import { ErrorCode, ProtocolError } from './protocol-error.js';

type Init = ConstructorParameters<typeof ProtocolError>[0];

const headerBrand: unique symbol = Symbol.for('mcpx.error.HeaderMismatchError');
const capabilityBrand: unique symbol = Symbol.for('mcpx.error.MissingRequiredClientCapabilityError');

/** The server found the HTTP headers and the body disagreeing (-32020, 2026-07-28). */
export class HeaderMismatchError extends ProtocolError {
  private readonly [headerBrand] = true;

  constructor(init: Init) {
    super(init);
    this.name = 'HeaderMismatchError';
  }

  /** True when `error` is a `HeaderMismatchError`. */
  static override isInstance(error: unknown): error is HeaderMismatchError {
    return hasBrand(error, headerBrand);
  }
}

/** The request needs a client capability this client did not declare (-32021, 2026-07-28). */
export class MissingRequiredClientCapabilityError extends ProtocolError {
  private readonly [capabilityBrand] = true;

  constructor(init: Init) {
    super(init);
    this.name = 'MissingRequiredClientCapabilityError';
  }

  /** True when `error` is a `MissingRequiredClientCapabilityError`. */
  static override isInstance(error: unknown): error is MissingRequiredClientCapabilityError {
    return hasBrand(error, capabilityBrand);
  }
}

/** The peer's JSON-RPC error as the most specific `ProtocolError` its code names. */
export function protocolErrorFrom(init: Init): ProtocolError {
  switch (init.code) {
    case ErrorCode.HeaderMismatch:
      return new HeaderMismatchError(init);
    case ErrorCode.MissingRequiredClientCapability:
      return new MissingRequiredClientCapabilityError(init);
    default:
      return new ProtocolError(init);
  }
}

/** The error codes only a 2026-07-28 (or later) server sends: their presence proves a modern peer. */
export const MODERN_ERROR_CODES: ReadonlySet<number> = new Set([
  ErrorCode.HeaderMismatch,
  ErrorCode.MissingRequiredClientCapability,
  ErrorCode.UnsupportedProtocolVersion,
]);
