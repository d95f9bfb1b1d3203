import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, mcpx, requireBuild, scratch } from './helpers.js';

const dir = scratch('listing');
beforeAll(requireBuild);
afterAll(() => dir[Symbol.dispose]());

interface ServerRow {
  name: string;
  transport: string;
  era: string;
  protocolVersion: string;
  state: string;
  latencyMs: number | null;
  tools: number | null;
}

describe('mcpx servers on the example fleet (no config anywhere)', () => {
  it('shows every server with transport, protocol revision, state, latency and tool count', async () => {
    const result = await mcpx(['servers'], { dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('using the example fleet');
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+TRANSPORT\s+PROTOCOL\s+STATE\s+LATENCY\s+TOOLS/);
    for (const name of ['everything', 'filesystem', 'memory']) {
      expect(lines.find((line) => line.startsWith(name))).toMatch(
        new RegExp(`^${name}\\s+stdio\\s+20\\d\\d-\\d\\d-\\d\\d\\s+connected\\s+[\\d.]+ ms\\s+\\d+`),
      );
    }
  });

  it('names the protocol revision each server speaks, never an era such as "legacy"', async () => {
    const result = await mcpx(['servers', 'everything'], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^everything\s+stdio\s+2025-11-25\s+connected/m);
    expect(result.stdout).not.toMatch(/legacy|modern/);
  });

  it('gives the same as JSON', async () => {
    const result = await mcpx(['servers', '--json'], { dir });
    expect(result.code).toBe(0);
    const { servers } = json<{ servers: ServerRow[] }>(result);
    expect(servers.map((server) => server.name)).toEqual(['everything', 'filesystem', 'memory']);
    for (const server of servers) {
      expect(server).toMatchObject({ transport: 'stdio', era: 'legacy', state: 'connected' });
      expect(server.protocolVersion).toMatch(/^20\d\d-\d\d-\d\d$/);
      expect(server.latencyMs).toBeGreaterThan(0);
      expect(server.tools).toBeGreaterThan(0);
    }
  });
});

describe('mcpx tools', () => {
  it("lists one server's tools as server/tool with their descriptions", async () => {
    const result = await mcpx(['tools', 'everything'], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^TOOL\s+DESCRIPTION\n/);
    expect(result.stdout).toMatch(/^everything\/get-sum\s+Returns the sum of two numbers$/m);
    expect(result.stdout).not.toContain('filesystem/');
  });

  it('shows full descriptions and parameters with --long', async () => {
    const result = await mcpx(['tools', 'everything', '--long'], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^everything\/get-sum/m);
    expect(result.stdout).toMatch(/^ {2}a\s+number\s+required\s+First number$/m);
    expect(result.stdout).toMatch(/^ {2}duration\s+number\s+default 10\s+Duration of the operation in seconds$/m);
  });

  it('gives every tool of the fleet with its input schema as JSON', async () => {
    const result = await mcpx(['tools', '--json'], { dir });
    expect(result.code).toBe(0);
    const { tools, failures } = json<{
      tools: Array<{ id: string; server: string; name: string; inputSchema: { properties?: object } }>;
      failures: unknown[];
    }>(result);
    expect(failures).toEqual([]);
    expect(new Set(tools.map((tool) => tool.server))).toEqual(new Set(['everything', 'filesystem', 'memory']));
    const sum = tools.find((tool) => tool.id === 'everything/get-sum');
    expect(sum).toMatchObject({
      server: 'everything',
      name: 'get-sum',
      inputSchema: { properties: { a: { type: 'number' }, b: { type: 'number' } } },
    });
    expect(tools.map((tool) => tool.id)).toContain('memory/read_graph');
  });

  it('says which server names exist when given an unknown one, with exit code 2', async () => {
    const result = await mcpx(['tools', 'everythng'], { dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no server named "everythng"');
    expect(result.stderr).toContain('did you mean "everything"?');
  });
});

describe('mcpx resources', () => {
  it('lists resources with their server, URI and MIME type', async () => {
    const result = await mcpx(['resources'], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^everything\s+demo:\/\/resource\/static\/document\/architecture\.md\s+text\/markdown\s+architecture\.md$/m,
    );
    expect(result.stdout).toMatch(/^memory\s+memory:\/\/knowledge-graph/m);
  });

  it('lists resources and templates as JSON', async () => {
    const listed = json<{ resources: Array<{ server: string; uri: string }> }>(await mcpx(['resources', 'everything', '--json'], { dir }));
    expect(listed.resources).toContainEqual(
      expect.objectContaining({ server: 'everything', uri: 'demo://resource/static/document/features.md' }),
    );
    const templates = await mcpx(['resources', 'everything', '--templates', '--json'], { dir });
    expect(templates.code).toBe(0);
    expect(
      json<{ resourceTemplates: Array<{ uriTemplate: string }> }>(templates).resourceTemplates.map((template) => template.uriTemplate),
    ).toContain('demo://resource/dynamic/text/{resourceId}');
  });

  it('lists templates as a table with --templates', async () => {
    const result = await mcpx(['resources', 'everything', '--templates'], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^SERVER\s+URI TEMPLATE\s+MIME\s+DESCRIPTION$/m);
    expect(result.stdout).toMatch(/^everything\s+demo:\/\/resource\/dynamic\/blob\/\{resourceId\}\s+application\/octet-stream/m);
  });
});

describe('mcpx prompts', () => {
  it('lists prompts with their arguments, required ones starred', async () => {
    const result = await mcpx(['prompts', 'everything'], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^everything\/args-prompt\s+city\* state\s+A prompt with two arguments/m);
    expect(result.stdout).toMatch(/^everything\/simple-prompt\s+-\s+A prompt with no arguments$/m);
  });

  it('describes each argument with --long, and gives prompts as JSON', async () => {
    const long = await mcpx(['prompts', 'everything', '--long'], { dir });
    expect(long.stdout).toMatch(/^ {2}city\s+required\s+Name of the city$/m);
    const result = json<{ prompts: Array<{ id: string; arguments?: Array<{ name: string; required?: boolean }> }> }>(
      await mcpx(['prompts', '--json'], { dir }),
    );
    expect(result.prompts.find((prompt) => prompt.id === 'everything/args-prompt')?.arguments).toEqual([
      { name: 'city', description: 'Name of the city', required: true },
      { name: 'state', required: false },
    ]);
  });
});
