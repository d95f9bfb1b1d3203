import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, json, mcpx, requireBuild, scratch, type Scratch } from './helpers.js';

const dir = scratch('config');
const everything = join(
  dirname(createRequire(import.meta.url).resolve('@modelcontextprotocol/server-everything/package.json')),
  'dist',
  'index.js',
);
beforeAll(requireBuild);
afterAll(() => dir[Symbol.dispose]());

const BROKEN = `{
  // two mistakes and a server that cannot start
  "mcpServers": {
    "typo": { "comand": "node" },
    "badargs": { "command": "node", "args": ["ok", 8080] }
  }
}`;

describe('mcpx validate', () => {
  it('accepts the example fleet and lists its servers', async () => {
    const result = await mcpx(['validate'], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✓ .*examples[/\\]mcp_servers\.json is valid: 3 servers/);
    expect(result.stdout).toMatch(/^everything\s+stdio\s+yes\s+node .*server-everything/m);
  });

  it('reports every problem of a broken config with exit code 3', async () => {
    dir.write('broken.json', BROKEN);
    const result = await mcpx(['validate', 'broken.json'], { dir });
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('✗ broken.json has 2 problems:');
    expect(result.stdout).toContain('1. broken.json, server "typo", field "comand": unknown key "comand"; fix: did you mean "command"?');
    expect(result.stdout).toMatch(/2\. broken\.json, server "badargs", field "args\[1\]": must be a string/);
  });

  it('gives the problems as JSON', async () => {
    const result = await mcpx(['validate', '--config', 'broken.json', '--json'], { dir });
    expect(result.code).toBe(3);
    const report = json<{ valid: boolean; problems: Array<{ server: string; field: string; fix: string }> }>(result);
    expect(report.valid).toBe(false);
    expect(report.problems.map((problem) => [problem.server, problem.field])).toEqual([
      ['typo', 'comand'],
      ['badargs', 'args[1]'],
    ]);
  });

  it('warns, exit code unchanged, of a command that would not be found, on the PATH or from the working folder', async () => {
    dir.write(
      'missing-commands.json',
      JSON.stringify({
        mcpServers: {
          ghost: { command: 'mcpx-no-such-command' },
          local: { command: './bin/server.sh' },
          ok: { command: process.execPath },
        },
      }),
    );
    const result = await mcpx(['validate', 'missing-commands.json'], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✓ missing-commands.json is valid: 3 servers');
    expect(result.stdout).toContain('! 2 warnings:');
    expect(result.stdout).toContain(
      '1. missing-commands.json, server "ghost", field "command": "mcpx-no-such-command" was not found on the PATH, so the server will not start; fix: install it',
    );
    expect(result.stdout).toContain(
      `2. missing-commands.json, server "local", field "command": "./bin/server.sh" was not found from ${dir.path}`,
    );
    const asJson = json<{ valid: boolean; warnings: Array<{ server: string; field: string }> }>(
      await mcpx(['validate', 'missing-commands.json', '--json'], { dir }),
    );
    expect(asJson.valid).toBe(true);
    expect(asJson.warnings.map((warning) => [warning.server, warning.field])).toEqual([
      ['ghost', 'command'],
      ['local', 'command'],
    ]);
  });

  it('gives a valid config as JSON', async () => {
    const result = await mcpx(['validate', '--json'], { dir });
    expect(result.code).toBe(0);
    expect(json<{ valid: boolean; servers: Array<{ name: string; transport: string }> }>(result)).toMatchObject({
      valid: true,
      servers: [{ name: 'everything', transport: 'stdio' }, { name: 'filesystem' }, { name: 'memory' }],
      warnings: [],
    });
  });
});

describe('the example fleet without a terminal', () => {
  it('is announced on every run, for the record of a log or a script', async () => {
    for (let run = 0; run < 2; run++) {
      const result = await mcpx(['validate'], { dir });
      expect(result.stderr).toMatch(
        /^mcpx: no config found; using the example fleet \(.*examples[/\\]mcp_servers\.json\)\. .*config init writes your own\.\n$/,
      );
    }
    expect((await mcpx(['validate', '--json'], { dir })).stderr).toBe('');
  });
});

describe('a config with errors', () => {
  it('makes every command print the validation report and exit 3', async () => {
    const result = await mcpx(['servers', '--config', 'broken.json'], { dir });
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('broken.json has 2 problems:');
    expect(result.stderr).toContain('did you mean "command"?');
    const asJson = await mcpx(['tools', '--config', 'broken.json', '--json'], { dir });
    expect(asJson.code).toBe(3);
    expect(JSON.parse(asJson.stderr)).toMatchObject({
      error: { name: 'ConfigValidationError', exitCode: 3, problems: [{ server: 'typo' }, { server: 'badargs' }] },
    });
  });

  it('that does not exist exits 3 naming the file', async () => {
    const result = await mcpx(['servers', '--config', 'missing.json'], { dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('missing.json: does not exist');
  });

  it('is found in the current folder before the example fleet', async () => {
    const project = scratch('discovered');
    try {
      project.write('mcp_servers.json', BROKEN);
      const result = await mcpx(['servers'], { dir: project });
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('mcp_servers.json has 2 problems');
      expect(result.stderr).not.toContain('example fleet');
    } finally {
      project[Symbol.dispose]();
    }
  });
});

describe("other hosts' config files", () => {
  const servers = (name: string): string =>
    JSON.stringify({ mcpServers: { [name]: { command: process.execPath, args: [everything, 'stdio'] } } });
  const claudeDesktop = (home: string): string =>
    process.platform === 'darwin'
      ? join(home, 'Library', 'Application Support', 'Claude', 'claude_desktop_config.json')
      : process.platform === 'win32'
        ? join(home, 'AppData', 'Roaming', 'Claude', 'claude_desktop_config.json')
        : join(home, '.config', 'Claude', 'claude_desktop_config.json');
  const place = (root: Scratch, path: string, text: string): void => {
    mkdirSync(dirname(join(root.path, path)), { recursive: true });
    root.write(path, text);
  };

  it("finds Cursor's .cursor/mcp.json in the current folder", async () => {
    using project = scratch('cursor');
    place(project, join('.cursor', 'mcp.json'), servers('from-cursor'));
    const result = await mcpx(['validate', '--json'], { dir: project });
    expect(json(result)).toMatchObject({ valid: true, file: join('.cursor', 'mcp.json'), servers: [{ name: 'from-cursor' }] });
  });

  it("finds Claude Desktop's config file in the home folder", async () => {
    using home = scratch('claude');
    place(home, relative(home.path, claudeDesktop(home.path)), servers('from-claude'));
    const result = await mcpx(['validate', '--json'], { dir: home });
    expect(json(result)).toMatchObject({ valid: true, servers: [{ name: 'from-claude' }] });
    expect(result.stderr).not.toContain('example fleet');
  });

  it("prefers the project's files to the home folder's", async () => {
    using project = scratch('precedence');
    place(project, relative(project.path, claudeDesktop(project.path)), servers('from-claude'));
    place(project, join('.cursor', 'mcp.json'), servers('from-cursor'));
    place(project, join('.vscode', 'mcp.json'), JSON.stringify({ servers: { 'from-vscode': { command: 'node' } } }));
    const result = await mcpx(['validate', '--json'], { dir: project });
    expect(json(result)).toMatchObject({ file: join('.cursor', 'mcp.json'), servers: [{ name: 'from-cursor' }] });
    place(project, '.mcp.json', servers('from-claude-code'));
    expect(json(await mcpx(['validate', '--json'], { dir: project }))).toMatchObject({
      file: '.mcp.json',
      servers: [{ name: 'from-claude-code' }],
    });
  });
});

describe('a server that cannot start', () => {
  it('is shown failed with the reason, the others still listed, exit code 4', async () => {
    const config = JSON.stringify({
      mcpServers: {
        ghost: { command: 'mcpx-no-such-command' },
        everything: { command: process.execPath, args: [everything, 'stdio'] },
      },
    });
    dir.write('ghost.json', config);
    const servers = await mcpx(['servers', '--config', 'ghost.json', '--json'], { dir });
    expect(servers.code).toBe(4);
    const rows = json<{ servers: Array<{ name: string; state: string; error: string | null; tools: number | null }> }>(servers).servers;
    expect(rows[0]).toMatchObject({
      name: 'ghost',
      state: 'failed',
      tools: null,
      error: expect.stringContaining('the command "mcpx-no-such-command" was not found'),
    });
    expect(rows[1]).toMatchObject({ name: 'everything', state: 'connected' });
    const tools = await mcpx(['tools', '--config', 'ghost.json'], { dir });
    expect(tools.code).toBe(4);
    expect(tools.stdout).toContain('everything/echo');
    expect(tools.stderr).toMatch(/ghost could not connect: .*was not found/);
    const call = await mcpx(['call', 'ghost/anything', '--config', 'ghost.json'], { dir });
    expect(call.code).toBe(4);
    expect(call.stderr).toContain('ghost could not connect');
  });

  it('is shown by mcpx servers with the last lines it wrote on stderr, in the words of connecting', async () => {
    dir.write(
      'failing.json',
      JSON.stringify({ mcpServers: { failing: { command: process.execPath, args: [join(FIXTURES, 'failing-server.mjs')] } } }),
    );
    const result = await mcpx(['servers', '--config', 'failing.json'], { dir });
    expect(result.code).toBe(4);
    expect(result.stdout).toMatch(/^failing\s+stdio\s+-\s+failed\s+-\s+-\s+the server exited with code 1 during the handshake$/m);
    expect(result.stderr).toBe(
      [
        'mcpx: failing could not connect: the server exited with code 1 during the handshake',
        '  its last lines on stderr:',
        '    failing-server: reading the configuration',
        '    Error: MCPX_TEST_API_KEY is not set',
        '',
      ].join('\n'),
    );
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/server\/discover|initialize/);
  });
});

describe('mcpx config init', () => {
  it('writes a commented starter file that validates, and refuses to overwrite it', async () => {
    const project = scratch('init');
    try {
      const written = await mcpx(['config', 'init'], { dir: project });
      expect(written.code).toBe(0);
      expect(written.stdout).toContain(`wrote ${join(project.path, 'mcp_servers.json')}`);
      const text = readFileSync(join(project.path, 'mcp_servers.json'), 'utf8');
      expect(text).toMatch(/^\/\/ mcpx config/);
      const validated = await mcpx(['validate', '--json'], { dir: project });
      expect(validated.code).toBe(0);
      expect(json<{ servers: Array<{ name: string; enabled: boolean }> }>(validated).servers).toEqual([
        expect.objectContaining({ name: 'everything', enabled: true }),
        expect.objectContaining({ name: 'files', enabled: false }),
        expect.objectContaining({ name: 'remote', enabled: false }),
      ]);
      const again = await mcpx(['config', 'init', '--json'], { dir: project });
      expect(again.code).toBe(1);
      expect(JSON.parse(again.stderr).error.message).toContain('exists already');
      const forced = await mcpx(['config', 'init', 'sub/servers.json', '--json'], { dir: project });
      expect(json(forced)).toEqual({ written: join(project.path, 'sub', 'servers.json') });
    } finally {
      project[Symbol.dispose]();
    }
  });
});
