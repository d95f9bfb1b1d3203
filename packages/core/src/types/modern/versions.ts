// The revision list lives beside the zod-free runtime code; this module re-exports it for the schemas.
export { MODERN_PROTOCOL_VERSIONS } from '../../modern/versions.js';

/** A protocol revision of the modern era. */
export type ModernProtocolVersion = (typeof import('../../modern/versions.js').MODERN_PROTOCOL_VERSIONS)[number];
