import { McpClient } from '@mcpx/core';
import { SkillLoadError, skills } from '@mcpx/core/skills';
import { skillsServerCommand } from '@mcpx/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { StdioTransport } from '../src/index.js';

// The official SDK's Skills extension (SEP-2640) as the server, in both protocol eras.
describe.each(['legacy', 'modern'] as const)('skills from the official SDK server (%s era)', (era) => {
  let client: McpClient | undefined;
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  async function connect() {
    const extension = skills();
    client = new McpClient({ era, eraCache: false, server: 'skills', extensions: [extension] });
    await client.connect(new StdioTransport({ ...skillsServerCommand(), stderr: 'pipe' }));
    return { client, api: client.extension(extension) };
  }

  it('sees the extension the server declared, with its settings', async () => {
    const { client, api } = await connect();
    expect(client.serverExtensions?.['io.modelcontextprotocol/skills']).toEqual({ directoryRead: true });
    expect(api.available).toBe(true);
  });

  it('lists the skills with their frontmatter, verbatim', async () => {
    const { api } = await connect();
    const listed = await api.list();
    expect(listed.map((skill) => skill.frontmatter)).toEqual([
      { name: 'git-workflow', description: 'Follow the team conventions for branches and commits' },
      {
        name: 'pdf-processing',
        description: 'Extract, fill, and assemble PDF documents',
        license: 'Apache-2.0',
        metadata: { version: '2.1.0' },
      },
    ]);
  });

  it('loads a skill by URI and reads its supporting file, both verified', async () => {
    const { api } = await connect();
    const skill = await api.load('skill://pdf-processing/SKILL.md');
    expect(skill.markdown).toContain('# PDF processing');
    expect((await skill.read('references/FORMS.md')).text).toBe('# Forms\n\nFill every field.\n');
  });

  it('refuses the content of a skill whose entry no longer matches it', async () => {
    const { api } = await connect();
    const [first] = await api.list();
    const stale = { ...first!, resources: [{ uri: first!.uri, digest: `sha256:${'0'.repeat(64)}`, size: 112 }] };
    const error = await api.load(stale).catch((e: unknown) => e);
    expect(SkillLoadError.isInstance(error) && error.reason).toBe('digest');
  });
});
