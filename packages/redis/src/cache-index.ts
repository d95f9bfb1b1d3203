import type { RedisClient } from './client.js';
import { isWrongType, prefixPattern } from './key-pattern.js';

/**
 * The group of a cache key: the key up to and including its third space, or undefined when it has
 * fewer. For the keys of `@mcpx/core` (`v1 "<server hash>" <method> <params> ...`) that is
 * `v1 "<server hash>" <method> `, and every prefix the client invalidates (a method's entries, a
 * resource's) holds at least that much, so all the keys that start with it share its group.
 */
export function groupOf(key: string): string | undefined {
  let end = -1;
  for (let space = 0; space < 3; space++) {
    end = key.indexOf(' ', end + 1);
    if (end === -1) return undefined;
  }
  return key.slice(0, end + 1);
}

/**
 * Sets the entry and adds its key to its group's index, at once: the index (a set) lives at least
 * as long as its longest-lived entry. A foreign value where the index goes is replaced. An entry
 * that expires stays in the index, so each set also checks a random sample of the index's members
 * (`ARGV[3]` of them) and removes those whose entry is gone: a busy group's index stays near the
 * size of its live entries instead of growing until the whole set expires.
 */
const SET_INDEXED = `
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
local kind = redis.call('TYPE', KEYS[2])['ok']
if kind ~= 'set' and kind ~= 'none' then redis.call('UNLINK', KEYS[2]) end
for _, member in ipairs(redis.call('SRANDMEMBER', KEYS[2], ARGV[3])) do
  if redis.call('EXISTS', member) == 0 then redis.call('SREM', KEYS[2], member) end
end
redis.call('SADD', KEYS[2], KEYS[1])
if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
`;

/** How many members of its index each set checks for an expired entry. */
const PRUNE_SAMPLE = 16;

/**
 * The keys of a cache store on Redis, indexed by group (`groupOf`) in a set per group, so that an
 * invalidation deletes its keys without scanning the whole keyspace (which other applications
 * may fill). Keys without a group, and prefixes shorter than a group, fall back to `SCAN`.
 */
export class CacheIndex {
  constructor(
    private readonly client: RedisClient,
    /** What every key of the store starts with (`<prefix>cache:`). */
    private readonly keyPrefix: string,
    /** What every index key starts with (`<prefix>cache-index:`). */
    private readonly indexPrefix: string,
    /** How many keys one `SCAN` step asks for, and one `UNLINK` deletes. */
    private readonly batch: number,
  ) {}

  /** Keeps `text` under `key` for `ttlMs`, indexed by the key's group when it has one. */
  async set(key: string, text: string, ttlMs: number): Promise<void> {
    const group = groupOf(key);
    if (group === undefined) {
      await this.client.set(this.keyPrefix + key, text, { expiration: { type: 'PX', value: ttlMs } });
      return;
    }
    await this.client.eval(SET_INDEXED, {
      keys: [this.keyPrefix + key, this.indexPrefix + group],
      arguments: [text, String(ttlMs), String(PRUNE_SAMPLE)],
    });
  }

  /** Deletes every key that starts with `start`: from its group's index when it has one, else by `SCAN`. */
  async deletePrefix(start: string): Promise<void> {
    const group = groupOf(start);
    if (group === undefined) return this.scanDelete(start);
    const index = this.indexPrefix + group;
    let members: string[];
    try {
      members = await this.client.sMembers(index);
    } catch (error) {
      // Another program's value where the index goes: the entries cannot be listed from it.
      if (isWrongType(error)) return this.scanDelete(start);
      throw error;
    }
    const full = this.keyPrefix + start;
    const stale = members.filter((member) => member.startsWith(full));
    for (let at = 0; at < stale.length; at += this.batch) {
      const keys = stale.slice(at, at + this.batch);
      await this.client.multi().unlink(keys).sRem(index, keys).exec();
    }
  }

  private async scanDelete(start: string): Promise<void> {
    for await (const keys of this.client.scanIterator({ MATCH: prefixPattern(this.keyPrefix + start), COUNT: this.batch })) {
      if (keys.length > 0) await this.client.unlink(keys);
    }
  }
}
