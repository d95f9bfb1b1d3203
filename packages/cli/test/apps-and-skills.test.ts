import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { basicAppCommand, everythingCommand, skillsServerCommand } from '@mcpx/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, mcpx, requireBuild, scratch } from './helpers.js';

const dir = scratch('apps-skills');
beforeAll(() => {
  requireBuild();
  dir.write(
    'fleet.json',
    JSON.stringify({
      mcpServers: { basic: basicAppCommand(), docs: skillsServerCommand(), everything: everythingCommand('stdio') },
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

describe('mcpx app', () => {
  it("writes the tool's app HTML to --out and prints its security policy", async () => {
    const result = await run('app', 'basic/get-time', '--out', 'time.html');
    expect(result.code).toBe(0);
    const file = join(dir.path, 'time.html');
    expect(result.stdout).toContain(`ui://get-time/mcp-app.html written to ${file}`);
    expect(result.stdout).toContain("default-src 'none'");
    expect(readFileSync(file, 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('writes the HTML to stdout with --out -', async () => {
    const result = await run('app', 'basic/get-time', '--out', '-');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^<!doctype html>[\s\S]*<\/html>\s*$/i);
  });

  it('says where the file went as JSON', async () => {
    const result = await run('app', 'basic/get-time', '--json');
    expect(result.code).toBe(0);
    const written = json<{ file: string; uri: string; mimeType: string }>(result);
    expect(written).toMatchObject({ uri: 'ui://get-time/mcp-app.html', mimeType: 'text/html;profile=mcp-app' });
    expect(existsSync(written.file)).toBe(true);
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
