import { FieldReader, asTable, describeValue } from './fields.js';
import { interpolateDeep } from './interpolate-deep.js';
import type { Lookup } from './interpolate.js';
import { readKeys, type Found, type KeySpec } from './keys.js';
import type { Report } from './problem.js';

/** A top-level settings table (`store`, `chat`) read for its fields. */
export interface SettingsTable {
  /** Its fields, with `${VAR}` expanded in every string. */
  fields: FieldReader;
  /** Reports a problem at a field of the table; `failed()` is then true. */
  fail: Report;
  /** Whether a problem was reported, by reading its keys or through `fail`. */
  failed: () => boolean;
}

/**
 * Reads the top-level table `name` (`value`): its keys checked against `keys` (unknown ones
 * reported with the likely spelling), `${VAR}` expanded in every string, problems reported at
 * `<name>.<field>`. Undefined, reported with `example`, when `value` is not a table.
 */
export function readSettingsTable(
  name: string,
  value: unknown,
  keys: KeySpec,
  example: string,
  lookup: Lookup,
  report: Report,
): SettingsTable | undefined {
  const table = asTable(value);
  if (table === undefined) {
    report(name, `must be a table, got ${describeValue(value)}`, `write ${example}`);
    return undefined;
  }
  let failed = false;
  const fail: Report = (field, message, fix) => {
    failed = true;
    report(field, message, fix);
  };
  const found = readKeys(table, keys, fail, `${name}.`);
  const unresolved = new Set<string>();
  const expanded = new Map<string, Found>(
    [...found].map(([key, entry]) => {
      const noteUnresolved: Report = (field, message, fix) => {
        unresolved.add(key);
        fail(field, message, fix);
      };
      return [key, { key: entry.key, value: interpolateDeep(entry.value, `${name}.${entry.key}`, lookup, noteUnresolved) }];
    }),
  );
  return { fields: new FieldReader(expanded, fail, `${name}.`, unresolved), fail, failed: () => failed };
}
