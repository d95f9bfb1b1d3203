import { InvalidResponseError } from '../index.js';
import type { Skill, SkillResource, SkillsPage } from './skill.js';

type Where = { server: string | undefined; method: string };

const DIGEST = /^sha256:[0-9a-f]{64}$/;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The entry of `skills/get`, checked; an `InvalidResponseError` when it breaks SEP-2640's shape. */
export function parseSkill(raw: unknown, where: Where): Skill {
  const invalid = (detail: string): InvalidResponseError =>
    new InvalidResponseError(`the server sent an invalid skill entry: ${detail}`, where);
  if (!isObject(raw) || typeof raw.uri !== 'string') throw invalid('it has no "uri"');
  const { uri, frontmatter, resources } = raw;
  if (!isObject(frontmatter) || typeof frontmatter.name !== 'string' || typeof frontmatter.description !== 'string') {
    throw invalid(`${uri}: its frontmatter must be an object with a string "name" and "description"`);
  }
  if (!uri.endsWith(`/${frontmatter.name}/SKILL.md`))
    throw invalid(`${uri}: the URI must end in "<name>/SKILL.md", and the name is ${JSON.stringify(frontmatter.name)}`);
  if (resources !== 'dynamic') {
    if (!Array.isArray(resources)) throw invalid(`${uri}: "resources" must be a list of files or "dynamic"`);
    for (const file of resources) checkResource(file, uri, invalid);
    if (!resources.some((file: SkillResource) => file.uri === uri)) throw invalid(`${uri}: "resources" does not list the SKILL.md itself`);
  }
  return raw as unknown as Skill;
}

/** A page of `skills/list`, each entry checked. */
export function parseSkillsPage(raw: Record<string, unknown>, where: Where): SkillsPage {
  if (!Array.isArray(raw.skills)) throw new InvalidResponseError('the skills/list result has no "skills" list', where);
  const skills = raw.skills.map((entry) => parseSkill(entry, where));
  return typeof raw.nextCursor === 'string' ? { skills, nextCursor: raw.nextCursor } : { skills };
}

function checkResource(file: unknown, skill: string, invalid: (detail: string) => InvalidResponseError): asserts file is SkillResource {
  if (!isObject(file) || typeof file.uri !== 'string') throw invalid(`${skill}: a file in "resources" has no "uri"`);
  if (typeof file.digest !== 'string' || !DIGEST.test(file.digest))
    throw invalid(`${skill}: the digest of ${file.uri} is not "sha256:" and 64 lowercase hex digits`);
  if (typeof file.size !== 'number' || !Number.isSafeInteger(file.size) || file.size < 0)
    throw invalid(`${skill}: the size of ${file.uri} is not a byte count`);
}
