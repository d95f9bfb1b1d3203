/** Headers whose values are credentials whatever the configuration says. */
const ALWAYS_SECRET: readonly string[] = ['authorization', 'cookie', 'proxy-authorization', 'mcp-session-id'];

/** Header names, lower case, mapped to values. */
export type HeaderRecord = Record<string, string>;

/** Lower-cases the names of `headers`; later sources win over earlier ones. */
export function mergeHeaders(...sources: ReadonlyArray<Readonly<Record<string, string>> | undefined>): HeaderRecord {
  const merged: HeaderRecord = {};
  for (const source of sources) {
    if (source === undefined) continue;
    for (const [key, value] of Object.entries(source)) merged[key.toLowerCase()] = value;
  }
  return merged;
}

/** The names that must not leave the origin: the built-in ones, `extra`, and those in `fromAuth`. */
export function secretNames(extra: ReadonlySet<string>, fromAuth: Readonly<Record<string, string>>): Set<string> {
  return new Set([...ALWAYS_SECRET, ...extra, ...Object.keys(fromAuth).map((key) => key.toLowerCase())]);
}

/** A copy of `headers` without the secret ones, for a request to another origin. */
export function stripSecrets(headers: Readonly<HeaderRecord>, secrets: ReadonlySet<string>): HeaderRecord {
  const kept: HeaderRecord = {};
  for (const [key, value] of Object.entries(headers)) {
    if (!secrets.has(key.toLowerCase())) kept[key] = value;
  }
  return kept;
}

/** Whether two URLs share scheme, host and port. */
export function sameOrigin(a: URL, b: URL): boolean {
  return a.origin === b.origin;
}

/** The media type of a `Content-Type` value, lower case and without parameters. */
export function mediaType(contentType: string | null | undefined): string {
  // The common answer, as most servers spell it, without splitting or lower-casing anything.
  if (contentType === 'application/json' || contentType === 'text/event-stream') return contentType;
  return (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}
