import { HeaderMismatchError } from './header-mismatch-error.js';
import { MissingRequiredClientCapabilityError } from './missing-required-client-capability-error.js';
import { ErrorCode, ProtocolError } from './protocol-error.js';
import { UrlElicitationRequiredError } from './url-elicitation-required-error.js';

/** The peer's JSON-RPC error as the most specific `ProtocolError` its code names. */
export function protocolErrorFrom(init: ConstructorParameters<typeof ProtocolError>[0]): ProtocolError {
  switch (init.code) {
    case ErrorCode.HeaderMismatch:
      return new HeaderMismatchError(init);
    case ErrorCode.MissingRequiredClientCapability:
      return new MissingRequiredClientCapabilityError(init);
    case ErrorCode.UrlElicitationRequired:
      return new UrlElicitationRequiredError(init);
    default:
      return new ProtocolError(init);
  }
}
