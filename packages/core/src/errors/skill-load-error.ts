import { hasBrand } from '../internal.js';
import { LocalError } from '../index.js';
import type { LocalErrorOptions } from './local-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.SkillLoadError');

/**
 * Why a skill was not loaded: its content failed verification against its entry (`digest`, `size`,
 * `frontmatter`, a file the entry does not list: `unlisted`), or the host declined it (`limits`,
 * `dynamic` content without `allowDynamic`, an `invalid` entry).
 */
export type SkillLoadFailure = 'digest' | 'size' | 'frontmatter' | 'unlisted' | 'limits' | 'dynamic' | 'invalid';

/** Options of a `SkillLoadError`. */
export interface SkillLoadErrorOptions extends LocalErrorOptions {
  /** The URI of the skill's `SKILL.md`. */
  skill: string;
  /** The file that failed, when it is not the `SKILL.md` itself. */
  file?: string | undefined;
}

/** A skill (SEP-2640) could not be loaded, or one of its files read: its content is not used. */
export class SkillLoadError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'SKILL_LOAD_FAILED';
  /** What failed. */
  readonly reason: SkillLoadFailure;
  /** The URI of the skill's `SKILL.md`. */
  readonly skill: string;
  /** The URI of the file that failed. */
  readonly file: string;

  constructor(reason: SkillLoadFailure, message: string, options: SkillLoadErrorOptions) {
    super(message, options);
    this.name = 'SkillLoadError';
    this.reason = reason;
    this.skill = options.skill;
    this.file = options.file ?? options.skill;
  }

  /** True when `error` is a `SkillLoadError`. */
  static override isInstance(error: unknown): error is SkillLoadError {
    return hasBrand(error, brand);
  }
}
