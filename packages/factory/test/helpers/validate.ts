// What the validateConfig tests of src/config/ share: the options of a config and its problems.
import { ConfigValidationError } from '../../src/errors/config-validation-error.js';
import type { ConfigProblem } from '../../src/config/problem.js';
import { validateConfig, type ValidateConfigOptions } from '../../src/config/validate-config.js';

export const options: ValidateConfigOptions = {
  file: 'mcp_servers.json',
  env: { API_TOKEN: 'secret', HOST: 'example.com' },
  cwd: '/work',
  homedir: '/home/ada',
};

export function problemsOf(input: unknown, extra: ValidateConfigOptions = {}): Omit<ConfigProblem, 'file'>[] {
  try {
    validateConfig(input, { ...options, ...extra });
  } catch (error) {
    if (!ConfigValidationError.isInstance(error)) throw error;
    return error.problems.map(({ server, field, message, fix }) => ({ server, field, message, fix }));
  }
  throw new Error('the config was accepted');
}
