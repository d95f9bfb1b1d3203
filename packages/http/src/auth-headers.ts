import { mergeHeaders, type HeaderRecord } from './headers.js';

/**
 * The auth provider's headers, lower-cased and merged between the configured headers and
 * the transport's own. A provider that answers the same frozen record again (`OAuthProvider`
 * does while its token is valid) gets the previous results back, so a request with a valid
 * token allocates nothing here. A record that is not frozen may change between requests and
 * is merged anew each time.
 */
export class AuthHeaders {
  #answer: Readonly<Record<string, string>> | undefined;
  #lowered: HeaderRecord = {};
  #own: HeaderRecord | undefined;
  #merged: HeaderRecord = {};

  constructor(private readonly base: Readonly<HeaderRecord>) {}

  /** The provider's answer with lower-case names. */
  lowered(answer: Readonly<Record<string, string>>): HeaderRecord {
    if (answer === this.#answer) return this.#lowered;
    const lowered = mergeHeaders(answer);
    if (Object.isFrozen(answer)) {
      this.#answer = answer;
      this.#lowered = lowered;
      this.#own = undefined;
    }
    return lowered;
  }

  /** The configured headers, then `auth` (from `lowered`), then the transport's `own`. */
  merged(auth: HeaderRecord, own: HeaderRecord): HeaderRecord {
    const cacheable = this.#answer !== undefined && auth === this.#lowered;
    if (cacheable && own === this.#own) return this.#merged;
    const merged = mergeHeaders(this.base, auth, own);
    if (cacheable) {
      this.#own = own;
      this.#merged = merged;
    }
    return merged;
  }
}
