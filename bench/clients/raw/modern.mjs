// What the raw loops need to speak 2026-07-28 (the `raw-modern` client): the `_meta` envelope
// every request carries, made once and shared by every request, as a hand-written loop would.
export const MODERN_VERSION = '2026-07-28';

/** The `_meta` of every 2026-07-28 request: the revision, the client's name and its (no) capabilities. */
export const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': MODERN_VERSION,
  'io.modelcontextprotocol/clientInfo': { name: 'bench-raw', version: '1.0.0' },
  'io.modelcontextprotocol/clientCapabilities': {},
};

/** Checks a `server/discover` result offers 2026-07-28; a bench server that does not is a setup error. */
export function checkDiscovered(result) {
  if (!result?.supportedVersions?.includes(MODERN_VERSION))
    throw new Error(`bench: the server does not offer ${MODERN_VERSION} (start it without --era=legacy)`);
}
