#!/usr/bin/env node
// A dual-era MCP server that publishes skills with the official SDK's Skills extension
// (SEP-2640, @modelcontextprotocol/server/ext/skills), over stdio: `node skills-server.mjs`.
// Its skills are the in-memory files below; the SDK computes their entries (digests, sizes,
// frontmatter) and serves skills/list, skills/get and resources/read.
import { McpServer } from '@modelcontextprotocol/server';
import { memorySkillFiles, SkillsExtension } from '@modelcontextprotocol/server/ext/skills';
import { serveStdio } from '@modelcontextprotocol/server/stdio';

export const SKILL_FILES = {
  'pdf-processing/SKILL.md':
    '---\nname: pdf-processing\ndescription: Extract, fill, and assemble PDF documents\nlicense: Apache-2.0\nmetadata:\n  version: "2.1.0"\n---\n\n# PDF processing\n\nRead references/FORMS.md before filling a form.\n',
  'pdf-processing/references/FORMS.md': '# Forms\n\nFill every field.\n',
  'git-workflow/SKILL.md':
    '---\nname: git-workflow\ndescription: Follow the team conventions for branches and commits\n---\n\nBranch from main.\n',
};

const catalog = await SkillsExtension.load(memorySkillFiles(SKILL_FILES), {
  onWarning: (warning) => console.error(`skills: ${warning.path}: ${warning.message}`),
});

serveStdio(
  () => {
    const mcp = new McpServer({ name: 'mcpx-skills-test-server', version: '1.0.0' }, { capabilities: { resources: {} } });
    catalog.attach(mcp);
    return mcp;
  },
  { onerror: (error) => console.error(`[skills-server] ${error.stack ?? error}`) },
);
