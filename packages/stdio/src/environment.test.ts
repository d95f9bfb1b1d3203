import { describe, expect, it } from 'vitest';
import { buildEnvironment, defaultVariableNames, getDefaultEnvironment, pickVariables } from './environment.js';

const posixSource = {
  HOME: '/home/ada',
  LOGNAME: 'ada',
  PATH: '/usr/bin:/bin',
  SHELL: '/bin/bash',
  TERM: 'xterm',
  USER: 'ada',
  AWS_SECRET_ACCESS_KEY: 'secret',
  GITHUB_TOKEN: 'ghp_secret',
  NODE_OPTIONS: '--inspect',
};

describe('the default environment', () => {
  it('holds on POSIX only HOME, LOGNAME, PATH, SHELL, TERM and USER', () => {
    const env = buildEnvironment({ env: {}, inheritEnv: false }, posixSource, 'linux');
    expect(env).toEqual({ HOME: '/home/ada', LOGNAME: 'ada', PATH: '/usr/bin:/bin', SHELL: '/bin/bash', TERM: 'xterm', USER: 'ada' });
  });

  it('holds on Windows only the variables programs need to run', () => {
    expect([...defaultVariableNames('win32')].sort()).toEqual(
      [
        'APPDATA',
        'HOMEDRIVE',
        'HOMEPATH',
        'LOCALAPPDATA',
        'PATH',
        'PROCESSOR_ARCHITECTURE',
        'SYSTEMDRIVE',
        'SYSTEMROOT',
        'TEMP',
        'USERNAME',
        'USERPROFILE',
        'PROGRAMFILES',
      ].sort(),
    );
    const env = buildEnvironment(
      { env: {}, inheritEnv: false },
      { SystemRoot: 'C:\\Windows', Path: 'C:\\bin', API_KEY: 'secret' },
      'win32',
    );
    expect(env).toEqual({ SystemRoot: 'C:\\Windows', Path: 'C:\\bin' });
  });

  it('leaves out unset variables', () => {
    expect(pickVariables({ PATH: '/bin' }, defaultVariableNames('darwin'), 'darwin')).toEqual({ PATH: '/bin' });
  });

  it('leaves out values that are bash function exports', () => {
    const env = buildEnvironment({ env: {}, inheritEnv: false }, { PATH: '/bin', SHELL: '() { :; }; echo pwned' }, 'linux');
    expect(env).toEqual({ PATH: '/bin' });
  });

  it('is what getDefaultEnvironment() returns for this process', () => {
    const env = getDefaultEnvironment();
    const names = defaultVariableNames(process.platform);
    for (const [key, value] of Object.entries(env)) {
      expect(names).toContain(process.platform === 'win32' ? key.toUpperCase() : key);
      expect(value).toBe(process.env[key]);
    }
    if (process.env.PATH !== undefined) expect(env.PATH).toBe(process.env.PATH);
  });
});

describe('the environment of a server', () => {
  it('puts the caller env on top of the defaults', () => {
    const env = buildEnvironment({ env: { PATH: '/opt/bin', API_KEY: 'k' }, inheritEnv: false }, posixSource, 'linux');
    expect(env.PATH).toBe('/opt/bin');
    expect(env.API_KEY).toBe('k');
    expect(env.HOME).toBe('/home/ada');
    expect(env.GITHUB_TOKEN).toBeUndefined();
  });

  it('removes a variable the caller sets to undefined', () => {
    const env = buildEnvironment({ env: { TERM: undefined }, inheritEnv: false }, posixSource, 'linux');
    expect('TERM' in env).toBe(false);
  });

  it('passes a caller value as given, even one that looks like a function export', () => {
    expect(buildEnvironment({ env: { X: '() x' }, inheritEnv: false }, {}, 'linux')).toEqual({ X: '() x' });
  });

  it('holds all of the parent environment with inheritEnv, minus function exports', () => {
    const env = buildEnvironment({ env: { EXTRA: '1' }, inheritEnv: true }, { ...posixSource, 'BASH_FUNC_f%%': '() { echo; }' }, 'linux');
    expect(env).toEqual({ ...posixSource, EXTRA: '1' });
  });

  it('matches variable names without regard to case on Windows, keeping one entry', () => {
    const env = buildEnvironment({ env: { PATH: 'D:\\tools' }, inheritEnv: false }, { Path: 'C:\\bin' }, 'win32');
    expect(env).toEqual({ PATH: 'D:\\tools' });
  });

  it('matches variable names with regard to case on POSIX', () => {
    const env = buildEnvironment({ env: { path: 'lower' }, inheritEnv: false }, { PATH: '/bin' }, 'linux');
    expect(env).toEqual({ PATH: '/bin', path: 'lower' });
  });
});
