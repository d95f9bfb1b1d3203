/** The protocol revisions of the legacy (initialize-handshake) era, newest first. */
export const LEGACY_PROTOCOL_VERSIONS = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'] as const;

/** A protocol revision of the legacy era. */
export type LegacyProtocolVersion = (typeof LEGACY_PROTOCOL_VERSIONS)[number];

/** The newest legacy revision, the one a client offers first in `initialize`. */
export const LATEST_LEGACY_PROTOCOL_VERSION = '2025-11-25' satisfies LegacyProtocolVersion;

/** Tells whether a negotiated `protocolVersion` is one of the legacy revisions. */
export function isLegacyProtocolVersion(version: string): version is LegacyProtocolVersion {
  return (LEGACY_PROTOCOL_VERSIONS as readonly string[]).includes(version);
}
