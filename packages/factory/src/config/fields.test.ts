import { describe, expect, it } from 'vitest';
import { describeValue } from './fields.js';

describe('a value of the wrong type, as a problem names it', () => {
  it('is named by its kind, with the value itself when it is short', () => {
    expect([null, undefined, [1], new Date(0), { a: 1 }, 'x', 10n, 5, false].map(describeValue)).toEqual([
      'null',
      'nothing',
      'an array',
      'a date (1970-01-01T00:00:00.000Z)',
      'a table',
      'the string "x"',
      'the integer 10',
      'the number 5',
      'the boolean false',
    ]);
  });

  it('is named by its kind alone when it is a function or a symbol, which no config file holds', () => {
    expect([() => 1, Symbol('s')].map(describeValue)).toEqual(['a function', 'a symbol']);
  });
});
