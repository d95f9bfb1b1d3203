import { describe, expect, it } from 'vitest';
import { EXIT } from './exit-codes.js';
import { run } from './run.js';

describe('run', () => {
  it('refuses an option it does not know, naming the one meant, instead of writing elsewhere', async () => {
    let stdout = '';
    let stderr = '';
    const code = await run(['--help'], {
      stdOut: { write: () => true },
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: (chunk: string) => (stderr += chunk) },
    } as never);
    expect(code).toBe(EXIT.config);
    expect(stderr).toContain('run(argv, options): unknown option "stdOut"; did you mean "stdout"?');
    expect(stdout).toBe('');
  });
});
