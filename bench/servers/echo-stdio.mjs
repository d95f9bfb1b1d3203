// A minimal MCP server over stdio: newline-delimited JSON-RPC, no dependencies.
// It does as little as it can, so the client under test dominates the cost.
// Tools: `echo` ({ text }) returns its text. It speaks 2026-07-28 (`server/discover`, per-request
// `_meta`) and the legacy era (`initialize`), see modern.mjs; `--era=legacy` makes it legacy only,
// so a client that probes with `server/discover` gets a prompt "method not found".
// Other requests get "method not found".
import { discoverResult, echoResult, isModern, legacyOnly, withResultType } from './modern.mjs';

const VERSIONS = new Set(['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25']);
const LATEST = '2025-11-25';
const TOOLS = JSON.stringify({
  tools: [
    {
      name: 'echo',
      description: 'Returns its text.',
      inputSchema: { type: 'object', properties: { text: { type: 'string' } } },
    },
  ],
});

function result(id, json) {
  return `{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":${json}}\n`;
}

function answer(msg) {
  if (msg.id === undefined || typeof msg.method !== 'string') return ''; // notification or response
  const modern = isModern(msg);
  switch (msg.method) {
    case 'tools/call':
      return result(msg.id, echoResult(msg, modern));
    case 'tools/list':
      return result(msg.id, withResultType(TOOLS, modern));
    case 'ping':
      return result(msg.id, withResultType('{}', modern));
    case 'server/discover':
      if (legacyOnly) break;
      return result(msg.id, discoverResult('bench-echo'));
    case 'initialize': {
      const asked = msg.params?.protocolVersion;
      const protocolVersion = VERSIONS.has(asked) ? asked : LATEST;
      return result(
        msg.id,
        JSON.stringify({
          protocolVersion,
          capabilities: { tools: {} },
          serverInfo: { name: 'bench-echo', version: '1.0.0' },
        }),
      );
    }
  }
  return `{"jsonrpc":"2.0","id":${JSON.stringify(msg.id)},"error":{"code":-32601,"message":"Method not found"}}\n`;
}

let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  const lines = (pending + chunk).split('\n');
  pending = lines.pop();
  let out = '';
  for (const line of lines) {
    if (line.length === 0) continue;
    let msg;
    try {
      msg = JSON.parse(line);
    } catch {
      continue;
    }
    out += answer(msg);
  }
  // One write per chunk: a burst of requests gets one burst of responses.
  if (out.length > 0) process.stdout.write(out);
});
process.stdin.on('end', () => process.exit(0));
