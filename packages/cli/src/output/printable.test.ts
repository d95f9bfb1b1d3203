import { describe, expect, it } from 'vitest';
import { printable } from './printable.js';

describe('printable', () => {
  it('drops escape sequences, carriage returns and backspaces, which could rewrite the screen', () => {
    expect(printable('hi\u001b[2K\r\bAllow? [y/N] y')).toBe('hi[2KAllow? [y/N] y');
  });

  it('keeps text in any script and emoji as they are', () => {
    expect(printable('Grüße, 你好 👋')).toBe('Grüße, 你好 👋');
  });
});
