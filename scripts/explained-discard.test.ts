import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { explainedDiscard } from './explained-discard.mjs';

RuleTester.describe = describe;
RuleTester.it = it;

const tester = new RuleTester({
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: { projectService: { allowDefaultProject: ['*.ts'] }, tsconfigRootDir: import.meta.dirname },
  },
});

const declared = 'declare const work: Promise<void>; declare function start(): Promise<number>; declare const seen: Set<string>;\n';
const typed = (name: string, code: string): { name: string; filename: string; code: string } => ({
  name,
  filename: 'case.ts',
  code: declared + code,
});

tester.run('explained-discard', explainedDiscard, {
  valid: [
    typed(
      'accepts a void promise with a comment on the line above',
      '// the outcome shows in the state events; nobody awaits it\nvoid start();',
    ),
    typed(
      'accepts a void promise with a comment at the end of its line',
      "void start(); // its failure is reported by the transport's onerror",
    ),
    typed('ignores void of a value that is not a promise', "const forget = (): void => void seen.delete('a');"),
    typed(
      'accepts a swallowed failure with a comment inside its chain',
      'const closing = work\n  // a client that fails to close is gone all the same\n  .catch(() => undefined);',
    ),
    typed('ignores a catch that handles the failure', 'work.catch((error: unknown) => console.error(error));'),
    typed(
      'accepts a swallowed failure with a block comment above',
      '/* marks the failure handled: the caller awaits work itself */\nwork.catch(() => {});',
    ),
  ],
  invalid: [
    { ...typed('reports a void promise without a comment', 'void start();'), errors: [{ messageId: 'void' }] },
    { ...typed('reports a catch that swallows without a comment', 'work.catch(() => undefined);'), errors: [{ messageId: 'swallow' }] },
    {
      ...typed('reports a then whose rejection handler does nothing', 'work.then(() => 1, () => {});'),
      errors: [{ messageId: 'swallow' }],
    },
    { ...typed('reports a void swallowed promise once', 'void work.catch(() => undefined);'), errors: [{ messageId: 'void' }] },
    {
      ...typed('does not take an eslint directive for a reason', '// eslint-disable-next-line no-console\nvoid start();'),
      errors: [{ messageId: 'void' }],
    },
    {
      ...typed('does not take a comment a blank line away for a reason', '// an unrelated note\n\nwork.catch(() => void 0);'),
      errors: [{ messageId: 'swallow' }],
    },
  ],
});
