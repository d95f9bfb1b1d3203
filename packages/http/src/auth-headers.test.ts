import { describe, expect, it } from 'vitest';
import { AuthHeaders } from './auth-headers.js';

const base = { 'user-agent': 'undici', 'x-team': 'a' };
const own = { accept: 'application/json', 'mcp-session-id': 's1' };

describe('AuthHeaders', () => {
  it('lower-cases the provider names and puts them between configured and own headers', () => {
    const auth = new AuthHeaders(base);
    const lowered = auth.lowered({ Authorization: 'Bearer t', 'X-Team': 'b' });
    expect(auth.merged(lowered, { ...own, 'x-team': 'c' })).toEqual({
      'user-agent': 'undici',
      'x-team': 'c',
      authorization: 'Bearer t',
      accept: 'application/json',
      'mcp-session-id': 's1',
    });
  });

  it('reuses its results for the same frozen record and the same own headers', () => {
    const auth = new AuthHeaders(base);
    const answer = Object.freeze({ authorization: 'Bearer t' });
    const first = auth.merged(auth.lowered(answer), own);
    expect(auth.merged(auth.lowered(answer), own)).toBe(first);
  });

  it('merges anew when the own headers change', () => {
    const auth = new AuthHeaders(base);
    const answer = Object.freeze({ authorization: 'Bearer t' });
    auth.merged(auth.lowered(answer), own);
    expect(auth.merged(auth.lowered(answer), { ...own, 'mcp-session-id': 's2' })['mcp-session-id']).toBe('s2');
  });

  it('sees a change to a record that is not frozen', () => {
    const auth = new AuthHeaders(base);
    const answer: Record<string, string> = { authorization: 'Bearer old' };
    expect(auth.merged(auth.lowered(answer), own).authorization).toBe('Bearer old');
    answer.authorization = 'Bearer new';
    expect(auth.merged(auth.lowered(answer), own).authorization).toBe('Bearer new');
  });

  it('follows a new frozen record', () => {
    const auth = new AuthHeaders(base);
    auth.merged(auth.lowered(Object.freeze({ authorization: 'Bearer old' })), own);
    expect(auth.merged(auth.lowered(Object.freeze({ authorization: 'Bearer new' })), own).authorization).toBe('Bearer new');
  });
});
