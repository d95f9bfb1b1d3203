import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/config-error.js';
import { dependencyFailed, onFirstUse } from './on-first-use.js';

describe('onFirstUse', () => {
  it('loads at the first call, once, and gives every call the same promise', async () => {
    let loads = 0;
    const load = onFirstUse(
      () => Promise.resolve({ loaded: ++loads }),
      (error) => new Error(String(error)),
    );
    expect(loads).toBe(0);
    const first = load();
    const second = load();
    expect(second).toBe(first);
    expect(await first).toEqual({ loaded: 1 });
    expect(await load()).toEqual({ loaded: 1 });
    expect(loads).toBe(1);
  });

  it('rejects with what `failed` makes of the error, and tries again at the next call', async () => {
    const attempts: string[] = [];
    const load = onFirstUse(
      () => {
        attempts.push('load');
        return attempts.length === 1 ? Promise.reject(new Error('not installed')) : Promise.resolve('module');
      },
      (error) => dependencyFailed('@mcpx/example', 'parser', 'read files', error),
    );
    const failure = await load().catch((error: unknown) => error);
    expect(ConfigError.isInstance(failure)).toBe(true);
    expect((failure as ConfigError).message).toBe(
      '@mcpx/example could not load parser, which it needs to read files (not installed); reinstall @mcpx/example',
    );
    expect((failure as ConfigError).cause).toEqual(new Error('not installed'));
    expect(await load()).toBe('module');
    expect(attempts).toEqual(['load', 'load']);
  });
});

describe('dependencyFailed', () => {
  it('names the server when given one, and a cause that is not an Error by its text', () => {
    const error = dependencyFailed('@mcpx/example', 'parser', 'read files', 'gone', 'docs');
    expect(error.server).toBe('docs');
    expect(error.message).toContain('(gone)');
  });
});
