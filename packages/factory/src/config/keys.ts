import { closestMatch } from '@mcpx/core/internal';
import type { Report } from './problem.js';

/** The keys one level of the config accepts. */
export interface KeySpec {
  /** The documented keys, camelCase; each may also be written in snake_case. */
  readonly keys: readonly string[];
  /** Other spellings, exactly as written, and the key they stand for. */
  readonly aliases?: Readonly<Record<string, string>>;
  /** Keys other hosts define that mcpx accepts and does not use. */
  readonly ignored?: readonly string[];
}

/** A value found under one of the accepted spellings of a key. */
export interface Found {
  /** The key as written, for problem reports. */
  readonly key: string;
  readonly value: unknown;
}

/** `tool_prefix` → `toolPrefix`. */
export function camelCase(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** `toolPrefix` → `tool_prefix`. */
export function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * Maps each key of `entry` to the key it stands for. Reports unknown keys (with the closest
 * known one when it is at most two edits away) and keys given twice under different spellings.
 */
export function readKeys(
  entry: Readonly<Record<string, unknown>>,
  spec: KeySpec,
  report: Report,
  path = '',
  suggested?: Set<string>,
): Map<string, Found> {
  const found = new Map<string, Found>();
  const known = new Set(spec.keys);
  for (const [key, value] of Object.entries(entry)) {
    const alias = spec.aliases !== undefined && Object.hasOwn(spec.aliases, key) ? spec.aliases[key] : undefined;
    const target = known.has(key) ? key : (alias ?? (known.has(camelCase(key)) ? camelCase(key) : undefined));
    if (target === undefined) {
      if (!spec.ignored?.includes(key)) reportUnknown(key, spec, report, path, suggested);
      continue;
    }
    const previous = found.get(target);
    if (previous !== undefined) {
      report(path + key, `"${key}" and "${previous.key}" both set ${target}`, `keep one of them`);
      continue;
    }
    found.set(target, { key, value });
  }
  return found;
}

function reportUnknown(key: string, spec: KeySpec, report: Report, path: string, suggested: Set<string> | undefined): void {
  const spellings = [...spec.keys, ...spec.keys.map(snakeCase), ...Object.keys(spec.aliases ?? {})];
  const suggestion = closestMatch(key, spellings);
  if (suggestion !== undefined)
    suggested?.add(
      (spec.aliases !== undefined && Object.hasOwn(spec.aliases, suggestion) ? spec.aliases[suggestion] : undefined) ??
        camelCase(suggestion),
    );
  const fix = suggestion !== undefined ? `did you mean "${suggestion}"?` : `remove it; the known keys are ${spec.keys.join(', ')}`;
  report(path + key, `unknown key "${key}"`, fix);
}
