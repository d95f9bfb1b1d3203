import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { explainedDiscard } from './scripts/explained-discard.mjs';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', 'conformance/.results/**', 'packages/grpc/src/gen/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  // Rules that need types, on the packages' TypeScript. One program for every package
  // (tsconfig.eslint.json) costs a third less time and memory than a program per package
  // (`projectService`), which type-checks test-utils and @types/node once for each. The types of
  // sibling packages come from their dist, which `pnpm lint` builds first.
  {
    files: ['packages/*/src/**/*.ts', 'packages/*/test/**/*.ts', 'packages/*/tsup.config.ts'],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: { parserOptions: { project: './tsconfig.eslint.json', tsconfigRootDir: import.meta.dirname } },
    plugins: { mcpx: { rules: { 'explained-discard': explainedDiscard } } },
    rules: {
      // A promise dropped on purpose says why (STYLE.md); see scripts/explained-discard.mjs.
      'mcpx/explained-discard': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // Rejecting with an AbortSignal's reason, or with what a callback was given, passes on the caller's error as is.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      // An async function without await is how a method that may throw returns a rejected promise instead.
      '@typescript-eslint/require-await': 'off',
      // It cannot tell a method that uses `this` from a function kept as a field (a promise's resolve) or called with .call().
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Files of the per-call path of a request made only of per-call code (elsewhere on that path,
    // engine.ts, post.ts..., the hot copies were rewritten and the rest are error paths). An object
    // literal that spreads beside other members, once optimized on Node 20, makes a hidden class
    // per copy (about 0.6 µs, and megamorphic reads after): copy with withKey
    // (core/src/util/with-key.ts) or Object.assign here.
    files: [
      'packages/core/src/modern/{envelope,modern-request}.ts',
      'packages/core/src/middleware/request-context.ts',
      'packages/core/src/client/request-pipeline.ts',
      'packages/http/src/modern/request-headers.ts',
      'packages/otel/src/trace-meta.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ObjectExpression[properties.length>1]:has(> SpreadElement)',
          message: 'A per-call copy: use withKey or Object.assign, not a spread beside other members (a hidden class per copy on Node 20).',
        },
      ],
    },
  },
  {
    // The code of the transports, which runs on every message. On Node 20 the global `Buffer` is
    // a getter of globalThis, called on every use (about 7 ns optimized, an inline-cache call
    // before; the HTTP header parse used it ten times a response). `performance` is one too, but
    // core reads it as a global on purpose: fake timers (vitest's, Jest's) replace it.
    files: ['packages/{http,sse,stdio,websocket,grpc}/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        {
          name: 'Buffer',
          message:
            "Import it (import { Buffer } from 'node:buffer'; in @mcpx/stdio from ./node-builtins.js): the global is a getter on Node 20.",
        },
      ],
    },
  },
  {
    files: ['packages/*/test/**/*.ts', 'packages/*/src/**/*.test.ts', 'packages/test-utils/src/**/*.ts'],
    rules: {
      // Tests read JSON and use vitest's asymmetric matchers (expect.any()...), both typed any.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', URL: 'readonly' } },
  },
);
