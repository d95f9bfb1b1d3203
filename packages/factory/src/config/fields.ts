import type { Found } from './keys.js';
import type { Report } from './problem.js';

/** `value` as a plain object (a JSON object or TOML table), or undefined. */
export function asTable(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** How a value of the wrong type is described: `a number (5)`, `an array`... */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return `a date (${value.toISOString()})`;
  if (typeof value === 'object') return 'a table';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'bigint') return `the integer ${value}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return `a ${typeof value}`;
}

function quoteFix(value: unknown): string {
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
    ? `write it in quotes: "${String(value)}"`
    : 'write a string in quotes';
}

/** Reads the fields of one level of the config, reporting each wrong one. */
export class FieldReader {
  constructor(
    private readonly found: ReadonlyMap<string, Found>,
    private readonly report: Report,
    private readonly path = '',
    private readonly unresolved: ReadonlySet<string> = new Set(),
  ) {}

  /** The value of a field whose variables could not be expanded, left unchecked: its problem is reported already. */
  private unchecked<T>(name: string): T | undefined {
    return this.unresolved.has(name) ? (this.found.get(name)?.value as T) : undefined;
  }

  /** The key as written, or the documented name when absent. */
  keyOf(name: string): string {
    return this.path + (this.found.get(name)?.key ?? name);
  }

  /** Whether some variable in the field could not be expanded (and the problem was reported). */
  isUnresolved(name: string): boolean {
    return this.unresolved.has(name);
  }

  has(name: string): boolean {
    return this.found.has(name);
  }

  /** The raw value. */
  raw(name: string): Found | undefined {
    return this.found.get(name);
  }

  text(name: string, options: { nonEmpty?: boolean; pattern?: RegExp; patternFix?: string } = {}): string | undefined {
    const entry = this.found.get(name);
    if (entry === undefined) return undefined;
    if (this.unresolved.has(name)) return this.unchecked<string>(name);
    if (typeof entry.value !== 'string')
      return this.wrong(name, `must be a string, got ${describeValue(entry.value)}`, quoteFix(entry.value));
    if (options.nonEmpty && entry.value.trim() === '') return this.wrong(name, 'must not be empty', 'give a value or remove the key');
    if (options.pattern && !options.pattern.test(entry.value))
      return this.wrong(name, `${JSON.stringify(entry.value)} is not allowed`, options.patternFix ?? 'change the value');
    return entry.value;
  }

  bool(name: string): boolean | undefined {
    const entry = this.found.get(name);
    if (entry === undefined) return undefined;
    if (this.unresolved.has(name)) return undefined;
    if (typeof entry.value !== 'boolean')
      return this.wrong(name, `must be true or false, got ${describeValue(entry.value)}`, 'write true or false, without quotes');
    return entry.value;
  }

  /** An integer of at least `min`. */
  integer(name: string, min: number): number | undefined {
    const entry = this.found.get(name);
    if (entry === undefined) return undefined;
    if (this.unresolved.has(name)) return undefined;
    const value = typeof entry.value === 'bigint' ? Number(entry.value) : entry.value;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      return this.wrong(
        name,
        `must be a whole number of at least ${min}, got ${describeValue(entry.value)}`,
        `write a number such as ${Math.max(min, 1000)}, without quotes`,
      );
    }
    return value;
  }

  /** A share: a number from 0 to 1, bounds included. */
  share(name: string): number | undefined {
    const entry = this.found.get(name);
    if (entry === undefined) return undefined;
    if (this.unresolved.has(name)) return undefined;
    if (typeof entry.value !== 'number' || !(entry.value >= 0 && entry.value <= 1)) {
      return this.wrong(
        name,
        `must be a number from 0 to 1, got ${describeValue(entry.value)}`,
        'write a share such as 0.5, without quotes',
      );
    }
    return entry.value;
  }

  /** A duration in seconds (the flat keys of the Python-style TOML format), in milliseconds. */
  seconds(name: string, min: number): number | undefined {
    const entry = this.found.get(name);
    if (entry === undefined) return undefined;
    if (this.unresolved.has(name)) return undefined;
    if (typeof entry.value !== 'number' || !Number.isFinite(entry.value) || entry.value < min) {
      return this.wrong(
        name,
        `must be a number of seconds of at least ${min}, got ${describeValue(entry.value)}`,
        'write a number of seconds such as 10 or 2.5, without quotes',
      );
    }
    return Math.round(entry.value * 1000);
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const entry = this.found.get(name);
    if (entry === undefined) return undefined;
    if (this.unresolved.has(name)) return undefined;
    if (typeof entry.value !== 'string' || !values.includes(entry.value as T)) {
      return this.wrong(
        name,
        `must be one of ${values.map((v) => `"${v}"`).join(', ')}, got ${describeValue(entry.value)}`,
        `write one of ${values.join(', ')}`,
      );
    }
    return entry.value as T;
  }

  strings(name: string): string[] | undefined {
    const entry = this.found.get(name);
    if (entry === undefined) return undefined;
    if (this.unresolved.has(name)) return this.unchecked<string[]>(name);
    if (!Array.isArray(entry.value))
      return this.wrong(name, `must be a list of strings, got ${describeValue(entry.value)}`, 'write a list such as ["--port", "8080"]');
    let ok = true;
    entry.value.forEach((item: unknown, index) => {
      if (typeof item === 'string') return;
      ok = false;
      this.report(`${this.keyOf(name)}[${index}]`, `must be a string, got ${describeValue(item)}`, quoteFix(item));
    });
    return ok ? (entry.value as string[]) : undefined;
  }

  /** A table of strings; `check` returns the message and fix of a bad entry. */
  stringMap(
    name: string,
    check?: (key: string, value: string) => [message: string, fix: string] | undefined,
  ): Record<string, string> | undefined {
    const entry = this.found.get(name);
    if (entry === undefined) return undefined;
    if (this.unresolved.has(name)) return this.unchecked<Record<string, string>>(name);
    const table = asTable(entry.value);
    if (table === undefined)
      return this.wrong(name, `must be a table of strings, got ${describeValue(entry.value)}`, 'write it as { "NAME": "value" }');
    let ok = true;
    for (const [key, value] of Object.entries(table)) {
      const problem: [string, string] | undefined =
        typeof value === 'string' ? check?.(key, value) : [`must be a string, got ${describeValue(value)}`, quoteFix(value)];
      if (problem !== undefined) {
        ok = false;
        this.report(`${this.keyOf(name)}.${key}`, problem[0], problem[1]);
      }
    }
    return ok ? (table as Record<string, string>) : undefined;
  }

  /** Reports a problem with field `name` and returns undefined. */
  wrong(name: string | undefined, message: string, fix: string): undefined {
    this.report(name === undefined ? undefined : this.keyOf(name), message, fix);
    return undefined;
  }
}
