/**
 * `url` with its password replaced by `***`, so that it can be shown in an error or a log. A
 * string that is not a URL is shown as `<not a URL>`, since it may hold a password all the same.
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
