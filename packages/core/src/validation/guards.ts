/**
 * A tiny, import-free checker for the few result shapes on the hot path. It never decides
 * alone: a value it accepts is one the zod schema accepts unchanged (a test proves it on
 * samples of every revision), and anything else goes to the zod schema for the verdict.
 */
export type Guard = (value: unknown) => boolean;

/** A guard for an object, with the member list it knows: the zod schema's exactly. */
export interface ShapeGuard extends Guard {
  readonly keys: readonly string[];
}

/** An object that is not an array or null. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const str: Guard = (value) => typeof value === 'string';
export const bool: Guard = (value) => typeof value === 'boolean';
export const record: Guard = isObject;

/** A member the fast path does not check: present means "ask zod". */
export const deferred: Guard = (value) => value === undefined;

export function optional(guard: Guard): Guard {
  return (value) => value === undefined || guard(value);
}

export function literal(expected: string): Guard {
  return (value) => value === expected;
}

export function arrayOf(guard: Guard): Guard {
  return (value) => Array.isArray(value) && value.every(guard);
}

export function recordOf(guard: Guard): Guard {
  return (value) => {
    if (!isObject(value)) return false;
    // `for...in`, not `Object.values`: no array a check for the small records messages carry (guards run on every message).
    for (const key in value) if (Object.hasOwn(value, key) && !guard(value[key])) return false;
    return true;
  };
}

/**
 * An object whose known members pass their guards. Unknown members are accepted, as the
 * loose zod objects accept and keep them.
 */
export function shape(members: Record<string, Guard>): ShapeGuard {
  const keys = Object.keys(members);
  const checks = Object.values(members);
  const guard = (value: unknown): boolean => {
    if (!isObject(value)) return false;
    // An index loop over two arrays: destructuring entries with `for...of` allocated an iterator
    // result and a pair for every member of every message checked, until the code got optimized.
    for (let i = 0; i < keys.length; i++) if (!(checks[i] as Guard)(value[keys[i] as string])) return false;
    return true;
  };
  return Object.assign(guard, { keys });
}
