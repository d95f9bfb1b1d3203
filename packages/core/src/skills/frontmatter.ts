import { dependencyFailed, onFirstUse } from '../internal.js';

/**
 * The YAML parser, loaded with the first frontmatter read: it is tens of milliseconds of module
 * loading, which importing `@mcpx/core/skills` (every host that lists skills) should not pay.
 */
const loadYaml = onFirstUse(
  () => import('yaml'),
  (error) => dependencyFailed('@mcpx/core', 'yaml', "read a skill's SKILL.md frontmatter", error),
);

/**
 * The YAML frontmatter of a `SKILL.md` as a JSON object; undefined when it has none or it is not a
 * mapping. Rejects with a `ConfigError` when the YAML parser cannot be loaded (a damaged install).
 */
export async function readFrontmatter(markdown: string): Promise<Record<string, unknown> | undefined> {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(markdown);
  if (match === null) return undefined;
  const { parse } = await loadYaml();
  let parsed: unknown;
  try {
    parsed = parse(match[1] ?? '');
  } catch {
    return undefined;
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
}

/** The fields whose values differ between two frontmatters (present in one only, or unequal as JSON values), sorted. */
export function frontmatterDifferences(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...fields].filter((field) => !sameJson(a[field], b[field])).sort();
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => key in right && sameJson(left[key], right[key]));
}
