import { describe, expect, it } from 'vitest';
import type { ClientEventMap } from '../client/events.js';
import { McpClient } from '../client/mcp-client.js';
import { CacheStoreError } from '../errors/cache-store-error.js';
import { FakeServer } from '../testing/fake-server.js';
import type { Era, EraStore } from './era-cache.js';

/** A legacy fake server whose transport is described as `description`, so that two of them are one server to the era cache. */
function legacyServer(description = 'same-server') {
  const server = new FakeServer();
  Object.defineProperty(server.clientTransport, 'description', { value: description });
  return server;
}

/** An era store over a map whose operations answer with promises. */
class AsyncEraStore implements EraStore {
  readonly eras = new Map<string, Era>();
  get(key: string) {
    return Promise.resolve(this.eras.get(key));
  }
  set(key: string, era: Era) {
    this.eras.set(key, era);
    return Promise.resolve();
  }
  delete(key: string) {
    this.eras.delete(key);
    return Promise.resolve();
  }
}

describe('an era store', () => {
  it('that answers with promises remembers a legacy server, and the next client skips the probe', async () => {
    const store = new AsyncEraStore();
    const first = legacyServer();
    await new McpClient({ eraCache: store }).connect(first.clientTransport);
    const second = legacyServer();
    await new McpClient({ eraCache: store }).connect(second.clientTransport);
    expect(store.eras.get('same-server')).toBe('legacy');
    expect(second.requests('server/discover')).toHaveLength(0);
  });

  it('that fails never fails a connection: the server is probed, and the client warns once', async () => {
    const failure = new Error('connection refused');
    const store: EraStore = {
      get: () => Promise.reject(failure),
      set: () => Promise.reject(failure),
      delete: () => Promise.reject(failure),
    };
    const client = new McpClient({ server: 'docs', eraCache: store });
    const warnings: ClientEventMap['warning'][] = [];
    client.on('warning', (event) => warnings.push(event));
    const server = legacyServer();
    const session = await client.connect(server.clientTransport);
    expect(session.era).toBe('legacy');
    expect(server.requests('server/discover')).toHaveLength(1);
    expect(warnings).toHaveLength(1);
    expect(CacheStoreError.isInstance(warnings[0]?.error)).toBe(true);
    expect(warnings[0]?.error.message).toContain('the era cache failed');
  });

  it('whose value is not an era makes the client probe', async () => {
    const store: EraStore = { get: () => 'garbage' as Era, set: () => undefined, delete: () => undefined };
    const server = legacyServer();
    await new McpClient({ eraCache: store }).connect(server.clientTransport);
    expect(server.requests('server/discover')).toHaveLength(1);
  });
});
