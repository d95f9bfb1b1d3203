import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

describe('the built @mcpx/core', () => {
  const files = readdirSync(dist).filter((f) => f.endsWith('.js'));

  it('has a main and a testing entry', () => {
    expect(files).toEqual(expect.arrayContaining(['index.js', 'testing.js']));
  });

  it.each(['node:child_process', 'child_process', 'ws', 'undici', 'node:http', 'node:net'])('never imports %s', (specifier) => {
    for (const file of files) {
      const source = readFileSync(dist + file, 'utf8');
      expect(source, file).not.toMatch(new RegExp(`from\\s*["']${specifier}["']|import\\(\\s*["']${specifier}["']\\s*\\)`));
    }
  });
});
