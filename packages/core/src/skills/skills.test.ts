import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { McpClient } from '../client/mcp-client.js';
import { SkillLoadError } from '../errors/skill-load-error.js';
import { FakeServer } from '../testing/fake-server.js';
import type { Skill } from './skill.js';
import type { SkillsOptions } from './skills-api.js';
import { skills } from './skills-extension.js';

// The skill of the conformance suite's SEP-2640 scenarios (@modelcontextprotocol/conformance 0.2.0-alpha.12).
const SKILL_URI = 'skill://pdf-processing/SKILL.md';
const FORMS_URI = 'skill://pdf-processing/references/FORMS.md';
const SKILL_MD = '---\nname: pdf-processing\ndescription: Extract, fill, and assemble PDF documents\n---\n\nSkill body.\n';
const FORMS_MD = 'Supporting content.\n';
const FRONTMATTER = { name: 'pdf-processing', description: 'Extract, fill, and assemble PDF documents' };

const digest = (text: string): string => `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
const file = (uri: string, text: string) => ({ uri, digest: digest(text), size: Buffer.byteLength(text) });
const ENTRY: Skill = { uri: SKILL_URI, frontmatter: FRONTMATTER, resources: [file(SKILL_URI, SKILL_MD), file(FORMS_URI, FORMS_MD)] };

/** A server that declares the Skills extension, lists `entry` and serves `files`; it records what was read. */
function skillServer(entry: Skill, files: Record<string, string>, modern = false) {
  const capabilities = { resources: {}, extensions: { 'io.modelcontextprotocol/skills': {} } };
  const server = new FakeServer(modern ? { modernVersions: ['2026-07-28'], capabilities } : { capabilities });
  const reads: string[] = [];
  server.handle('skills/list', () => ({ resultType: 'complete', ttlMs: 0, cacheScope: 'private', skills: [entry] }));
  server.handle('skills/get', (params) => {
    if (params.uri !== entry.uri) throw FakeServer.error(-32602, `no skill at ${String(params.uri)}`);
    return { resultType: 'complete', ttlMs: 0, cacheScope: 'private', skill: entry };
  });
  server.handle('resources/read', (params) => {
    const uri = String(params.uri);
    reads.push(uri);
    return { resultType: 'complete', contents: [{ uri, mimeType: 'text/markdown', text: files[uri] ?? '' }] };
  });
  return { server, reads };
}

async function connect(server: FakeServer, options: SkillsOptions = {}) {
  const extension = skills(options);
  const client = new McpClient({ eraCache: false, server: 'docs', extensions: [extension] });
  await client.connect(server.clientTransport);
  return client.extension(extension);
}

const failure = (promise: Promise<unknown>): Promise<SkillLoadError> =>
  promise.then(
    () => expect.fail('expected a SkillLoadError'),
    (error: unknown) => {
      expect(SkillLoadError.isInstance(error)).toBe(true);
      return error as SkillLoadError;
    },
  );

describe('listing skills', () => {
  it('lists the entries without reading any skill file', async () => {
    const { server, reads } = skillServer(ENTRY, { [SKILL_URI]: SKILL_MD, [FORMS_URI]: FORMS_MD });
    const api = await connect(server);
    expect(await api.list()).toEqual([ENTRY]);
    expect(reads).toEqual([]);
  });

  it('follows the pages of skills/list', async () => {
    const { server } = skillServer(ENTRY, {});
    const other: Skill = {
      uri: 'skill://acme/refunds/SKILL.md',
      frontmatter: { name: 'refunds', description: 'Refunds' },
      resources: 'dynamic',
    };
    server.handle('skills/list', (params) => (params.cursor === 'p2' ? { skills: [other] } : { skills: [ENTRY], nextCursor: 'p2' }));
    const api = await connect(server);
    expect((await api.list()).map((skill) => skill.uri)).toEqual([SKILL_URI, other.uri]);
  });

  it('refuses an entry whose URI does not end in its name', async () => {
    const { server } = skillServer({ ...ENTRY, frontmatter: { ...FRONTMATTER, name: 'other' } }, {});
    const api = await connect(server);
    await expect(api.list()).rejects.toThrow(/must end in "<name>\/SKILL.md"/);
  });

  it('sends no skills request to a server that did not declare the extension', async () => {
    const server = new FakeServer({ capabilities: { resources: {} } });
    const api = await connect(server);
    expect(api.available).toBe(false);
    await expect(api.list()).rejects.toMatchObject({
      code: 'CAPABILITY_NOT_SUPPORTED',
      capability: 'extensions["io.modelcontextprotocol/skills"]',
    });
    expect(server.requests('skills/list')).toEqual([]);
  });
});

describe('loading a skill', () => {
  it('loads a skill whose SKILL.md matches its entry, then reads a supporting file', async () => {
    const { server, reads } = skillServer(ENTRY, { [SKILL_URI]: SKILL_MD, [FORMS_URI]: FORMS_MD });
    const api = await connect(server);
    const skill = await api.load((await api.list())[0]!);
    expect(skill.markdown).toBe(SKILL_MD);
    expect((await skill.read('references/FORMS.md')).text).toBe(FORMS_MD);
    expect(reads).toEqual([SKILL_URI, FORMS_URI]);
  });

  it('loads a skill by URI through skills/get over 2026-07-28', async () => {
    const { server } = skillServer(ENTRY, { [SKILL_URI]: SKILL_MD }, true);
    const api = await connect(server);
    expect((await api.load(SKILL_URI)).name).toBe('pdf-processing');
    expect(server.requests('skills/get')).toHaveLength(1);
  });

  it('refuses a SKILL.md whose digest differs from its entry', async () => {
    const tampered = SKILL_MD.replace('Skill body.', 'Evil body!!');
    const { server } = skillServer(ENTRY, { [SKILL_URI]: tampered });
    const error = await failure((await connect(server)).load(ENTRY));
    expect(error).toMatchObject({ reason: 'digest', skill: SKILL_URI, server: 'docs' });
  });

  it('refuses a SKILL.md whose size differs from its entry', async () => {
    const { server } = skillServer(ENTRY, { [SKILL_URI]: `${SKILL_MD}extra\n` });
    const error = await failure((await connect(server)).load(ENTRY));
    expect(error.reason).toBe('size');
  });

  it('refuses a SKILL.md whose frontmatter differs from its entry, naming the field', async () => {
    const tampered = SKILL_MD.replace('description: Extract, fill, and assemble PDF documents', 'description: Exfiltrate credentials');
    const entry: Skill = { ...ENTRY, resources: [file(SKILL_URI, tampered), file(FORMS_URI, FORMS_MD)] };
    const { server } = skillServer(entry, { [SKILL_URI]: tampered });
    const error = await failure((await connect(server)).load(entry));
    expect(error).toMatchObject({ reason: 'frontmatter' });
    expect(error.message).toContain('differs from its skill entry in description');
  });

  it('refuses to read a file the held entry does not list', async () => {
    const { server, reads } = skillServer(ENTRY, { [SKILL_URI]: SKILL_MD });
    const skill = await (await connect(server)).load(ENTRY);
    const error = await failure(skill.read('scripts/extract.py'));
    expect(error).toMatchObject({ reason: 'unlisted', file: 'skill://pdf-processing/scripts/extract.py' });
    expect(reads).toEqual([SKILL_URI]);
  });

  it('refuses a path that leaves the skill directory', async () => {
    const { server } = skillServer(ENTRY, { [SKILL_URI]: SKILL_MD });
    const skill = await (await connect(server)).load(ENTRY);
    expect((await failure(skill.read('../other/SKILL.md'))).reason).toBe('unlisted');
  });

  it('refuses a skill past the limits before fetching anything', async () => {
    const { server, reads } = skillServer(ENTRY, { [SKILL_URI]: SKILL_MD });
    const error = await failure((await connect(server, { limits: { files: 1 } })).load(ENTRY));
    expect(error.reason).toBe('limits');
    expect(reads).toEqual([]);
  });

  it('refuses a dynamic skill unless allowed, and checks its frontmatter when allowed', async () => {
    const dynamic: Skill = { ...ENTRY, resources: 'dynamic' };
    const { server } = skillServer(dynamic, { [SKILL_URI]: SKILL_MD });
    expect((await failure((await connect(server)).load(dynamic))).reason).toBe('dynamic');
    const { server: allowing } = skillServer(dynamic, { [SKILL_URI]: SKILL_MD.replace('Extract', 'Steal') });
    expect((await failure((await connect(allowing, { allowDynamic: true })).load(dynamic))).reason).toBe('frontmatter');
  });
});

describe('a skill that changes while its files are in the response cache', () => {
  /** A 2026-07-28 server whose skill files may be cached for a minute; `publish` changes them and the entry. */
  function changingServer(files: Record<string, string>) {
    const capabilities = { resources: {}, extensions: { 'io.modelcontextprotocol/skills': {} } };
    const server = new FakeServer({ modernVersions: ['2026-07-28'], capabilities });
    let current = files;
    const entry = (): Skill => ({ ...ENTRY, resources: Object.entries(current).map(([uri, text]) => file(uri, text)) });
    server.handle('skills/get', () => ({ resultType: 'complete', ttlMs: 0, cacheScope: 'private', skill: entry() }));
    server.handle('resources/read', (params) => {
      const uri = String(params.uri);
      return {
        resultType: 'complete',
        ttlMs: 60_000,
        cacheScope: 'public',
        contents: [{ uri, mimeType: 'text/markdown', text: current[uri] ?? '' }],
      };
    });
    return { server, publish: (changed: Record<string, string>) => (current = changed) };
  }

  it('loads the changed SKILL.md by its fresh entry instead of failing on the cached one', async () => {
    const { server, publish } = changingServer({ [SKILL_URI]: SKILL_MD });
    const api = await connect(server);
    await api.load(SKILL_URI);
    const changed = `${SKILL_MD}Changed body.\n`;
    publish({ [SKILL_URI]: changed });
    const loaded = await api.load(SKILL_URI);
    expect(loaded.markdown).toBe(changed);
  });

  it('reads the changed supporting file of a freshly loaded entry', async () => {
    const { server, publish } = changingServer({ [SKILL_URI]: SKILL_MD, [FORMS_URI]: FORMS_MD });
    const api = await connect(server);
    await (await api.load(SKILL_URI)).read('references/FORMS.md');
    publish({ [SKILL_URI]: SKILL_MD, [FORMS_URI]: 'Changed content.\n' });
    const content = await (await api.load(SKILL_URI)).read('references/FORMS.md');
    expect(content.text).toBe('Changed content.\n');
  });
});
