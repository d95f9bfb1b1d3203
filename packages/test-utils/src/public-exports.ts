/** The names a package entry exports, values and types apart, each sorted. */
export interface PublicExports {
  values: string[];
  types: string[];
}

const EXPORT_LIST = /export\s+(type\s+)?\{([^}]*)\}\s*from\s*'[^']+';/g;
const COMMENTS = /\/\*[\s\S]*?\*\/|\/\/[^\n]*/g;

/**
 * Reads the exports of an entry file's source: it must consist of `export { ... } from '...'`
 * and `export type { ... } from '...'` statements only (STYLE.md: explicit named exports, no
 * `export *`), so the names can be listed without compiling it; anything else throws.
 */
export function publicExports(source: string): PublicExports {
  const values: string[] = [];
  const types: string[] = [];
  const code = source.replace(COMMENTS, '');
  for (const [, typeOnly, list = ''] of code.matchAll(EXPORT_LIST)) {
    for (const item of list
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)) {
      const inlineType = item.startsWith('type ');
      const name = (inlineType ? item.slice('type '.length) : item)
        .split(/\s+as\s+/)
        .at(-1)!
        .trim();
      (typeOnly !== undefined || inlineType ? types : values).push(name);
    }
  }
  const rest = code.replace(EXPORT_LIST, '').trim();
  if (rest !== '') throw new Error(`an entry file holds only export { ... } from statements; found: ${rest.slice(0, 120)}`);
  return { values: values.sort(), types: types.sort() };
}
