import { readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { appsServerCommand, basicAppCommand, everythingCommand, skillsServerCommand } from '@mcpx/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, mcpx, requireBuild, scratch } from './helpers.js';

const dir = scratch('apps-skills');
beforeAll(() => {
  requireBuild();
  dir.write(
    'fleet.json',
    JSON.stringify({
      mcpServers: {
        basic: basicAppCommand(),
        docs: skillsServerCommand(),
        everything: everythingCommand('stdio'),
        weather: appsServerCommand(),
      },
    }),
  );
});
afterAll(() => dir[Symbol.dispose]());

const run = (...args: string[]) => mcpx([...args, '--config', 'fleet.json'], { dir });

describe('mcpx tools and MCP Apps', () => {
  it('marks the tools that have an app in an APP column', async () => {
    const result = await run('tools', 'basic');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^TOOL\s+APP\s+DESCRIPTION/);
    expect(result.stdout).toMatch(/^basic\/get-time\s+app\s+Returns the current server time/m);
  });

  it('keeps two columns for a server without apps', async () => {
    const result = await run('tools', 'everything');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^TOOL\s+DESCRIPTION/);
  });

  it("gives a tool's app in the JSON listing", async () => {
    const result = await run('tools', 'basic', '--json');
    const { tools } = json<{ tools: Array<{ id: string; app?: unknown }> }>(result);
    expect(tools.find((tool) => tool.id === 'basic/get-time')?.app).toEqual({ resourceUri: 'ui://get-time/mcp-app.html', appOnly: false });
  });
});

const POLICY_META = '<meta http-equiv="Content-Security-Policy" content="default-src \'none\';';

describe('mcpx app', () => {
  it("writes the tool's app HTML to --out with its policy first, and prints the policy", async () => {
    const result = await run('app', 'basic/get-time', '--out', 'time.html');
    expect(result.code).toBe(0);
    const file = join(dir.path, 'time.html');
    expect(result.stdout).toContain(`ui://get-time/mcp-app.html written to ${file}`);
    expect(result.stdout).toContain("default-src 'none'");
    expect(readFileSync(file, 'utf8')).toMatch(/^<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none';/i);
  });

  it('warns on stderr that opening the file runs the server scripts', async () => {
    const result = await run('app', 'basic/get-time', '--out', 'warned.html');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`opening ${join(dir.path, 'warned.html')} runs the server's scripts in your browser`);
  });

  it("writes the server's HTML as it is with --raw, and says it has no policy", async () => {
    const result = await run('app', 'basic/get-time', '--out', 'raw.html', '--raw');
    expect(result.code).toBe(0);
    const html = readFileSync(join(dir.path, 'raw.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toContain('Content-Security-Policy');
    expect(result.stderr).toContain('with no policy');
  });

  it('writes the HTML with its policy to stdout with --out -', async () => {
    const result = await run('app', 'basic/get-time', '--out', '-');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^<!doctype html><meta [^>]*>[\s\S]*<\/html>\s*$/i);
    expect(result.stdout).toContain(POLICY_META);
  });

  it('writes to a new private folder by default, never to a path known in advance', async () => {
    const result = await run('app', 'basic/get-time', '--json');
    expect(result.code).toBe(0);
    const written = json<{ file: string; uri: string; mimeType: string }>(result);
    try {
      expect(written).toMatchObject({ uri: 'ui://get-time/mcp-app.html', mimeType: 'text/html;profile=mcp-app' });
      expect(dirname(dirname(written.file))).toBe(tmpdir());
      expect(basename(dirname(written.file))).toMatch(/^mcpx-app-.{6}$/);
      expect(statSync(written.file).mode & 0o777).toBe(0o600);
      expect(readFileSync(written.file, 'utf8')).toContain(POLICY_META);
    } finally {
      rmSync(dirname(written.file), { recursive: true, force: true });
    }
  });

  it("prints the app's sandbox domain without the terminal control characters the server put in it", async () => {
    const result = await run('app', 'weather/radar', '--out', 'radar.html');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('domain: radar[2J.sandbox.example');
    expect(result.stdout.replaceAll('\n', '')).not.toMatch(/\p{Cc}/u);
  });

  it('refuses a tool without an app, as a usage error', async () => {
    const result = await run('app', 'everything/echo');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('everything/echo has no app');
  });
});

describe('mcpx skills', () => {
  it("lists a server's skills with their descriptions", async () => {
    const result = await run('skills', 'docs');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^SKILL\s+DESCRIPTION/);
    expect(result.stdout).toMatch(/^pdf-processing\s+Extract, fill, and assemble PDF documents/m);
    expect(result.stdout).toMatch(/^git-workflow\s+/m);
  });

  it("prints one skill's SKILL.md, verified against its entry", async () => {
    const result = await run('skills', 'docs', 'pdf-processing');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^---\nname: pdf-processing/);
    expect(result.stdout).toContain('# PDF processing');
  });

  it('gives the entries with their digests as JSON', async () => {
    const result = await run('skills', 'docs', '--json');
    const { skills } = json<{ skills: Array<{ uri: string; resources: Array<{ digest: string }> }> }>(result);
    expect(skills.map((skill) => skill.uri)).toContain('skill://pdf-processing/SKILL.md');
    expect(skills[0]?.resources[0]?.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('suggests the name of a skill it does not list', async () => {
    const result = await run('skills', 'docs', 'pdf-procesing');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('did you mean "pdf-processing"');
  });

  it('says so when a server publishes no skills', async () => {
    const result = await run('skills', 'everything');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('everything publishes no skills');
  });
});
