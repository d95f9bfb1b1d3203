import { parse as parseToml, TomlError } from 'smol-toml';
import { stripJsonComments } from './jsonc.js';
import type { ProblemList } from './problem.js';

/** The file formats mcpx reads. */
export type ConfigFormat = 'json' | 'toml';

/** The format a file name implies: TOML for `.toml`, JSON (with comments allowed) otherwise. */
export function formatOf(file: string): ConfigFormat {
  return file.toLowerCase().endsWith('.toml') ? 'toml' : 'json';
}

/** Parses config text; undefined when it cannot be parsed, with the problem (and its line and column) in `problems`. */
export function parseText(text: string, format: ConfigFormat, problems: ProblemList): unknown {
  if (text.trim() === '') {
    problems.add(
      undefined,
      undefined,
      'is empty',
      format === 'toml' ? 'add a table per server, such as [my-server] with command = "..."' : 'add { "mcpServers": { ... } }',
    );
    return undefined;
  }
  try {
    return format === 'toml' ? parseToml(text) : JSON.parse(stripJsonComments(text.replace(/^\uFEFF/, '')));
  } catch (error) {
    const where = position(error, text);
    const what = format === 'toml' ? 'TOML' : 'JSON';
    const message = (error instanceof TomlError ? (error.message.split('\n')[0] ?? '') : (error as Error).message).replace(
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

function position(error: unknown, text: string): { line: number; column: number } | undefined {
  if (error instanceof TomlError) return { line: error.line, column: error.column };
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const offset = /position (\d+)/.exec(message);
  if (!offset) return undefined;
  const before = text.slice(0, Number(offset[1]));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
