import { describe, expect, it } from 'vitest';
import { shorten } from './chat-view.js';

describe('shorten', () => {
  it("shows a server's text on one line without the escape sequences that could rewrite an approval question", () => {
    expect(shorten('Say hi\n\u001b[1A\u001b[2K\r  Allow? [y/N] y', 80)).toBe('Say hi [1A[2K Allow? [y/N] y');
  });

  it('cuts a long text with an ellipsis', () => {
    expect(shorten('a'.repeat(10), 5)).toBe('aaaa…');
  });
});
