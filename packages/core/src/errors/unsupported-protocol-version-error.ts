import { hasBrand } from './mcpx-error.js';
import { LocalError, type LocalErrorOptions } from './local-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.UnsupportedProtocolVersionError');

/** The server and this client share no protocol revision. */
export class UnsupportedProtocolVersionError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'UNSUPPORTED_PROTOCOL_VERSION';
  /** The revision(s) the server offered or supports. */
  readonly serverVersions: readonly string[];
  /** The revisions this client supports. */
  readonly clientVersions: readonly string[];

  constructor(serverVersions: readonly string[], clientVersions: readonly string[], options: LocalErrorOptions = {}) {
    super(
      `the server speaks protocol revision ${serverVersions.join(', ') || '(none given)'}, this client supports ${clientVersions.join(', ')}; upgrade the side that is older`,
      options,
    );
    this.name = 'UnsupportedProtocolVersionError';
    this.serverVersions = serverVersions;
    this.clientVersions = clientVersions;
  }

  /** True when `error` is an `UnsupportedProtocolVersionError`. */
  static override isInstance(error: unknown): error is UnsupportedProtocolVersionError {
    return hasBrand(error, brand);
  }
}
