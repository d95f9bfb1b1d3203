import type { CallOptions } from '../client/options.js';
import { InvalidResponseError } from '../index.js';
import { SkillLoadError } from '../errors/skill-load-error.js';
import type { ExtensionHost } from '../extensions/extension.js';
import { pastTheCache } from '../internal.js';
import { fileContent } from './file-content.js';
import { frontmatterDifferences, readFrontmatter } from './frontmatter.js';
import { LoadedSkill } from './loaded-skill.js';
import { parseSkill, parseSkillsPage } from './parse-skill.js';
import type { Skill, SkillsPage } from './skill.js';
import { verifyFile } from './verify-file.js';

/** Options of the Skills extension. */
export interface SkillsOptions {
  /**
   * The largest skill `load` accepts, checked from its entry before any file is fetched; SEP-2640
   * requires hosts to accept up to 512 files and 16 MiB. @default { files: 512, bytes: 16777216 }
   */
  limits?: { files?: number; bytes?: number };
  /** Load skills whose `resources` is `"dynamic"`: no digests, so no integrity (their frontmatter is still compared). @default false */
  allowDynamic?: boolean;
}

/** SEP-2640's limits: what every host must accept. */
const DEFAULT_LIMITS = { files: 512, bytes: 16 * 1024 * 1024 };

/** Most pages `list` follows. */
const MAX_PAGES = 100;

/**
 * The Skills extension's API on one client: list and get skill entries, and load a skill, which
 * fetches its `SKILL.md` (nothing is fetched before) and verifies it against its entry.
 */
export class SkillsApi {
  private readonly limits: { files: number; bytes: number };

  /** @internal Made by the extension for each client. */
  constructor(
    private readonly host: ExtensionHost,
    private readonly options: SkillsOptions,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
  }

  /** Whether the connected server declared the Skills extension. */
  get available(): boolean {
    return this.host.serverSettings() !== undefined;
  }

  /** Whether the server reads directories of skills (`directoryRead`). */
  get directoryRead(): boolean {
    return this.host.serverSettings()?.directoryRead === true;
  }

  /** Lists every skill entry, following pagination. An empty list does not prove the server has no skills: `get` still finds one by URI. */
  async list(options?: CallOptions): Promise<Skill[]> {
    const skills: Skill[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await this.listPage(cursor, options);
      skills.push(...result.skills);
      cursor = result.nextCursor;
      if (cursor === undefined) return skills;
    }
    throw new InvalidResponseError(
      `skills/list still had more pages after ${MAX_PAGES}; use listPage to read further`,
      this.where('skills/list'),
    );
  }

  /** Fetches one page of skill entries. */
  async listPage(cursor?: string, options?: CallOptions): Promise<SkillsPage> {
    const raw = await this.host.request('skills/list', cursor === undefined ? {} : { cursor }, options);
    return parseSkillsPage(raw, this.where('skills/list'));
  }

  /** The entry of the skill whose `SKILL.md` is at `uri`, listed or not. */
  async get(uri: string, options?: CallOptions): Promise<Skill> {
    const raw = await this.host.request('skills/get', { uri }, options);
    return parseSkill(raw.skill, this.where('skills/get'));
  }

  /**
   * Loads a skill: fetches its `SKILL.md` and verifies its size, digest and frontmatter against the
   * entry (given, or got with `skills/get` when a URI is given). Fails with `SkillLoadError` when
   * any of them differs, or the skill is past the limits, without using the content.
   */
  async load(skill: Skill | string, options?: CallOptions): Promise<LoadedSkill> {
    const entry = typeof skill === 'string' ? await this.get(skill, options) : parseSkill(skill, this.where('skills/get'));
    this.checkLoadable(entry);
    const where = { skill: entry.uri, server: this.server, method: 'resources/read' };
    const content = fileContent(await this.host.client.readResource(entry.uri, pastTheCache(options)), entry.uri);
    if (content === undefined) throw new SkillLoadError('invalid', `the server returned no content for ${entry.uri}`, where);
    const file = entry.resources === 'dynamic' ? undefined : entry.resources.find((resource) => resource.uri === entry.uri);
    if (file !== undefined) await verifyFile(content, file, entry.uri, this.server);
    const markdown = content.text ?? new TextDecoder('utf-8', { fatal: false }).decode(content.bytes);
    const frontmatter = await readFrontmatter(markdown);
    const differences =
      frontmatter === undefined ? ['(the SKILL.md has no YAML frontmatter)'] : frontmatterDifferences(frontmatter, entry.frontmatter);
    if (differences.length > 0) {
      throw new SkillLoadError(
        'frontmatter',
        `the frontmatter of ${entry.uri} differs from its skill entry in ${differences.join(', ')}; the skill was not loaded`,
        where,
      );
    }
    return new LoadedSkill(entry, markdown, this.host.client, this.limits.bytes, this.server);
  }

  private checkLoadable(entry: Skill): void {
    const where = { skill: entry.uri, server: this.server };
    if (entry.resources === 'dynamic') {
      if (this.options.allowDynamic !== true)
        throw new SkillLoadError(
          'dynamic',
          `${entry.uri} is a dynamic skill, whose content has no digests to verify; pass \`allowDynamic: true\` to skills() to load it anyway`,
          where,
        );
      return;
    }
    const bytes = entry.resources.reduce((total, file) => total + file.size, 0);
    if (entry.resources.length > this.limits.files || bytes > this.limits.bytes) {
      const message = `${entry.uri} has ${entry.resources.length} files and ${bytes} bytes, past this client's limits of ${this.limits.files} files and ${this.limits.bytes} bytes; raise \`limits\` in skills() to load it`;
      throw new SkillLoadError('limits', message, where);
    }
  }

  private get server(): string | undefined {
    return this.host.server;
  }

  private where(method: string): { server: string | undefined; method: string } {
    return { server: this.server, method };
  }
}
