import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const built = (): string => readFileSync(new URL('../dist/index.js', import.meta.url), 'utf8');

// jose is about half of what importing @mcpx/auth costs (about 50 ms of 80 on Node 20): a login
// without DPoP or private_key_jwt never loads it.
describe('the built @mcpx/auth', () => {
  it('does not import jose when it is imported', () => {
    expect(built()).not.toMatch(/^\s*(?:import|export)\s[^;]*?from\s*["']jose["']/m);
  });

  it('imports jose by import() when a key is first made or read', () => {
    expect(built()).toContain(`import('jose')`);
  });

  it('still imports oauth4webapi, so the first check can fail', () => {
    expect(built()).toMatch(/^\s*import\s[^;]*?from\s*["']oauth4webapi["']/m);
  });
});
