// TOML has no comment-preserving editor on npm that we trust, so a server is added as a table
// appended to the file, and removed by deleting its table's lines (and its sub-tables'); every
// other line, comments included, is kept byte for byte. The result is validated before it is written.

/** The servers key of a TOML config when it has one (`[mcp_servers.name]`), else undefined: a table per server. */
function containerOf(text: string): string | undefined {
  return ['mcpServers', 'servers', 'mcp_servers'].find((key) => new RegExp(`^\\s*\\[\\s*${key}\\s*\\.`, 'm').test(text) || new RegExp(`^\\s*\\[\\s*${key}\\s*\\]`, 'm').test(text));
}

/** A key as TOML writes it: bare when it can be, quoted otherwise. */
function key(name: string): string {
  return /^[A-Za-z0-9_-]+$/.test(name) ? name : JSON.stringify(name);
}

/** A value as TOML writes it. JSON's string escapes are TOML's basic-string escapes. */
function value(item: unknown): string {
  if (typeof item === 'string') return JSON.stringify(item);
  if (typeof item === 'number' || typeof item === 'boolean') return String(item);
  if (Array.isArray(item)) return `[${item.map(value).join(', ')}]`;
  if (typeof item === 'object' && item !== null) return `{ ${Object.entries(item).map(([name, inner]) => `${key(name)} = ${value(inner)}`).join(', ')} }`;
  throw new Error(`cannot write ${String(item)} in TOML`);
}

/** The header path of a table line (`[a."b c".d]` → `['a', 'b c', 'd']`), or undefined for other lines. */
function headerPath(line: string): string[] | undefined {
  const match = /^\s*\[(?!\[)(.*)\]\s*(#.*)?$/.exec(line);
  if (match === null) return undefined;
  const parts: string[] = [];
  const pattern = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(\.|$)/gy;
  let part: RegExpExecArray | null;
  while ((part = pattern.exec(match[1]!)) !== null) {
    parts.push(part[1] !== undefined ? (JSON.parse(`"${part[1]}"`) as string) : (part[2] ?? part[3]!));
    if (part[4] === '') break;
  }
  return parts;
}

function ownPath(text: string, name: string): string[] {
  const container = containerOf(text);
  return container === undefined ? [name] : [container, name];
}

/** The names of the servers of a TOML config, in file order. */
export function tomlServerNames(text: string): string[] {
  const container = containerOf(text);
  const depth = container === undefined ? 0 : 1;
  const names = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const path = headerPath(line);
    if (path === undefined || path.length <= depth) continue;
    if (container !== undefined && path[0] !== container) continue;
    names.add(path[depth]!);
  }
  return [...names];
}

/** `text` with the server `name` appended as a table (after removing any table it had). */
export function setTomlServer(text: string, name: string, entry: Record<string, unknown>): string {
  const without = removeTomlServer(text, name);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = [`[${ownPath(text, name).map(key).join('.')}]`, ...Object.entries(entry).map(([field, item]) => `${key(field)} = ${value(item)}`)];
  const body = without.replace(/(\r?\n)*$/, '');
  return `${body === '' ? '' : `${body}${eol}${eol}`}${lines.join(eol)}${eol}`;
}

/**
 * `text` without the tables of server `name` (its own and its sub-tables) and the comment lines
 * right above them. Comment lines just before the next table belong to that table and stay;
 * blank lines left in a run are tidied. The last server of a servers table leaves the table, empty.
 */
export function removeTomlServer(text: string, name: string): string {
  const container = containerOf(text);
  const own = ownPath(text, name);
  const kept: string[] = [];
  let removed: string[] = [];
  let removedAt: number | undefined;
  for (const line of text.split(/(?<=\n)/)) {
    const path = headerPath(line);
    if (path !== undefined) {
      const inside = own.every((part, index) => path[index] === part);
      if (inside) {
        // Comment lines right above its header describe it and go with it, unless they open the file.
        let above = kept.length;
        while (above > 0 && /^\s*#/.test(kept[above - 1]!)) above--;
        if (above > 0) kept.length = above;
        removedAt ??= kept.length;
        removed = [line];
        continue;
      }
      if (removed.length > 0) {
        let lead = removed.length;
        while (lead > 1 && /^\s*(#.*)?\r?\n?$/.test(removed[lead - 1]!)) lead--;
        kept.push(...removed.slice(lead));
        removed = [];
      }
    }
    if (removed.length > 0) removed.push(line);
    else kept.push(line);
  }
  // The last server of a servers table: the table stays, empty, so that the file's other
  // top-level keys (a host application's settings) are not then read as servers.
  if (container !== undefined && removedAt !== undefined && !kept.some((line) => headerPath(line)?.[0] === container)) {
    kept.splice(removedAt, 0, `[${container}]${text.includes('\r\n') ? '\r\n' : '\n'}`);
  }
  return kept.join('').replace(/(\r?\n){3,}/g, (run) => (run.includes('\r') ? '\r\n\r\n' : '\n\n'));
}
