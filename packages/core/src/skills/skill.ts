/** The identifier of the Skills extension (SEP-2640). */
export const SKILLS_EXTENSION_ID = 'io.modelcontextprotocol/skills';

/** A file of a skill, with the digest and size of its content. */
export interface SkillResource {
  /** The file's resource URI. */
  uri: string;
  /** SHA-256 of the file's raw bytes, `sha256:` and 64 lowercase hex digits. */
  digest: string;
  /** The length of the file's raw bytes. */
  size: number;
}

/** A skill's `SKILL.md` frontmatter, verbatim: `name` and `description`, and whatever else its author wrote. */
export interface SkillFrontmatter {
  name: string;
  description: string;
  [field: string]: unknown;
}

/** The entry of one skill, as `skills/list` and `skills/get` return it. */
export interface Skill {
  /** The URI of the skill's `SKILL.md`. */
  uri: string;
  frontmatter: SkillFrontmatter;
  /** Every file of the skill, `SKILL.md` included, or `"dynamic"` when the server cannot publish digests. */
  resources: SkillResource[] | 'dynamic';
}

/** One page of `skills/list`. */
export interface SkillsPage {
  skills: Skill[];
  nextCursor?: string | undefined;
}
