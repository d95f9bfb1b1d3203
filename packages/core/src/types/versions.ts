import { z } from 'zod';
import { LEGACY_PROTOCOL_VERSIONS } from '../versions.js';

export { LEGACY_PROTOCOL_VERSIONS, LATEST_LEGACY_PROTOCOL_VERSION, isLegacyProtocolVersion } from '../versions.js';
export type { LegacyProtocolVersion } from '../versions.js';

/** Accepts exactly the legacy protocol revisions. */
export const LegacyProtocolVersionSchema = z.enum(LEGACY_PROTOCOL_VERSIONS);
