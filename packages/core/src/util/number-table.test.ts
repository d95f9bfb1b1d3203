import { describe, expect, it } from 'vitest';
import { NumberTable } from './number-table.js';

interface Named {
  name: string;
}
const named = (name: string): Named => ({ name });

describe('NumberTable', () => {
  it('keeps values by integer key, counts them, and gives each back once on delete', () => {
    const table = new NumberTable<Named>();
    table.set(2, named('two'));
    table.set(0, named('zero'));
    table.set(2, named('two again'));
    expect(table.size).toBe(2);
    expect(table.get(2)).toEqual(named('two again'));
    expect(table.delete(2)).toEqual(named('two again'));
    expect(table.delete(2)).toBeUndefined();
    expect(table.get(2)).toBeUndefined();
    expect(table.size).toBe(1);
  });

  it('matches no key but a non-negative integer: "1" is not 1', () => {
    const table = new NumberTable<Named>();
    table.set(1, named('one'));
    for (const key of ['1', 1.5, -1, NaN, null, undefined, {}, 'constructor', '__proto__']) {
      expect(table.get(key)).toBeUndefined();
      expect(table.delete(key)).toBeUndefined();
    }
    expect(table.size).toBe(1);
    expect(() => table.set(-1, named('minus one'))).toThrow(RangeError);
    expect(() => table.set(0.5, named('half'))).toThrow(/0.5 is not a non-negative integer key/);
  });

  it('gives its values in ascending order of their keys, and lets them be deleted on the way', () => {
    const table = new NumberTable<{ key: number }>();
    for (const key of [5, 1, 3, 2 ** 40, 4]) table.set(key, { key });
    const seen: number[] = [];
    for (const { key } of table.values()) {
      seen.push(key);
      table.delete(key);
    }
    expect(seen).toEqual([1, 3, 4, 5, 2 ** 40]);
    expect(table.size).toBe(0);
  });

  it('skips a value deleted before the walk reaches it, and stops when cleared', () => {
    const table = new NumberTable<{ key: number }>();
    for (let key = 0; key < 5; key++) table.set(key, { key });
    const seen: number[] = [];
    for (const { key } of table.values()) {
      seen.push(key);
      if (key === 1) table.delete(3);
      if (key === 2) {
        table.clear();
        table.set(4, { key: 40 });
      }
    }
    expect(seen).toEqual([0, 1, 2]);
    expect(table.size).toBe(1);
  });

  it('empties on clear', () => {
    const table = new NumberTable<Named>();
    table.set(7, named('seven'));
    table.clear();
    expect(table.size).toBe(0);
    expect([...table.values()]).toEqual([]);
    table.set(7, named('seven again'));
    expect(table.get(7)).toEqual(named('seven again'));
  });

  it('agrees with a Map over many random sets, deletes and gets, keys colliding on their low bits included', () => {
    // A seeded generator (mulberry32), so that a failure repeats.
    let seed = 12345;
    const random = (below: number): number => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) % below;
    };
    // Keys 2^32 apart share their low 32 bits, hence their first slot: 100 low parts, each with
    // up to 4 high ones, so that runs of colliding keys form; and keys near the largest safe integer.
    const keyOf = (n: number): number => (n < 400 ? (n % 100) + 2 ** 32 * Math.floor(n / 100) : Number.MAX_SAFE_INTEGER - (n - 400));
    const table = new NumberTable<{ key: number; round: number }>();
    const model = new Map<number, { key: number; round: number }>();
    for (let round = 0; round < 20_000; round++) {
      // Phases that fill the table and phases that empty it, so that it grows and shrinks.
      const filling = Math.floor(round / 2_500) % 2 === 0;
      const key = keyOf(random(420));
      const op = random(10);
      if (op < (filling ? 6 : 2)) {
        const value = { key, round };
        table.set(key, value);
        model.set(key, value);
      } else if (op < 9) {
        expect(table.delete(key)).toBe(model.get(key));
        model.delete(key);
      } else {
        expect(table.get(key)).toBe(model.get(key));
      }
      expect(table.size).toBe(model.size);
      if (round % 500 === 0) {
        expect([...table.values()]).toEqual([...model.entries()].sort(([a], [b]) => a - b).map(([, value]) => value));
        for (const [k, value] of model) expect(table.get(k)).toBe(value);
      }
    }
  });
});
