import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const built = (): string => readFileSync(new URL('../dist/index.js', import.meta.url), 'utf8');

// The TOML parser is about 20 ms of module loading on Node 20: a JSON config never loads it.
describe('the built @mcpx/factory', () => {
  it('does not import smol-toml when it is imported', () => {
    expect(built()).not.toMatch(/^\s*(?:import|export)\s[^;]*?from\s*["']smol-toml["']/m);
  });

  it('imports @mcpx/core statically, so that the first check can fail', () => {
    expect(built()).toMatch(/^\s*import\s[^;]*?from\s*["']@mcpx\/core["']/m);
  });

  it('imports smol-toml by import() when it reads a TOML file', () => {
    expect(built()).toContain(`import('smol-toml')`);
  });
});
