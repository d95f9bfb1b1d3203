/** Looks a variable up; undefined when it is not set. */
export type Lookup = (name: string) => string | undefined;

/** What went wrong in one string: an unset variable, or a reference that cannot be read. */
export interface InterpolationIssue {
  message: string;
  fix: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Replaces `${VAR}`, `${env:VAR}` (VS Code's spelling) and `${VAR:-default}` in `text`.
 * The default applies when the variable is unset or empty, and may hold references itself;
 * `$${` stands for a literal `${`. Issues are returned, not thrown, so that every one is reported.
 */
export function interpolate(text: string, lookup: Lookup): { value: string; issues: InterpolationIssue[] } {
  const issues: InterpolationIssue[] = [];
  const value = expand(text, lookup, issues);
  return { value, issues };
}

function expand(text: string, lookup: Lookup, issues: InterpolationIssue[]): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('$', i);
    if (start === -1) return out + text.slice(i);
    out += text.slice(i, start);
    if (text.startsWith('$${', start)) {
      out += '${';
      i = start + 3;
      continue;
    }
    if (text[start + 1] !== '{') {
      out += '$';
      i = start + 1;
      continue;
    }
    const end = matchingBrace(text, start + 2);
    if (end === -1) {
      issues.push({
        message: `"${text.slice(start)}" has no closing "}"`,
        fix: 'close the reference: ${NAME}, or write $${ for a literal "${"',
      });
      return out + text.slice(start);
    }
    out += reference(text.slice(start + 2, end), lookup, issues);
    i = end + 1;
  }
  return out;
}

/** The index of the `}` closing a reference whose body starts at `from`, counting nested `${`. */
function matchingBrace(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function reference(body: string, lookup: Lookup, issues: InterpolationIssue[]): string {
  const separator = body.indexOf(':-');
  let name = separator === -1 ? body : body.slice(0, separator);
  const fallback = separator === -1 ? undefined : body.slice(separator + 2);
  if (name.startsWith('input:')) {
    issues.push({
      message: `\${${body}} is a VS Code input, which mcpx cannot prompt for`,
      fix: `use an environment variable instead, such as \${${name
        .slice(6)
        .toUpperCase()
        .replace(/[^A-Z0-9_]/g, '_')}}`,
    });
    return '';
  }
  if (name.startsWith('env:')) name = name.slice(4);
  if (!NAME.test(name)) {
    issues.push({
      message: `\${${body}} is not a variable reference`,
      fix: 'write ${NAME} or ${NAME:-default}, where NAME is letters, digits and _; write $${ for a literal "${"',
    });
    return '';
  }
  const value = lookup(name);
  if (fallback !== undefined && (value === undefined || value === '')) return expand(fallback, lookup, issues);
  if (value === undefined) {
    issues.push({ message: `\${${name}} is not set`, fix: `set ${name} in the environment, or give a default: \${${name}:-value}` });
    return '';
  }
  return value;
}
