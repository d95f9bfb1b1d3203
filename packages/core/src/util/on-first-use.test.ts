import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/config-error.js';
import { dependencyFailed, onFirstUse } from './on-first-use.js';

describe('onFirstUse', () => {
  it('loads at the first call, once, and gives every call what it loaded', async () => {
    let loads = 0;
    const load = onFirstUse(
      () => Promise.resolve({ loaded: ++loads }),
      (error) => new Error(String(error)),
    );
    expect(loads).toBe(0);
    const [first, second] = await Promise.all([load(), load()]);
    expect(first).toEqual({ loaded: 1 });
    expect(second).toBe(first);
    expect(await load()).toBe(first);
    expect(loads).toBe(1);
  });

  it('rejects each call with an error of its own made by `failed`, and does not load again', async () => {
    let loads = 0;
    const load = onFirstUse(
      () => {
        loads++;
        return Promise.reject(new Error('not installed'));
      },
      (error) => dependencyFailed('@mcpx/example', 'parser', 'read files', error),
    );
    const [first, second] = await Promise.all([load(), load()].map((call) => call.catch((error: unknown) => error)));
    expect(ConfigError.isInstance(first)).toBe(true);
    expect((first as ConfigError).message).toBe(
      '@mcpx/example could not load parser, which it needs to read files (not installed); reinstall @mcpx/example and restart the process',
    );
    expect((first as ConfigError).cause).toEqual(new Error('not installed'));
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
    await expect(load()).rejects.toThrow('not installed');
    expect(loads).toBe(1);
  });

  it('turns a load that throws at once into the same rejection', async () => {
    const load = onFirstUse<never>(
      () => {
        throw new Error('bad specifier');
      },
      (error) => dependencyFailed('@mcpx/example', 'parser', 'read files', error),
    );
    await expect(load()).rejects.toBeInstanceOf(ConfigError);
  });
});

describe('dependencyFailed', () => {
  it('gives the text of a cause that is not an Error', () => {
    expect(dependencyFailed('@mcpx/example', 'parser', 'read files', 'gone').message).toContain('(gone)');
  });
});
