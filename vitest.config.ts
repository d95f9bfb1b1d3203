import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const packages = readdirSync('packages').filter((name) => existsSync(join('packages', name, 'package.json')));

export default defineConfig({
  test: {
    projects: [
      ...packages.map((name) => {
        const pkg = JSON.parse(readFileSync(join('packages', name, 'package.json'), 'utf8')) as { version: string };
        return {
          define: { __MCPX_VERSION__: JSON.stringify(pkg.version) },
          test: {
            name,
            root: join('packages', name),
            include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
            testTimeout: 30_000,
            hookTimeout: 60_000,
            // expect.poll waits 1 s by default, too short for a loaded CI machine.
            expect: { poll: { timeout: 10_000 } },
          },
        };
      }),
      { test: { name: 'examples', root: 'examples', include: ['**/*.test.ts'], testTimeout: 60_000 } },
      // The repository's own checks (its lint rule).
      { test: { name: 'scripts', root: 'scripts', include: ['*.test.ts'], testTimeout: 30_000 } },
      // The bench's verdicts on its targets (not the benchmarks themselves).
      { test: { name: 'bench', root: 'bench', include: ['lib/*.test.mjs'] } },
    ],
  },
});
