// What the validateConfig tests of src/config/ share: the options of a config and the problems it reports.
import { ConfigValidationError } from '../../src/errors/config-validation-error.js';
import type { ConfigProblem } from '../../src/config/problem.js';
import { validateConfig, type ValidateConfigOptions } from '../../src/config/validate-config.js';

export const options: ValidateConfigOptions = {
  file: 'mcp_servers.json',
  env: { API_TOKEN: 'secret', HOST: 'example.com' },
  cwd: '/work',
  homedir: '/home/ada',
};

/** The problems `validateConfig` reports for `input`, without their file; throws when it accepts the config. */
export function configProblems(input: unknown, readWith: ValidateConfigOptions): Omit<ConfigProblem, 'file'>[] {
  try {
    validateConfig(input, readWith);
  } catch (error) {
    if (!ConfigValidationError.isInstance(error)) throw error;
    return error.problems.map(({ server, field, message, fix }) => ({ server, field, message, fix }));
  }
  throw new Error('the config was accepted');
}

/** The problems of `input` read with `options` and `extra`. */
export function problemsOf(input: unknown, extra: ValidateConfigOptions = {}): Omit<ConfigProblem, 'file'>[] {
  return configProblems(input, { ...options, ...extra });
}
