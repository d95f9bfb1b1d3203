import { LEGACY_PROTOCOL_VERSIONS } from '../versions.js';

/** The protocol revisions of the modern (stateless, per-request `_meta`) era, newest first. */
export const MODERN_PROTOCOL_VERSIONS = ['2026-07-28'] as const;

/** The newest modern revision, the one a client tries first. */
export const LATEST_PROTOCOL_VERSION = '2026-07-28';

/** Every revision this client speaks, newest first. */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly string[] = [...MODERN_PROTOCOL_VERSIONS, ...LEGACY_PROTOCOL_VERSIONS];

/** True for a revision of the modern era. */
export function isModernProtocolVersion(version: string): boolean {
  return (MODERN_PROTOCOL_VERSIONS as readonly string[]).includes(version);
}

/** The newest revision both sides support, or undefined. Revisions are dates, so they sort as text. */
export function newestMutualVersion(theirs: readonly string[], ours: readonly string[] = SUPPORTED_PROTOCOL_VERSIONS): string | undefined {
  return [...theirs]
    .filter((version) => ours.includes(version))
    .sort()
    .pop();
}
