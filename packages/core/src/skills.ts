/**
 * @module @mcpx/core/skills — the Skills extension (SEP-2640) for `McpClient`: list, get and load
 * the skills a server publishes, verifying every file against its entry. A separate entry because it
 * parses YAML frontmatter (the `yaml` package), which the rest of the client does not need. Every
 * export is public API.
 */
export { skills } from './skills/skills-extension.js';
export { SKILLS_EXTENSION_ID } from './skills/skill.js';
export { SkillsApi } from './skills/skills-api.js';
export { LoadedSkill } from './skills/loaded-skill.js';
export { SkillLoadError } from './errors/skill-load-error.js';

export type { Skill, SkillResource, SkillFrontmatter, SkillsPage } from './skills/skill.js';
export type { SkillsOptions } from './skills/skills-api.js';
export type { FileContent } from './skills/file-content.js';
export type { SkillLoadFailure, SkillLoadErrorOptions } from './errors/skill-load-error.js';
