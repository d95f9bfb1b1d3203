import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@mcpx/core';

/** A temporary folder, removed by `dispose`. */
export function tempDir(prefix: string): { path: string; write(name: string, text: string): string; [Symbol.dispose](): void } {
  const path = mkdtempSync(join(tmpdir(), `mcpx-factory-${prefix}-`));
  return {
    path,
    write: (name, text) => {
      const file = join(path, name);
      writeFileSync(file, text);
      return file;
    },
    [Symbol.dispose]: () => rmSync(path, { recursive: true, force: true }),
  };
}

/** The text of a tool result's first content block. */
export function textOf(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === 'text' ? first.text : '';
}
