import { SkillLoadError } from '../errors/skill-load-error.js';
import { sha256Digest, type FileContent } from './file-content.js';
import type { SkillResource } from './skill.js';

/**
 * Checks a file read against its entry in the skill's `resources`: its size first (a mismatch fails
 * without hashing), then its digest. A failure is a `SkillLoadError`; the content must not be used.
 */
export async function verifyFile(content: FileContent, file: SkillResource, skill: string, server: string | undefined): Promise<void> {
  const where = { skill, file: file.uri, server, method: 'resources/read' };
  if (content.bytes.byteLength !== file.size) {
    throw new SkillLoadError(
      'size',
      `${file.uri} is ${content.bytes.byteLength} bytes, its skill entry says ${file.size}; the content was not used (call skills/get for a fresh entry if the skill changed)`,
      where,
    );
  }
  const digest = await sha256Digest(content.bytes);
  if (digest !== file.digest) {
    throw new SkillLoadError(
      'digest',
      `the content of ${file.uri} does not match the digest of its skill entry (${digest}, expected ${file.digest}); the content was not used (call skills/get for a fresh entry if the skill changed)`,
      where,
    );
  }
}
