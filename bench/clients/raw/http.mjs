// The raw loop over Streamable HTTP: an undici `Pool` (keep-alive, as many connections as
// requests in flight, like fetch's default dispatcher) and its `request()` API, one POST a
// message, JSON answers parsed whole. Measured here, it costs ~25% less CPU per call than a
// `node:http` keep-alive `Agent`, and does ~1.5-2× its throughput with 256 calls in flight.
// `modern` speaks 2026-07-28 (the `raw-modern` client): `server/discover` and no session, every
// request with the `_meta` envelope and the `MCP-Protocol-Version`, `Mcp-Method` and (for
// `tools/call`) `Mcp-Name` headers, each set of headers made once.
import { Pool } from 'undici';
import { ENVELOPE, MODERN_VERSION, discover } from './modern.mjs';

export async function connect(server, { modern = false } = {}) {
  const url = new URL(server.url);
  const pool = new Pool(url.origin);
  const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  let nextId = 1;

  async function post(message, sent = headers) {
    const response = await pool.request({ path: url.pathname, method: 'POST', headers: sent, body: JSON.stringify(message) });
    if (response.statusCode === 202) {
      await response.body.dump();
      return { response, msg: undefined };
    }
    if (response.statusCode !== 200)
      throw new Error(`bench: ${message.method} got HTTP ${response.statusCode}: ${await response.body.text()}`);
    return { response, msg: await response.body.json() };
  }

  async function request(method, params, sent) {
    const { msg } = await post({ jsonrpc: '2.0', id: nextId++, method, params }, sent);
    if (msg.error) throw new Error(msg.error.message);
    return msg.result;
  }

  if (modern) {
    const modernHeaders = (method, name) => ({
      ...headers,
      'mcp-protocol-version': MODERN_VERSION,
      'mcp-method': method,
      ...(name === undefined ? {} : { 'mcp-name': name }),
    });
    const discoverHeaders = modernHeaders('server/discover');
    await discover((method, params) => request(method, params, discoverHeaders));
    const listHeaders = modernHeaders('tools/list');
    const echoHeaders = modernHeaders('tools/call', 'echo');
    return {
      listTools: () => request('tools/list', { _meta: ENVELOPE }, listHeaders),
      echo: (text) => request('tools/call', { name: 'echo', arguments: { text }, _meta: ENVELOPE }, echoHeaders),
      // Stateless: no session to end.
      close: () => pool.close(),
    };
  }

  const { response, msg } = await post({
    jsonrpc: '2.0',
    id: 0,
    method: 'initialize',
    params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'bench-raw', version: '1.0.0' } },
  });
  const sessionId = response.headers['mcp-session-id'];
  if (sessionId !== undefined) headers['mcp-session-id'] = sessionId;
  headers['mcp-protocol-version'] = msg.result.protocolVersion;
  await post({ jsonrpc: '2.0', method: 'notifications/initialized' });

  return {
    listTools: () => request('tools/list', {}),
    echo: (text) => request('tools/call', { name: 'echo', arguments: { text } }),
    close: async () => {
      const { body } = await pool.request({ path: url.pathname, method: 'DELETE', headers });
      await body.dump();
      await pool.close();
    },
  };
}
