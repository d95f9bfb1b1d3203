import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { terminalPrompter } from './prompter.js';

describe('the terminal prompter', () => {
  it('keeps answers typed ahead of their question instead of losing them', async () => {
    const stdin = new PassThrough();
    const stderr = new PassThrough();
    const prompter = terminalPrompter(stdin, stderr, () => undefined);
    stdin.write('first\rsecond\r');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await prompter.ask('one? ')).toBe('first');
    expect(await prompter.ask('two? ')).toBe('second');
    const third = prompter.ask('three? ');
    stdin.write('third\r');
    expect(await third).toBe('third');
    prompter.close();
  });
});
