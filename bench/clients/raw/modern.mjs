// What the raw loops need to speak 2026-07-28 (the `raw-modern` client): the `_meta` envelope
// every request carries, made once and shared by every request, as a hand-written loop would.
export const MODERN_VERSION = '2026-07-28';

/** The `_meta` of every 2026-07-28 request: the revision, the client's name and its (no) capabilities. */
export const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': MODERN_VERSION,
  'io.modelcontextprotocol/clientInfo': { name: 'bench-raw', version: '1.0.0' },
  'io.modelcontextprotocol/clientCapabilities': {},
};

/**
 * Sends `server/discover` through `request` and checks the server offers 2026-07-28: a bench
 * server that does not (started with `--era=legacy`) is a setup error, named as such.
 */
export async function discover(request) {
  const hint = `the server must speak ${MODERN_VERSION} for raw-modern (start it without --era=legacy)`;
  let result;
  try {
    result = await request('server/discover', { _meta: ENVELOPE });
  } catch (error) {
    throw new Error(`bench: server/discover failed (${error.message}): ${hint}`);
  }
  if (!result?.supportedVersions?.includes(MODERN_VERSION)) throw new Error(`bench: server/discover does not offer it: ${hint}`);
}
