// What the bench's echo servers add to speak 2026-07-28 beside the legacy era, as the servers of
// issue 17's harness do (mcpx, in its default era, then talks 2026-07-28 to them; the official
// client and the raw loop, which send `initialize`, talk 2025-11-25). A request is modern when
// its `_meta` names a protocol version; `server/discover` is answered with 2026-07-28, its
// capabilities and server info; a modern result carries `resultType: "complete"`.
// `--era=legacy` on a server's command line leaves the modern era out: `server/discover` then
// gets "method not found", as a legacy server answers it, and the client falls back to
// `initialize`.

export const MODERN_VERSION = '2026-07-28';
const VERSION_KEY = 'io.modelcontextprotocol/protocolVersion';

/** Whether the server was started with `--era=legacy` (legacy only); otherwise it speaks both eras. */
export const legacyOnly = process.argv.includes('--era=legacy');

/** Whether `msg` is a request of the 2026-07-28 era this server answers (never when legacy only). */
export function isModern(msg) {
  return !legacyOnly && msg.params?._meta?.[VERSION_KEY] === MODERN_VERSION;
}

/** The `server/discover` result, as JSON text. */
export function discoverResult(name) {
  return JSON.stringify({
    resultType: 'complete',
    supportedVersions: [MODERN_VERSION],
    capabilities: { tools: {} },
    _meta: { 'io.modelcontextprotocol/serverInfo': { name, version: '1.0.0' } },
  });
}

/**
 * The result of the `tools/call` echo request `msg`, as JSON text: its argument `text` as text
 * content, with `resultType` first when `modern`. Built in one piece, so a modern answer costs
 * the server no more copying of a large text than a legacy one (`withResultType` would copy it
 * again).
 */
export function echoResult(msg, modern) {
  const text = String(msg.params?.arguments?.text ?? '');
  return `{${modern ? '"resultType":"complete",' : ''}"content":[{"type":"text","text":${JSON.stringify(text)}}]}`;
}

/** A result's JSON object text `json` (`{...}`) with `resultType: "complete"` first when `modern`. */
export function withResultType(json, modern) {
  if (!modern) return json;
  return json === '{}' ? '{"resultType":"complete"}' : `{"resultType":"complete",${json.slice(1)}`;
}
