import { describe, expect, it } from 'vitest';
import { stripJsonComments } from './jsonc.js';

const parse = (text: string): unknown => JSON.parse(stripJsonComments(text));

describe('stripJsonComments', () => {
  it('removes line and block comments', () => {
    expect(parse('{\n  // the servers\n  "a": 1, /* inline */ "b": 2\n}')).toEqual({ a: 1, b: 2 });
  });

  it('removes trailing commas in objects and arrays, across comments and line breaks', () => {
    expect(parse('{ "args": ["x", "y",], "env": { "A": "1", // last\n }, }')).toEqual({ args: ['x', 'y'], env: { A: '1' } });
  });

  it('leaves comment markers and commas inside strings alone', () => {
    expect(parse('{ "url": "http://example.com/a,}", "s": "/* no */ \\" // still" }')).toEqual({
      url: 'http://example.com/a,}',
      s: '/* no */ " // still',
    });
  });

  it('keeps the length and the line breaks, so error positions stay true', () => {
    const text = '{\n  // c\n  "a": 1,\n}';
    const stripped = stripJsonComments(text);
    expect(stripped).toHaveLength(text.length);
    expect(stripped.split('\n')).toHaveLength(4);
  });

  it('keeps a comma that separates values', () => {
    expect(parse('[1, /* two */ 2]')).toEqual([1, 2]);
  });
});
