import type { CacheEntry, CacheStore } from '../../src/modern/cache-store.js';
import { FakeServer } from '../../src/testing/fake-server.js';
import { McpClient } from '../../src/client/mcp-client.js';
import type { ClientEventMap } from '../../src/client/events.js';
import type { McpClientOptions } from '../../src/client/options.js';

// The response-cache store tests' servers and stores (client-cache-store.test.ts, client-cache-invalidation.test.ts).

/** A 2026-07-28 fake server whose tools/list is cacheable, named after `label`. */
export function server(label: string, cacheScope?: 'public' | 'private') {
  const fake = new FakeServer({ modernVersions: ['2026-07-28'] });
  fake.handle('tools/list', () => ({
    resultType: 'complete',
    tools: [{ name: label, inputSchema: { type: 'object' } }],
    ttlMs: 3_600_000,
    ...(cacheScope === undefined ? {} : { cacheScope }),
  }));
  return fake;
}

export async function connected(fake: FakeServer, options: McpClientOptions = {}) {
  const client = new McpClient({ eraCache: false, ...options });
  const warnings: ClientEventMap['warning'][] = [];
  client.on('warning', (event) => warnings.push(event));
  await client.connect(fake.clientTransport);
  return { client, warnings };
}

/** A store over a map whose operations return promises, settled after `delayMs`, or rejected with `failure`. */
export class AsyncStore implements CacheStore {
  readonly entries = new Map<string, CacheEntry>();
  failure: Error | undefined;
  /** Whether only `set` fails with `failure`. */
  onlySetsFail = false;
  gets = 0;
  sets = 0;
  settled = 0;
  constructor(private readonly delayMs = 1) {}
  private later<T>(value: () => T, failure = this.failure): Promise<T> {
    return new Promise((resolve, reject) =>
      setTimeout(() => {
        this.settled++;
        if (failure === undefined) resolve(value());
        else reject(failure);
      }, this.delayMs),
    );
  }
  get(key: string) {
    this.gets++;
    return this.later(() => this.entries.get(key), this.onlySetsFail ? undefined : this.failure);
  }
  set(key: string, entry: CacheEntry) {
    this.sets++;
    return this.later(() => void this.entries.set(key, entry));
  }
  delete(key: string) {
    return this.later(() => void this.entries.delete(key));
  }
  deletePrefix(prefix: string) {
    return this.later(() => {
      for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
    });
  }
}

export const toolNames = async (client: McpClient) => (await client.listTools()).tools.map((tool) => tool.name);

/** A store whose reads are recorded and answer only when `answer` is called. */
export class HeldStore extends AsyncStore {
  readonly held: string[] = [];
  private readonly answers: (() => void)[] = [];
  override get(key: string) {
    this.held.push(key);
    return new Promise<CacheEntry | undefined>((resolve) => this.answers.push(() => resolve(undefined)));
  }
  answer(): void {
    for (const answer of this.answers.splice(0)) answer();
  }
}

/** A store that never answers. */
export class SilentStore extends AsyncStore {
  override get() {
    this.gets++;
    return new Promise<CacheEntry | undefined>(() => undefined);
  }
  override set() {
    return new Promise<undefined>(() => undefined);
  }
}
