import { describeType, type JsonSchema } from '../values/schema-types.js';
import type { Style } from './style.js';

/** A tool's input schema as lines: name, type, required or default, description. */
export function renderParameters(schema: JsonSchema | undefined, style: Style, indent = '    '): string[] {
  const properties = Object.entries(schema?.properties ?? {});
  if (properties.length === 0) return [`${indent}${style.dim('no arguments')}`];
  const required = new Set(schema?.required ?? []);
  const rows = properties.map(([key, property]) => {
    const flags = required.has(key)
      ? style.yellow('required')
      : property.default !== undefined
        ? style.dim(`default ${JSON.stringify(property.default)}`)
        : style.dim('optional');
    return [key, describeType(property), flags, property.description ?? ''] as const;
  });
  const keyWidth = Math.max(...rows.map((row) => row[0].length));
  const typeWidth = Math.max(...rows.map((row) => row[1].length));
  return rows.map(
    ([key, type, flags, description]) =>
      `${indent}${style.bold(key.padEnd(keyWidth))}  ${type.padEnd(typeWidth)}  ${flags}${description === '' ? '' : `  ${description}`}`,
  );
}
