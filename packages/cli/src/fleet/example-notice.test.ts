import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announceExampleFleet, cacheDir, terminalSession } from './example-notice.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mcpx-notice-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('announceExampleFleet', () => {
  it('says it once per terminal session', () => {
    const options = { env: {}, terminal: true, homedir: home, platform: 'linux' as const };
    expect(announceExampleFleet({ ...options, session: 'one' })).toBe(true);
    expect(announceExampleFleet({ ...options, session: 'one' })).toBe(false);
    expect(announceExampleFleet({ ...options, session: 'two' })).toBe(true);
    expect(announceExampleFleet({ ...options, session: 'one' })).toBe(false);
  });

  it('says it on every run when stderr is not a terminal', () => {
    const options = { env: {}, terminal: false, homedir: home, session: 'one' };
    expect(announceExampleFleet(options)).toBe(true);
    expect(announceExampleFleet(options)).toBe(true);
  });

  it('forgets the oldest sessions, remembering twenty', () => {
    const options = { env: {}, terminal: true, homedir: home, platform: 'linux' as const };
    for (let session = 0; session < 21; session++) announceExampleFleet({ ...options, session: `s${session}` });
    expect(announceExampleFleet({ ...options, session: 's20' })).toBe(false);
    expect(announceExampleFleet({ ...options, session: 's1' })).toBe(false);
    expect(announceExampleFleet({ ...options, session: 's0' })).toBe(true);
  });
});

describe('terminalSession', () => {
  const proc: Record<string, string> = {
    '/proc/self/stat': '4242 (node (mcpx)) S 4200 4242 4100 34817 4242 4194304 0 0 0 0 0 0 0 0 20 0 11 0 99999 0',
    '/proc/4100/stat': '4100 (bash) S 4000 4100 4100 34817 4242 4194560 0 0 0 0 0 0 0 0 20 0 1 0 123456 0',
    '/proc/sys/kernel/random/boot_id': 'b00t\n',
  };
  const read = (path: string): string => {
    const text = proc[path];
    if (text === undefined) throw new Error(`ENOENT ${path}`);
    return text;
  };

  it("is the terminal's own id where it sets one", () => {
    expect(terminalSession({ TERM_SESSION_ID: 'w0t0p0:ABC' }, 'darwin')).toBe('term:w0t0p0:ABC');
    expect(terminalSession({ WT_SESSION: 'f00' }, 'win32')).toBe('wt:f00');
  });

  it("is the kernel's session on Linux, with its leader's start and the boot", () => {
    expect(terminalSession({}, 'linux', read)).toBe('sid:b00t:4100:123456');
  });

  it('is the parent process elsewhere', () => {
    expect(terminalSession({}, 'darwin', read)).toBe(`ppid:${process.ppid}`);
    expect(terminalSession({}, 'linux', () => 'garbage')).toBe(`ppid:${process.ppid}`);
  });
});

describe('cacheDir', () => {
  it("is the platform's cache folder, or $XDG_CACHE_HOME's", () => {
    expect(cacheDir({}, '/home/ada', 'linux')).toBe(join('/home/ada', '.cache', 'mcpx'));
    expect(cacheDir({ XDG_CACHE_HOME: '/cache' }, '/home/ada', 'linux')).toBe(join('/cache', 'mcpx'));
    expect(cacheDir({}, '/Users/ada', 'darwin')).toBe(join('/Users/ada', 'Library', 'Caches', 'mcpx'));
    expect(cacheDir({ LOCALAPPDATA: 'C:/Users/ada/AppData/Local' }, 'C:/Users/ada', 'win32')).toBe(
      join('C:/Users/ada/AppData/Local', 'mcpx', 'Cache'),
    );
  });
});
