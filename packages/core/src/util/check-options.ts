import { ConfigError } from '../errors/config-error.js';
import { closestMatch } from './suggest.js';

/** The keys an options object accepts: `true` for a plain value, or the keys of a nested options object, checked the same way. */
export interface OptionKeyTree {
  readonly [key: string]: true | OptionKeyTree;
}

/**
 * Every key of `T`, for a key list written as `{ ... } satisfies OptionKeys<MyOptions>`: the
 * compiler then fails when an option is added to the type and not to the list, or the other way round.
 */
export type OptionKeys<T> = { readonly [K in keyof Required<T>]: true | OptionKeyTree };

/** Where a checked options object comes from, for the error message. */
export interface CheckOptionsContext {
  /** What is being built, as the caller wrote it: `new McpRegistry(options)`, `createClient(options)`. */
  readonly where: string;
  /** The server the options are for, when there is one. */
  readonly server?: string | undefined;
  /**
   * What to do instead, for keys that belong to another object or call altogether, by their path
   * (`defaults.health.interval`, `transport`): `pass it to connect(transport)`. Said in place of
   * a spelling or a place found from `keys`.
   * @default none
   */
  readonly hints?: Readonly<Record<string, string>> | undefined;
}

/**
 * Refuses keys `options` does not know, with one `ConfigError` naming every unknown key (with its
 * path for nested objects), and for each either the option it is likely a typo of or the nested
 * object it belongs under (`requestTimeoutMs` given to the registry belongs under `defaults`), or
 * the caller's hint for keys that belong to another call.
 * Values that are not plain objects are left to the caller's own checks. TypeScript callers are
 * protected by the types; this is for JavaScript callers and options built from data.
 */
export function checkOptions(options: unknown, keys: OptionKeyTree, context: CheckOptionsContext): void {
  const problems: string[] = [];
  collect(options, keys, '', problems, context.hints);
  if (problems.length === 0) return;
  const list = problems.length === 1 ? problems[0] : `\n  - ${problems.join('\n  - ')}`;
  throw new ConfigError(`${context.where}: ${problems.length === 1 ? '' : `${problems.length} unknown options:`}${list}`, {
    server: context.server,
  });
}

function collect(value: unknown, keys: OptionKeyTree, path: string, problems: string[], hints: CheckOptionsContext['hints']): void {
  if (!isPlainObject(value)) return;
  // `for...in` over a plain object's own keys, not `Object.entries`: every connection checks
  // several options objects, and the pairs were garbage at once.
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const spec = Object.hasOwn(keys, key) ? keys[key] : undefined;
    if (spec === undefined) {
      problems.push(unknown(key, keys, path, hints));
    } else if (spec !== true) {
      collect(value[key], spec, `${path}${key}.`, problems, hints);
    }
  }
}

function unknown(key: string, keys: OptionKeyTree, path: string, hints: CheckOptionsContext['hints']): string {
  const name = `"${path}${key}"`;
  const hint = hints !== undefined && Object.hasOwn(hints, path + key) ? hints[path + key] : undefined;
  if (hint !== undefined) return `unknown option ${name}; ${hint}`;
  const typo = closestMatch(key, Object.keys(keys));
  if (typo !== undefined) return `unknown option ${name}; did you mean "${path}${typo}"?`;
  const home = findHome(key, keys, path);
  if (home !== undefined) return `unknown option ${name}; it belongs under "${home}" (as "${home}.${key}")`;
  return `unknown option ${name}; remove it, or use one of ${Object.keys(keys)
    .map((known) => `"${known}"`)
    .join(', ')}`;
}

/** The path of the nearest nested options object that has `key`, breadth first. */
function findHome(key: string, keys: OptionKeyTree, path: string): string | undefined {
  let level: Array<[string, OptionKeyTree]> = [[path, keys]];
  while (level.length > 0) {
    const next: Array<[string, OptionKeyTree]> = [];
    for (const [prefix, spec] of level) {
      for (const [name, child] of Object.entries(spec)) {
        if (child === true) continue;
        if (Object.hasOwn(child, key)) return `${prefix}${name}`;
        next.push([`${prefix}${name}.`, child]);
      }
    }
    level = next;
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
