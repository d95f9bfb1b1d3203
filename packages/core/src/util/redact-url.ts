/** How `redactUrl` shows a URL's credentials. */
export interface RedactUrlOptions {
  /**
   * `'mask'` replaces the password with `***` and keeps the user name; `'drop'` removes both.
   * @default 'mask'
   */
  userinfo?: 'mask' | 'drop' | undefined;
  /**
   * `'keep'` shows the query and fragment; `'drop'` removes both, for URLs whose query may carry a
   * credential (`?token=`, `?api_key=`) or whose fragment may (`#access_token=`).
   * @default 'keep'
   */
  query?: 'keep' | 'drop' | undefined;
}

/**
 * `url` with its credentials hidden, so that it can be shown in an error, a log or a span:
 * `redis://:secret@host:6379` becomes `redis://:***@host:6379`. The URL is parsed, so a password
 * holding `@` is hidden whole; a string that is not a URL is shown as `<not a URL>`, since it
 * may hold a password all the same.
 */
export function redactUrl(url: string, options: RedactUrlOptions = {}): string {
  if (!URL.canParse(url)) return '<not a URL>';
  const parsed = new URL(url);
  if (options.userinfo === 'drop') {
    parsed.username = '';
    parsed.password = '';
  } else if (parsed.password !== '') {
    parsed.password = '***';
  }
  if (options.query === 'drop') {
    parsed.search = '';
    parsed.hash = '';
  }
  return parsed.href;
}
