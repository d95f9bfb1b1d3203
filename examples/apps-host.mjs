// An MCP Apps host in a few lines: find the tool that has an app, read the app with the security
// policy to frame it with, write a host page that frames it in a sandbox, and relay a request the
// app would send (`tools/call` of its own tool) while refusing one it may not send.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { McpClient } from '@mcpx/core';
import { apps, withContentSecurityPolicy } from '@mcpx/core/apps';
import { StdioTransport } from '@mcpx/stdio';

const require = createRequire(import.meta.url);
const server = require.resolve('@modelcontextprotocol/server-basic-vanillajs').replace(/server\.js$/, 'index.js');

const appsExtension = apps();
const client = new McpClient({ name: 'mcpx-example', server: 'basic', extensions: [appsExtension] });
await client.connect(new StdioTransport({ command: process.execPath, args: [server, '--stdio'], stderr: 'ignore' }));
const api = client.extension(appsExtension);

const [{ tool, app: link }] = await api.tools();
console.log(`${tool.name} has an app: ${link.resourceUri}`);
const app = await api.read(tool);
console.log(`csp: ${app.contentSecurityPolicy}`);

// The app runs in a sandboxed frame, under the policy built from its own metadata, placed before
// anything of the app's document; the page goes to a new private folder, never to a guessable path.
const framed = withContentSecurityPolicy(app);
const page = `<!doctype html><iframe sandbox="allow-scripts" allow="${app.allow}" srcdoc="${framed.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"></iframe>`;
const file = join(await mkdtemp(join(tmpdir(), 'mcpx-apps-host-')), 'host.html');
await writeFile(file, page, { flag: 'wx', mode: 0o600 });
console.log(`host page: ${file}`);

// What the host does with the messages the frame posts to it.
const call = await api.relay({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'get-time', arguments: {} } });
console.log(`tools/call from the app: ${call.result.structuredContent.time}`);
const openLink = await api.relay({ jsonrpc: '2.0', id: 2, method: 'ui/open-link', params: { url: 'https://example.com' } });
console.log(`ui/open-link relayed: error ${openLink.error.code} (the host answers ui/ methods itself)`);
await client.close();
