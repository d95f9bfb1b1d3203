/**
 * Values by a non-negative integer key, for the things of a connection that come and go with
 * every message (its requests in flight): a `Map` with fewer surprises on Node 20.
 *
 * On Node 20 (V8 11.3) a long-lived `Map` or `Set` whose entries are added and deleted all the
 * time keeps its garbage: each time its table fills up with deleted entries it is rebuilt, and
 * the old table keeps a link to the new one and its entries. Once one old table has been
 * promoted to the old generation, the young-generation collector treats what it points to as
 * live, so every later table and every value that passed through it is promoted in turn, and
 * only a full collection frees them. With 16 requests in flight over Streamable HTTP that was
 * about 700 KB promoted a scavenge against 45 KB for the raw loop, and more full collections.
 * Node 22's V8 does not do this. A null-prototype object, which V8 keeps as a dictionary,
 * rebuilds its store without such a link.
 */
export class NumberTable<T> {
  #values: Record<number, T> = Object.create(null) as Record<number, T>;
  #size = 0;

  /** How many values the table holds. */
  get size(): number {
    return this.#size;
  }

  /** The value under `key`; undefined when there is none, or when `key` is not a non-negative integer. */
  get(key: unknown): T | undefined {
    return isKey(key) ? this.#values[key] : undefined;
  }

  /** Sets the value under `key`, a non-negative integer (a `RangeError` otherwise); `value` is not undefined. */
  set(key: number, value: T): void {
    if (!isKey(key)) throw new RangeError(`NumberTable: ${String(key)} is not a non-negative integer key`);
    if (this.#values[key] === undefined) this.#size++;
    this.#values[key] = value;
  }

  /** Removes the value under `key`; returns it, or undefined when there was none. */
  delete(key: unknown): T | undefined {
    if (!isKey(key)) return undefined;
    const value = this.#values[key];
    if (value === undefined) return undefined;
    delete this.#values[key];
    this.#size--;
    return value;
  }

  /** The values, in ascending order of their keys (those below 2^32; any larger one after them, in the order it was set). */
  *values(): IterableIterator<T> {
    for (const key in this.#values) yield this.#values[key as unknown as number] as T;
  }

  /** Removes every value. */
  clear(): void {
    this.#values = Object.create(null) as Record<number, T>;
    this.#size = 0;
  }
}

function isKey(key: unknown): key is number {
  return typeof key === 'number' && Number.isSafeInteger(key) && key >= 0;
}
