const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Whether `value` is the MCP App MIME type, `text/html;profile=mcp-app`, read as an RFC 9110 media type
 * rather than as a string: the type and parameter names in any case, with spaces around `;`, other
 * parameters (`charset=utf-8`) and a quoted value (`profile="mcp-app"`).
 */
export function isAppMimeType(value: string | undefined): boolean {
  if (value === undefined) return false;
  const parsed = parseMediaType(value);
  return parsed !== undefined && parsed.type === 'text/html' && parsed.parameters.get('profile') === 'mcp-app';
}

/** A media type's `type/subtype` (lower case) and its parameters (names lower case, values unquoted); undefined when malformed. */
function parseMediaType(value: string): { type: string; parameters: Map<string, string> } | undefined {
  const [essence = '', ...rest] = splitParameters(value);
  const [type, subtype, extra] = essence.trim().split('/');
  if (type === undefined || subtype === undefined || extra !== undefined || !TOKEN.test(type) || !TOKEN.test(subtype)) return undefined;
  const parameters = new Map<string, string>();
  for (const parameter of rest) {
    const equals = parameter.indexOf('=');
    if (equals < 0) return undefined;
    const name = parameter.slice(0, equals).trim().toLowerCase();
    const raw = parameter.slice(equals + 1).trim();
    const unquoted = raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    if (!TOKEN.test(name) || parameters.has(name)) return undefined;
    parameters.set(name, unquoted);
  }
  return { type: `${type.toLowerCase()}/${subtype.toLowerCase()}`, parameters };
}

/** `value` split at the `;` outside quoted strings. */
function splitParameters(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!;
    if (quoted && char === '\\') {
      current += char + (value[index + 1] ?? '');
      index++;
    } else if (char === '"') {
      quoted = !quoted;
      current += char;
    } else if (char === ';' && !quoted) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.filter((part, index) => index === 0 || part.trim() !== '');
}
