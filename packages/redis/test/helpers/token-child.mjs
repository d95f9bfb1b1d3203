// A second process for the token tests: it shares the logins of the test through redisTokenStore
// (the built package) and never logs in itself (interactive: false). Driven by environment
// variables; answers one JSON line on stdout.
//   call       connects to MCP_URL with an OAuthProvider on the store, calls `whoami`, and prints
//              { text, refreshRequests }: how many refresh_token requests it sent. With WAIT_GO=1
//              it first prints { ready: true } and waits for a line on stdin; TOKEN_DELAY_MS
//              delays its token requests (a slow authorization server, which widens any race).
//   hold-lock  takes the store's lock LOCK_NAME for LOCK_TTL_MS, prints { held: true }, and waits
//              to be killed.
import { createInterface } from 'node:readline';
import { setInterval } from 'node:timers';
import { McpClient } from '@mcpx/core';
import { OAuthProvider } from '@mcpx/auth';
import { StreamableHttpTransport } from '@mcpx/http';
import { createClient } from '@redis/client';
import { redisTokenStore } from '../../dist/index.js';

const env = process.env;
const say = (value) => process.stdout.write(`${JSON.stringify(value)}\n`);

const redis = createClient({ url: env.REDIS_URL });
redis.on('error', () => undefined);
await redis.connect();
const store = redisTokenStore(redis, { encryptionKey: env.ENCRYPTION_KEY, prefix: env.PREFIX });

if (process.argv[2] === 'hold-lock') {
  await store.lock(env.LOCK_NAME, Number(env.LOCK_TTL_MS));
  say({ held: true });
  setInterval(() => undefined, 60_000);
} else {
  let refreshRequests = 0;
  const delayMs = Number(env.TOKEN_DELAY_MS ?? 0);
  const fetchWithCount = async (input, init) => {
    if (String(init?.body ?? '').includes('grant_type=refresh_token')) {
      refreshRequests += 1;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    return globalThis.fetch(input, init);
  };
  const provider = new OAuthProvider({ store, interactive: false, fetch: fetchWithCount });
  if (env.WAIT_GO === '1') {
    say({ ready: true });
    const lines = createInterface({ input: process.stdin });
    await new Promise((resolve) => lines.once('line', resolve));
    lines.close();
  }
  const client = new McpClient({ server: 'protected', eraCache: false });
  try {
    await client.connect(new StreamableHttpTransport(env.MCP_URL, { authProvider: provider }));
    const result = await client.callTool('whoami');
    say({ text: result.content.map((block) => block.text ?? '').join('\n'), refreshRequests });
  } catch (error) {
    say({ error: String(error?.message ?? error), refreshRequests });
  } finally {
    await client.close();
    redis.destroy();
  }
}
