/** The key of a slot that holds nothing. */
const EMPTY = -1;
/** The slots a table starts with, and the fewest it shrinks to (a power of two). */
const MIN_SLOTS = 8;
/** Knuth's multiplier (the prime nearest 2^32 over the golden ratio): spreads consecutive keys over the slots. */
const SPREAD = 0x9e3779b1;

/**
 * Values by a non-negative integer key, for the things of a connection that come and go with
 * every message (its requests in flight). Not a `Map`: on Node 20, a long-lived `Map` with that
 * churn had its entries promoted to the old generation at every scavenge (700 to 880 KB a
 * scavenge with 16 calls in flight). Not an object keyed by integer either: its dictionary
 * elements cost 190 to 235 ns a set and a delete. A hash table in two arrays changed in place
 * (linear probing from a Fibonacci hash, at most half full, deletion by moving later entries
 * back): 15 to 26 ns. The measurements are in docs/performance.md (ninth and tenth rounds).
 */
export class NumberTable<T extends object> {
  /** The key of each slot, `EMPTY` for none. */
  #keys!: number[];
  /** The value of each slot, undefined where the key is `EMPTY`. */
  #values!: (T | undefined)[];
  /** The number of slots minus one. */
  #mask!: number;
  /** 32 minus the bits of a slot number: a key's first slot is `slotOf(key, shift)`. */
  #shift!: number;
  #size = 0;
  /** How many times the table was cleared: a walk started before a `clear()` ends there. */
  #clears = 0;

  constructor() {
    this.#allot(MIN_SLOTS);
  }

  /** How many values the table holds. */
  get size(): number {
    return this.#size;
  }

  /** The value under `key`; undefined when there is none, or when `key` is not a non-negative integer. */
  get(key: unknown): T | undefined {
    if (!isKey(key)) return undefined;
    const slot = this.#probe(key);
    return this.#keys[slot] === key ? this.#values[slot] : undefined;
  }

  /** Sets the value under `key`, a non-negative integer (a `RangeError` otherwise). */
  set(key: number, value: T): void {
    if (!isKey(key)) throw new RangeError(`NumberTable: ${String(key)} is not a non-negative integer key`);
    const slot = this.#probe(key);
    this.#values[slot] = value;
    if (this.#keys[slot] === key) return;
    this.#keys[slot] = key;
    if (++this.#size * 2 > this.#keys.length) this.#resize(this.#keys.length * 2);
  }

  /** Removes the value under `key`; returns it, or undefined when there was none. */
  delete(key: unknown): T | undefined {
    if (!isKey(key)) return undefined;
    const found = this.#probe(key);
    const keys = this.#keys;
    if (keys[found] !== key) return undefined;
    const values = this.#values;
    const mask = this.#mask;
    const shift = this.#shift;
    const value = values[found];
    // Each later entry of the run moves into the hole when the hole lies on its way from its
    // first slot, so that every key stays reachable from its first slot without a marker.
    let hole = found;
    for (let slot = (found + 1) & mask; ; slot = (slot + 1) & mask) {
      const held = keys[slot] ?? EMPTY;
      if (held === EMPTY) break;
      if (((slot - slotOf(held, shift)) & mask) >= ((slot - hole) & mask)) {
        keys[hole] = held;
        values[hole] = values[slot];
        hole = slot;
      }
    }
    keys[hole] = EMPTY;
    values[hole] = undefined;
    if (--this.#size * 8 < keys.length && keys.length > MIN_SLOTS) this.#resize(keys.length / 2);
    return value;
  }

  /**
   * The values, in ascending order of their keys. A value deleted before the walk reaches it is
   * skipped; one set during the walk may be given or not; `clear()` ends the walk.
   */
  *values(): IterableIterator<T> {
    const clears = this.#clears;
    const keys = this.#keys.filter((key) => key !== EMPTY).sort((a, b) => a - b);
    for (const key of keys) {
      if (this.#clears !== clears) return;
      const value = this.get(key);
      if (value !== undefined) yield value;
    }
  }

  /** Removes every value. */
  clear(): void {
    this.#allot(MIN_SLOTS);
    this.#size = 0;
    this.#clears++;
  }

  /** The slot that holds `key`, or else the empty slot where it would go (there always is one: the table is at most half full). */
  #probe(key: number): number {
    const keys = this.#keys;
    const mask = this.#mask;
    let slot = slotOf(key, this.#shift);
    for (let held = keys[slot]; held !== key && held !== EMPTY; held = keys[slot]) slot = (slot + 1) & mask;
    return slot;
  }

  /** Empties the table into `slots` new slots (a power of two). */
  #allot(slots: number): void {
    this.#keys = new Array<number>(slots).fill(EMPTY);
    this.#values = new Array<T | undefined>(slots).fill(undefined);
    this.#mask = slots - 1;
    this.#shift = 32 - Math.log2(slots);
  }

  /** Moves every entry into `slots` new slots (a power of two, more than twice the entries). */
  #resize(slots: number): void {
    const keys = this.#keys;
    const values = this.#values;
    this.#allot(slots);
    for (let slot = 0; slot < keys.length; slot++) {
      const key = keys[slot] ?? EMPTY;
      if (key === EMPTY) continue;
      const to = this.#probe(key);
      this.#keys[to] = key;
      this.#values[to] = values[slot];
    }
  }
}

/** The first slot of `key` in a table of 2^(32 - shift) slots (Fibonacci hashing of its low 32 bits). */
function slotOf(key: number, shift: number): number {
  return Math.imul(key, SPREAD) >>> shift;
}

function isKey(key: unknown): key is number {
  return typeof key === 'number' && Number.isSafeInteger(key) && key >= 0;
}
