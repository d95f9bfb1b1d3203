import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, eventually, FIXTURES, fixtureConfig, requireBuild, scratch } from './helpers.js';
import { requireTmux, TerminalSession } from './tmux.js';

// These run mcpx in a real terminal (tmux): forms read from a TTY in raw mode, a progress bar
// redrawn in place, colours, Ctrl-C from the keyboard. They fail, never skip, without tmux.
const dir = scratch('terminal');
beforeAll(() => {
  requireBuild();
  requireTmux();
});
afterAll(() => dir[Symbol.dispose]());

describe('an elicitation form in the terminal', () => {
  it('asks each field with its default, re-asks an invalid answer, and sends the answers', async () => {
    using terminal = new TerminalSession(dir, ['call', 'everything/trigger-elicitation-request']);
    await terminal.waitFor('everything asks: Please provide inputs for the following fields:');
    await terminal.waitFor(/String\* — Your full, legal name\n {2}›: $/m);
    terminal.type('Ada Lovelace');
    await terminal.waitFor('Agree to the terms and conditions');
    terminal.type('maybe');
    await terminal.waitFor('✗ answer y or n');
    terminal.type('y');
    await terminal.waitFor('[It was a dark and stormy night.]: ');
    terminal.send('Enter'); // firstLine: its default
    terminal.send('Enter'); // email: optional, left out
    terminal.send('Enter'); // homepage
    terminal.send('Enter'); // birthdate
    await terminal.waitFor('(do not give us your phone number, pin, or other sensitive info)');
    terminal.type('101');
    await terminal.waitFor('✗ at most 100');
    terminal.type('7');
    terminal.send('Enter'); // number: default 3.14
    await terminal.waitFor('Choose your favorite friend');
    terminal.type('3'); // Joey
    for (let field = 0; field < 4; field++) terminal.send('Enter');
    await terminal.waitFor('Send these answers to everything? [Y/n]');
    terminal.send('Enter');
    const screen = await terminal.waitFor('EXIT=');
    expect(screen).toContain('✅ User provided the requested information!');
    expect(screen).toContain('- Name: Ada Lovelace');
    expect(screen).toContain('- Agreed to terms: true');
    expect(screen).toContain('- Favorite Integer: 7');
    expect(screen).toContain('- Favorite Number: 3.14');
    expect(screen).toContain('"untitledSingleSelectEnum": "Joey"');
    expect(screen).toContain('"firstLine": "It was a dark and stormy night."');
    expect(screen).not.toContain('"email"');
    expect(await terminal.exitCode()).toBe(0);
  });

  it('is declined when the user answers n at the end', async () => {
    using terminal = new TerminalSession(dir, ['call', 'everything/trigger-elicitation-request']);
    await terminal.waitFor('Your full, legal name');
    terminal.type('Ada');
    for (let field = 0; field < 12; field++) terminal.send('Enter');
    await terminal.waitFor('Send these answers to everything? [Y/n]');
    terminal.type('n');
    const screen = await terminal.waitFor('EXIT=');
    expect(screen).toContain('User declined to provide the requested information.');
  });

  it('cancels the call on Ctrl-C, exit code 130', async () => {
    using terminal = new TerminalSession(dir, ['call', 'everything/trigger-elicitation-request']);
    await terminal.waitFor('Your full, legal name');
    terminal.send('C-c');
    const screen = await terminal.waitFor('EXIT=');
    expect(screen).toContain('cancelled everything/trigger-elicitation-request');
    expect(await terminal.exitCode()).toBe(130);
  });
});

describe('a URL elicitation in the terminal', () => {
  /** MCPX_BROWSER as a script that writes each URL it is given to a file, and where it writes them. */
  function recordingBrowser(name: string): { env: Record<string, string>; opened: () => string[] } {
    const file = join(dir.path, `${name}.opened`);
    const script = dir.write(
      `${name}.mjs`,
      "import { appendFileSync } from 'node:fs';\nappendFileSync(process.argv[2], `${process.argv[3]}\\n`);\n",
    );
    return {
      env: { MCPX_BROWSER: `${process.execPath} ${script} ${file}` },
      opened: () => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []),
    };
  }

  it('shows the URL and its host, opens it in the browser once the user agrees, and tells the server', async () => {
    const browser = recordingBrowser('agree');
    using terminal = new TerminalSession(
      dir,
      ['call', 'everything/trigger-url-elicitation', 'url=https://example.com/connect', 'message=Connect your account'],
      browser.env,
    );
    await terminal.waitFor('everything asks you to open a page on example.com:\n  https://example.com/connect\n  Connect your account');
    await terminal.waitFor('Open it in your browser? [Y/n]');
    terminal.send('Enter');
    const screen = await terminal.waitFor('EXIT=');
    expect(screen).toContain('User completed the URL elicitation flow');
    expect(await terminal.exitCode()).toBe(0);
    expect(await eventually(() => (browser.opened().length > 0 ? browser.opened() : undefined), 'the browser to be run')).toEqual([
      'https://example.com/connect',
    ]);
  });

  it('opens nothing and tells the server when the user declines', async () => {
    const browser = recordingBrowser('decline');
    using terminal = new TerminalSession(
      dir,
      ['call', 'everything/trigger-url-elicitation', 'url=https://example.com/connect'],
      browser.env,
    );
    await terminal.waitFor('Open it in your browser? [Y/n]');
    terminal.type('n');
    const screen = await terminal.waitFor('EXIT=');
    expect(screen).toContain('User declined to open the URL');
    expect(browser.opened()).toEqual([]);
  });

  it('after -32042, opens the required page, waits for Enter, then retries the call', async () => {
    const browser = recordingBrowser('required');
    using terminal = new TerminalSession(
      dir,
      ['call', 'everything/trigger-url-elicitation', 'url=https://example.com/connect', 'errorPath=true'],
      browser.env,
    );
    await terminal.waitFor('everything asks you to open a page on modelcontextprotocol.io:\n  https://modelcontextprotocol.io\n');
    await terminal.waitFor('Open it in your browser? [Y/n]');
    terminal.type('y');
    await terminal.waitFor('Press Enter once done in the browser');
    await eventually(() => (browser.opened().length > 0 ? true : undefined), 'the browser to be run');
    expect(terminal.screen()).not.toContain('example.com');
    terminal.send('Enter');
    // The retried call asks for its own URL with elicitation/create.
    await terminal.waitFor('everything asks you to open a page on example.com:');
    await terminal.waitFor(/example\.com[\s\S]*Open it in your browser\? \[Y\/n\]/);
    terminal.type('y');
    const screen = await terminal.waitFor('EXIT=');
    expect(screen).toContain('User completed the URL elicitation flow');
    expect(await terminal.exitCode()).toBe(0);
    expect(await eventually(() => (browser.opened().length === 2 ? browser.opened() : undefined), 'the second URL to be opened')).toEqual([
      'https://modelcontextprotocol.io',
      'https://example.com/connect',
    ]);
  });
});

describe('a progress bar in the terminal', () => {
  it('is driven by progress notifications, redrawn in place, and removed at the end', async () => {
    using terminal = new TerminalSession(dir, ['call', 'everything/trigger-long-running-operation', 'duration=3', 'steps=6']);
    const running = await terminal.waitFor(/everything\/trigger-long-running-operation {2}█+░+ [1-5]\/6 +\d+%/);
    expect(running.match(/trigger-long-running-operation {2}█/g)).toHaveLength(1);
    const screen = await terminal.waitFor('EXIT=', 30_000);
    expect(screen).toContain('Long running operation completed. Duration: 3 seconds, Steps: 6.');
    expect(screen).not.toContain('█');
    expect(await terminal.exitCode()).toBe(0);
  });
});

describe('Ctrl-C during a call', () => {
  it('cancels it on the server and exits 130', async () => {
    const log = join(dir.path, 'slow.log');
    dir.write('slow.json', fixtureConfig(log));
    using terminal = new TerminalSession(dir, ['call', 'slow/wait', '--config', 'slow.json']);
    await eventually(() => events(log).find((entry) => entry.event === 'call'), 'the call to reach the server');
    await terminal.waitFor(/slow\/wait {2}\d+ done/);
    terminal.send('C-c');
    const screen = await terminal.waitFor('EXIT=');
    expect(screen).toContain('cancelled slow/wait; slow was told to stop');
    expect(await terminal.exitCode()).toBe(130);
    const [call, cancelled] = events(log).filter((entry) => entry.event !== 'list');
    expect(cancelled).toMatchObject({ event: 'cancelled', requestId: call!.id });
  });
});

describe('health --watch in the terminal', () => {
  it('redraws one table in place', async () => {
    using terminal = new TerminalSession(dir, ['health', 'everything', '--watch', '--interval', '200ms', '--count', '4']);
    expect(await terminal.exitCode()).toBe(0);
    const screen = terminal.screen();
    expect(screen.match(/^NAME\s+STATE\s+LATENCY/gm)).toHaveLength(1);
    expect(screen).toMatch(/^everything\s+connected\s+[\d.]+ ms\s+0%\s+[1-9]\d*\s+closed/m);
  });
});

describe('health --watch while servers connect', () => {
  it('draws its first table at once, the servers connecting, then their checks', async () => {
    const hold = join(dir.path, 'watch.go');
    const server = { command: process.execPath, args: [join(FIXTURES, 'fixture-server.mjs')], env: { MCPX_TEST_HOLD: hold } };
    dir.write('watched.json', JSON.stringify({ mcpServers: { watched: server } }));
    using terminal = new TerminalSession(dir, ['health', '--watch', '--config', 'watched.json', '--interval', '200ms', '--count', '5']);
    await terminal.waitFor(/^watched\s+connecting\s/m);
    dir.write('watch.go', '');
    expect(await terminal.exitCode()).toBe(0);
    const screen = terminal.visible();
    expect(screen.match(/^NAME\s+STATE\s+LATENCY/gm)).toHaveLength(1);
    expect(screen).toMatch(/^watched\s+connected\s+[\d.]+ ms\s+0%\s+[1-9]\d*\s+closed/m);
  });
});

describe('colours', () => {
  it('are used on a terminal', async () => {
    using terminal = new TerminalSession(dir, ['servers', 'memory']);
    await terminal.exitCode();
    expect(terminal.screen(true)).toContain('\u001b[32mconnected');
  });

  it('are never used with NO_COLOR', async () => {
    using terminal = new TerminalSession(dir, ['servers', 'memory'], { NO_COLOR: '1' });
    await terminal.exitCode();
    const screen = terminal.screen(true);
    expect(screen).toMatch(/memory\s+stdio\s+20\d\d-\d\d-\d\d/);
    expect(screen).not.toContain('\u001b[');
  });
});

describe('servers connecting in the terminal', () => {
  it('show a spinner naming them, cleared before the table', async () => {
    const hold = join(dir.path, 'handshake.go');
    const server = { command: process.execPath, args: [join(FIXTURES, 'fixture-server.mjs')], env: { MCPX_TEST_HOLD: hold } };
    dir.write('held.json', JSON.stringify({ mcpServers: { held: server } }));
    using terminal = new TerminalSession(dir, ['servers', '--config', 'held.json']);
    await terminal.waitFor(/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] connecting held {2}[\d.]+ (ms|s)$/m);
    dir.write('handshake.go', '');
    expect(await terminal.exitCode()).toBe(0);
    const screen = terminal.screen();
    expect(screen).toMatch(/^NAME\s+TRANSPORT\s+PROTOCOL\s+STATE/m);
    expect(screen).toMatch(/^held\s+stdio\s+\S+\s+connected/m);
    expect(screen).not.toContain('connecting');
    expect(screen).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
  });
});

describe('the example fleet', () => {
  it('is announced once per terminal session, and again in a new one', async () => {
    using home = scratch('notice');
    using terminal = new TerminalSession(home, ['ping', 'memory'], {}, [['ping', 'memory']]);
    const screen = await terminal.waitFor(/EXIT=\d+[\s\S]*EXIT=\d+/, 40_000);
    expect(screen.match(/EXIT=0/g)).toHaveLength(2);
    expect(screen.match(/using the example fleet/g)).toHaveLength(1);
    using another = new TerminalSession(home, ['ping', 'memory']);
    expect(await another.exitCode()).toBe(0);
    expect(another.screen()).toContain('mcpx: no config found; using the example fleet');
  });
});
