// The revision list lives beside the zod-free runtime code; this module re-exports it for the schemas.
import type { MODERN_PROTOCOL_VERSIONS } from '../../modern/versions.js';

export { MODERN_PROTOCOL_VERSIONS } from '../../modern/versions.js';

/** A protocol revision of the modern era. */
export type ModernProtocolVersion = (typeof MODERN_PROTOCOL_VERSIONS)[number];
