import type { ClientExtension } from '../extensions/extension.js';
import { SKILLS_EXTENSION_ID } from './skill.js';
import { SkillsApi, type SkillsOptions } from './skills-api.js';

/**
 * The Skills extension (SEP-2640, `io.modelcontextprotocol/skills`): register it with a client to
 * list, get and load the skills a server publishes, each file verified against its entry.
 * @example
 * const skillsExtension = skills();
 * const client = new McpClient({ extensions: [skillsExtension] });
 * await client.connect(transport);
 * const api = client.extension(skillsExtension);
 * const [first] = await api.list();
 * const skill = await api.load(first);        // fetches and verifies SKILL.md
 * const forms = await skill.read('references/FORMS.md');
 */
export function skills(options: SkillsOptions = {}): ClientExtension<SkillsApi> {
  return {
    id: SKILLS_EXTENSION_ID,
    methods: ['skills/list', 'skills/get'],
    create: (host) => new SkillsApi(host, options),
  };
}
