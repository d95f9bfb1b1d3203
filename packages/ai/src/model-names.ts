import { createHash } from 'node:crypto';
import type { ProviderNameRules } from './provider-rules.js';
import type { SourceTool } from './tool-source.js';

const HASH_LENGTH = 8;

/** A short, stable hash of `text`: the suffix that keeps a shortened or clashing name unique. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, HASH_LENGTH);
}

/** `name` with every character the provider refuses replaced, `replacement` put first when the provider refuses its first character, and shortened with a hash suffix when too long. */
export function sanitizeName(name: string, rules: ProviderNameRules): string {
  const replacement = rules.replacement ?? '_';
  const allowed = new RegExp(`^${rules.allowed.source}$`, rules.allowed.flags.replace('g', ''));
  const replaced = Array.from(name, (char) => (allowed.test(char) ? char : replacement)).join('') || replacement;
  const clean = rules.first === undefined || firstMatches(replaced, rules.first) ? replaced : `${replacement}${replaced}`;
  if (clean.length <= rules.maxLength) return clean;
  return withSuffix(clean, shortHash(name), rules);
}

function firstMatches(name: string, first: RegExp): boolean {
  return new RegExp(`^(?:${first.source})`, first.flags.replace('g', '')).test(name);
}

function withSuffix(name: string, hash: string, rules: ProviderNameRules): string {
  return `${name.slice(0, Math.min(name.length, rules.maxLength - hash.length - 1))}_${hash}`;
}

/**
 * Gives each tool a name the provider accepts, unique among `tools`: the source's qualified name,
 * sanitized and shortened. When two names clash after sanitizing, the first tool (in source order)
 * keeps it and each later one gets a suffix hashed from its server and original name, so that a
 * tool keeps its model-facing name however the others change. Returns the model's name → tool.
 */
export function assignModelNames<T extends SourceTool>(tools: readonly T[], rules: ProviderNameRules): Map<string, T> {
  const named = new Map<string, T>();
  for (const tool of tools) {
    let name = sanitizeName(tool.qualifiedName, rules);
    const base = name;
    for (let attempt = 0; named.has(name); attempt++) {
      name = withSuffix(base, shortHash(`${tool.server}\u0000${tool.originalName}${attempt === 0 ? '' : `\u0000${attempt}`}`), rules);
    }
    named.set(name, tool);
  }
  return named;
}
