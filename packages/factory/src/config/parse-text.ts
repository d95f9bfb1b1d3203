import { dependencyFailed, onFirstUse } from '@mcpx/core/internal';
import type * as Toml from 'smol-toml';
import { stripJsonComments } from './jsonc.js';
import type { ProblemList } from './problem.js';

/** The file formats mcpx reads. */
export type ConfigFormat = 'json' | 'toml';

/** The format a file name implies: TOML for `.toml`, JSON (with comments allowed) otherwise. */
export function formatOf(file: string): ConfigFormat {
  return file.toLowerCase().endsWith('.toml') ? 'toml' : 'json';
}

/**
 * The TOML parser, loaded with the first TOML file: about 20 ms of module loading on Node 20,
 * which a JSON config never pays.
 */
const loadToml = onFirstUse(
  () => import('smol-toml'),
  (error) => dependencyFailed('@mcpx/factory', 'smol-toml', 'read TOML configs', error),
);

/**
 * Parses config text; undefined when it cannot be parsed, with the problem (and its line and
 * column) in `problems`. Rejects with a `ConfigError` when the TOML parser cannot be loaded.
 */
export async function parseText(text: string, format: ConfigFormat, problems: ProblemList): Promise<unknown> {
  if (text.trim() === '') {
    problems.add(
      undefined,
      undefined,
      'is empty',
      format === 'toml' ? 'add a table per server, such as [my-server] with command = "..."' : 'add { "mcpServers": { ... } }',
    );
    return undefined;
  }
  const parser = format === 'toml' ? await loadToml() : undefined;
  try {
    return parser === undefined ? JSON.parse(stripJsonComments(text.replace(/^\uFEFF/, ''))) : parser.parse(text);
  } catch (error) {
    const tomlError = parser !== undefined && error instanceof parser.TomlError ? error : undefined;
    const where = position(error, tomlError, text);
    const what = format === 'toml' ? 'TOML' : 'JSON';
    const message = (tomlError === undefined ? (error as Error).message : (tomlError.message.split('\n')[0] ?? '')).replace(
      /\s*\(line \d+ column \d+\)$/,
      '',
    );
    problems.add(
      undefined,
      undefined,
      `is not valid ${what}${where ? ` at line ${where.line}, column ${where.column}` : ''}: ${message}`,
      `fix the ${what} syntax${where ? ` at line ${where.line}` : ''}`,
    );
    return undefined;
  }
}

function position(error: unknown, tomlError: Toml.TomlError | undefined, text: string): { line: number; column: number } | undefined {
  if (tomlError !== undefined) return { line: tomlError.line, column: tomlError.column };
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const offset = /position (\d+)/.exec(message);
  if (!offset) return undefined;
  const before = text.slice(0, Number(offset[1]));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
