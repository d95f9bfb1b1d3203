import { describe, expect, it } from 'vitest';
import { withKey } from './with-key.js';

describe('withKey', () => {
  it('copies the object with the key set, and leaves the object as it was', () => {
    const params = { name: 'echo', arguments: { text: 'hi' } };
    const copy = withKey(params, '_meta', { a: 1 });
    expect(copy).toEqual({ name: 'echo', arguments: { text: 'hi' }, _meta: { a: 1 } });
    expect(copy.arguments).toBe(params.arguments);
    expect(params).not.toHaveProperty('_meta');
  });

  it('replaces a key the object has, in its place, as a spread then the key would', () => {
    const copy = withKey({ timeoutMs: 5, headers: {} }, 'timeoutMs', 10);
    expect(copy).toEqual({ timeoutMs: 10, headers: {} });
    expect(Object.keys(copy)).toEqual(['timeoutMs', 'headers']);
  });

  it('starts from an empty object when there is none', () => {
    expect(withKey(undefined, '_meta', 1)).toEqual({ _meta: 1 });
  });
});
