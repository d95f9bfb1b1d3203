const CREDENTIALS = /^([a-z][a-z0-9+.-]*:\/\/[^:/@?#]*):[^@/?#]*@/i;

/**
 * `url` with its password replaced by `***`, for messages and logs: `redis://:secret@host:6379`
 * becomes `redis://:***@host:6379`; the rest is left as written.
 */
export function redactUrl(url: string): string {
  return url.replace(CREDENTIALS, '$1:***@');
}
