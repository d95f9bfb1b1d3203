import { describe, expect, it } from 'vitest';
import { McpRegistry } from './registry.js';

describe('the onClosed option', () => {
  it('runs once when close() has closed everything, and a second close() returns the same promise', async () => {
    const calls: string[] = [];
    const registry = new McpRegistry({ onClosed: () => void calls.push('closed') });
    const first = registry.close();
    expect(registry.close()).toBe(first);
    await first;
    await registry.close();
    expect(calls).toEqual(['closed']);
  });

  it('does not run when close() refuses its options, and runs on the close() that follows', async () => {
    const calls: string[] = [];
    const registry = new McpRegistry({ onClosed: () => void calls.push('closed') });
    await expect(registry.close({ deadline: 10 } as never)).rejects.toThrow('unknown option "deadline"');
    await expect(registry.close({ deadlineMs: -1 })).rejects.toThrow('"deadlineMs" must be zero or more');
    expect(calls).toEqual([]);
    await registry.close();
    expect(calls).toEqual(['closed']);
  });

  it('is awaited by close(), which rejects with its error', async () => {
    const registry = new McpRegistry({ onClosed: () => Promise.reject(new Error('the store would not close')) });
    await expect(registry.close()).rejects.toThrow('the store would not close');
  });
});
