import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isInstalled, isMissingPackage, loadTransport, supportedTransports } from './peers.js';

// A folder without node_modules above it: nothing is installed from there.
const empty = mkdtempSync(join(tmpdir(), 'mcpx-no-peers-'));

afterAll(() => rmSync(empty, { recursive: true, force: true }));

describe('transport packages', () => {
  it('reports each transport with its package and whether it is installed', () => {
    expect(supportedTransports()).toEqual([
      { transport: 'stdio', package: '@mcpx/stdio', installed: true },
      { transport: 'http', package: '@mcpx/http', installed: true },
      { transport: 'sse', package: '@mcpx/sse', installed: true },
      { transport: 'websocket', package: '@mcpx/websocket', installed: true },
      { transport: 'grpc', package: '@mcpx/grpc', installed: true },
    ]);
  });

  it('looks for a package in the node_modules folders above the module, as import() does', () => {
    expect(isInstalled('http', pathToFileURL(join(empty, 'index.js')))).toBe(false);
  });

  it('loads a transport package on first use, once', async () => {
    const first = await loadTransport('stdio', 'everything');
    expect(typeof first.StdioTransport).toBe('function');
    expect(await loadTransport('stdio', 'other')).toBe(first);
  });

  it("tells a missing package from a package whose own import is missing, by Node's messages", () => {
    const missing = Object.assign(
      new Error("Cannot find package '@mcpx/http' imported from /app/node_modules/@mcpx/factory/dist/index.js"),
      { code: 'ERR_MODULE_NOT_FOUND' },
    );
    const transitive = Object.assign(new Error("Cannot find package 'undici' imported from /app/node_modules/@mcpx/http/dist/index.js"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    expect(isMissingPackage(missing, '@mcpx/http')).toBe(true);
    expect(isMissingPackage(transitive, '@mcpx/http')).toBe(false);
    expect(isMissingPackage(new TypeError('x is not a function'), '@mcpx/http')).toBe(false);
  });
});
