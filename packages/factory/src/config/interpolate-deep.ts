import { asTable } from './fields.js';
import { interpolate, type Lookup } from './interpolate.js';
import type { Report } from './problem.js';

/**
 * Interpolates every string in `value`: itself, the items of a list, the values (not the
 * keys) of a table, at any depth. Each issue is reported at the field path of its string,
 * which is then left as written.
 */
export function interpolateDeep(value: unknown, path: string, lookup: Lookup, report: Report): unknown {
  if (typeof value === 'string') {
    const { value: expanded, issues } = interpolate(value, lookup);
    for (const issue of issues) report(path, issue.message, issue.fix);
    return issues.length > 0 ? value : expanded;
  }
  if (Array.isArray(value)) return value.map((item: unknown, index) => interpolateDeep(item, `${path}[${index}]`, lookup, report));
  const table = asTable(value);
  if (table === undefined) return value;
  return Object.fromEntries(Object.entries(table).map(([key, item]) => [key, interpolateDeep(item, `${path}.${key}`, lookup, report)]));
}
