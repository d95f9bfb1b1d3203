import { describe, expect, it } from 'vitest';
import { integerOption } from './integer-option.js';

const fail = (message: string): never => {
  throw new Error(message);
};

describe('integerOption', () => {
  it('gives the fallback when the option is not set', () => {
    expect(integerOption('maxRetries', undefined, { fallback: 5, min: 0 }, fail)).toBe(5);
  });

  it('gives the value when it is an integer at the minimum or above', () => {
    expect(integerOption('maxRetries', 0, { fallback: 5, min: 0 }, fail)).toBe(0);
    expect(integerOption('maxRetries', 12, { fallback: 5, min: 0 }, fail)).toBe(12);
  });

  it('refuses a value below the minimum, naming the option, the minimum and the value', () => {
    expect(() => integerOption('timeoutMs', 0, { fallback: 1000, min: 1 }, fail)).toThrow(
      '"timeoutMs" must be an integer of at least 1, got 0',
    );
  });

  it('refuses fractions, NaN, infinities, unsafe integers and values that are not numbers', () => {
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '3' as unknown as number]) {
      expect(() => integerOption('maxEventBytes', bad, { fallback: 1, min: 1 }, fail)).toThrow(
        `"maxEventBytes" must be an integer of at least 1, got ${String(bad)}`,
      );
    }
  });

  it('refuses a value above the maximum when there is one, naming the range', () => {
    expect(integerOption('delayMs', 2 ** 31 - 1, { fallback: 1, min: 1, max: 2 ** 31 - 1 }, fail)).toBe(2 ** 31 - 1);
    expect(() => integerOption('delayMs', 2 ** 31, { fallback: 1, min: 1, max: 2 ** 31 - 1 }, fail)).toThrow(
      '"delayMs" must be an integer from 1 to 2147483647, got 2147483648',
    );
  });
});
