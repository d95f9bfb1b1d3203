/**
 * `url` with its password replaced by `***`, for messages and logs: `redis://:secret@host:6379`
 * becomes `redis://:***@host:6379`. The URL is parsed (as `@mcpx/redis`'s `redactUrl` does, which
 * the factory cannot import: it is an optional peer), so a password holding `@` is hidden whole;
 * a string that is not a URL is not echoed at all but is `<not a URL>`.
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '<not a URL>';
  }
  if (parsed.password !== '') parsed.password = '***';
  return parsed.href;
}
