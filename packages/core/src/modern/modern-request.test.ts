import { describe, expect, it } from 'vitest';
import { ExtensionRegistry } from '../extensions/extension-registry.js';
import { identityKey } from './cache-key.js';
import { GuardedStore } from './guarded-store.js';
import { LruCacheStore } from './lru-cache-store.js';
import { modernRequest, type ModernRequestContext } from './modern-request.js';
import { ResponseCache } from './response-cache.js';

/** A context whose `send` answers from `answers` in turn and records the params of each send. */
function contextFor(method: string, answers: Array<Record<string, unknown>>, cache?: ResponseCache) {
  const sent: Array<Record<string, unknown> | undefined> = [];
  const context: ModernRequestContext = {
    send: (params) => {
      sent.push(params);
      const answer = answers.shift();
      return answer === undefined ? Promise.reject(new Error('no answer left')) : Promise.resolve(answer);
    },
    cache,
    handlers: {},
    where: { server: 'docs', method },
    signal: undefined,
    requestContext: undefined,
    options: {},
    maxRounds: undefined,
    extensions: new ExtensionRegistry([], () => ({}) as never, 'docs'),
  };
  return { context, sent };
}

const asIs = (result: Record<string, unknown>) => result;

/** A response cache over an in-memory store, for the server `docs`. */
function responseCache(): ResponseCache {
  const store = new GuardedStore(new LruCacheStore(), { timeoutMs: 60_000, warn: () => undefined, server: undefined });
  return new ResponseCache(store, 'docs', identityKey('me'));
}

describe('modernRequest', () => {
  it('first sends a method that may ask for input with params, an empty object when none were given, and others as they are', async () => {
    const call = contextFor('tools/call', [{ content: [] }]);
    await modernRequest(call.context, undefined, asIs);
    expect(call.sent).toEqual([{}]);

    const list = contextFor('tools/list', [{ tools: [] }]);
    await modernRequest(list.context, undefined, asIs);
    expect(list.sent).toEqual([undefined]);
  });

  it('first sends a method the cache may hold that may ask for input with an empty object too, when no params were given', async () => {
    const read = contextFor('resources/read', [{ contents: [] }], responseCache());
    await modernRequest(read.context, undefined, asIs);
    expect(read.sent).toEqual([{}]);
  });

  it('resolves with what finish makes of a final result', async () => {
    const { context } = contextFor('tools/call', [{ content: [], resultType: 'complete' }]);
    await expect(modernRequest(context, { name: 'echo' }, (result) => ({ finished: result }))).resolves.toEqual({
      finished: { content: [], resultType: 'complete' },
    });
  });

  it('sends the request again with the requestState an input_required answer carries, and finishes the final answer', async () => {
    const { context, sent } = contextFor('tools/call', [
      { resultType: 'input_required', requestState: 'step-1' },
      { content: [{ type: 'text', text: 'done' }] },
    ]);
    const result = await modernRequest(context, { name: 'deploy' }, (answer) => answer.content);
    expect(result).toEqual([{ type: 'text', text: 'done' }]);
    expect(sent).toEqual([{ name: 'deploy' }, { name: 'deploy', requestState: 'step-1' }]);
  });

  it('rejects with what finish throws', async () => {
    const { context } = contextFor('tools/call', [{ content: [] }]);
    const failing = (): never => {
      throw new Error('not a valid result');
    };
    await expect(modernRequest(context, { name: 'echo' }, failing)).rejects.toThrow('not a valid result');
  });

  it('finishes a cached result too, and sends a method the cache holds once while its result is fresh', async () => {
    const cache = responseCache();
    const answer = { tools: [], ttlMs: 60_000 };
    const { context, sent } = contextFor('tools/list', [answer], cache);
    const wrap = (result: Record<string, unknown>) => ({ wrapped: result });
    expect(await modernRequest(context, undefined, wrap)).toEqual({ wrapped: answer });
    expect(await modernRequest(context, undefined, wrap)).toEqual({ wrapped: answer });
    expect(sent).toHaveLength(1);
  });
});
