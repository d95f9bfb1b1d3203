/** One challenge of a `WWW-Authenticate` header: its scheme and parameters. */
export interface Challenge {
  /** The scheme in lower case, such as `bearer` or `dpop`. */
  scheme: string;
  /** The auth parameters by lower-case name, quotes and escapes removed. */
  params: Readonly<Record<string, string>>;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;

/**
 * Parses a `WWW-Authenticate` header (RFC 9110 §11.6.1) into its challenges. Tolerant: a
 * malformed part ends the parse and what came before is kept.
 */
export function parseChallenges(header: string | undefined): Challenge[] {
  const challenges: Challenge[] = [];
  if (header === undefined) return challenges;
  let rest = header.trim();
  let current: { scheme: string; params: Record<string, string> } | undefined;
  while (rest.length > 0) {
    rest = rest.replace(/^[\s,]+/, '');
    const name = TOKEN.exec(rest)?.[0];
    if (name === undefined) break;
    const after = rest.slice(name.length).replace(/^\s+/, '');
    if (after.startsWith('=') && current !== undefined && !/^=+\s*(,|$)/.test(after)) {
      const parsed = parseValue(after.slice(1).replace(/^\s+/, ''));
      if (parsed === undefined) break;
      current.params[name.toLowerCase()] = parsed.value;
      rest = parsed.rest;
      continue;
    }
    if (after.startsWith('=')) {
      // token68 after a scheme: keep nothing of it
      rest = after.replace(/^=+/, '');
      continue;
    }
    current = { scheme: name.toLowerCase(), params: {} };
    challenges.push(current);
    rest = after;
  }
  return challenges;
}

function parseValue(text: string): { value: string; rest: string } | undefined {
  if (!text.startsWith('"')) {
    const token = TOKEN.exec(text)?.[0];
    return token === undefined ? undefined : { value: token, rest: text.slice(token.length) };
  }
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') value += text[++i] ?? '';
    else if (char === '"') return { value, rest: text.slice(i + 1) };
    else value += char;
  }
  return undefined;
}

/** The parameters of the first Bearer or DPoP challenge in `header`, if any. */
export function oauthChallenge(header: string | undefined): Challenge | undefined {
  return parseChallenges(header).find((c) => c.scheme === 'bearer' || c.scheme === 'dpop');
}
