import type { McpClient } from '../client/mcp-client.js';
import type { CallOptions } from '../client/options.js';
import { SkillLoadError } from '../errors/skill-load-error.js';
import { pastTheCache } from '../internal.js';
import { fileContent, type FileContent } from './file-content.js';
import type { Skill, SkillResource } from './skill.js';
import { verifyFile } from './verify-file.js';

/** A skill whose `SKILL.md` was fetched and verified: the host is acting on it, holding its entry. */
export class LoadedSkill {
  /** Bytes of `dynamic` files read so far, against the total-size limit. */
  private dynamicBytes: number;

  /** @internal Made by `SkillsApi.load`. */
  constructor(
    /** The entry the skill was loaded from; every later read is checked against it. */
    readonly entry: Skill,
    /** The text of `SKILL.md`, frontmatter included. */
    readonly markdown: string,
    private readonly client: McpClient,
    private readonly maxBytes: number,
    private readonly server: string | undefined,
  ) {
    this.dynamicBytes = new TextEncoder().encode(markdown).byteLength;
  }

  /** The skill's name, from its frontmatter. */
  get name(): string {
    return this.entry.frontmatter.name;
  }

  /** The URI of the skill's root directory: its `SKILL.md` URI without `/SKILL.md`. */
  get root(): string {
    return this.entry.uri.slice(0, -'/SKILL.md'.length);
  }

  /**
   * Fetches one file of the skill, by its path relative to the skill's root (`references/FORMS.md`)
   * or its URI, and verifies it against the held entry. A file the entry does not list, or content
   * that does not match it, is a `SkillLoadError`.
   */
  async read(path: string, options?: CallOptions): Promise<FileContent> {
    const uri = this.resolve(path);
    const listed = this.listed(uri);
    const result = await this.client.readResource(uri, pastTheCache(options));
    const content = fileContent(result, uri);
    const where = { skill: this.entry.uri, file: uri, server: this.server, method: 'resources/read' };
    if (content === undefined) throw new SkillLoadError('invalid', `the server returned no content for ${uri}`, where);
    if (listed !== undefined) {
      await verifyFile(content, listed, this.entry.uri, this.server);
    } else {
      this.dynamicBytes += content.bytes.byteLength;
      if (this.dynamicBytes > this.maxBytes)
        throw new SkillLoadError(
          'limits',
          `the dynamic skill ${this.entry.uri} went past ${this.maxBytes} bytes at ${uri}; stopped loading it`,
          where,
        );
    }
    return content;
  }

  /** The URI of `path`, resolved against the skill's root; a path that leaves the root is refused. */
  private resolve(path: string): string {
    if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(path)) return path;
    const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
    if (segments.includes('..')) {
      throw new SkillLoadError(
        'unlisted',
        `${path} leaves the directory of the skill ${this.entry.uri}; a skill reads only its own files`,
        { skill: this.entry.uri, file: path, server: this.server },
      );
    }
    return `${this.root}/${segments.join('/')}`;
  }

  /** The held entry's record of `uri`: undefined for a dynamic skill's file under its root, a `SkillLoadError` for a file outside the entry. */
  private listed(uri: string): SkillResource | undefined {
    const { resources } = this.entry;
    if (resources === 'dynamic') {
      if (uri.startsWith(`${this.root}/`)) return undefined;
    } else {
      const file = resources.find((entry) => entry.uri === uri);
      if (file !== undefined) return file;
    }
    throw new SkillLoadError(
      'unlisted',
      `${uri} is not a file of the skill ${this.entry.uri} as its entry lists them; an unlisted file counts as a changed skill (call skills/get for a fresh entry)`,
      {
        skill: this.entry.uri,
        file: uri,
        server: this.server,
      },
    );
  }
}
