// TOML has no comment-preserving editor on npm that we trust, so a server is added as a table
// appended to the file, and removed by deleting its table's lines (and its sub-tables'); every
// other line, comments included, is kept byte for byte. The result is validated before it is written.

/** The top-level key of the config's shared store, which is no server even with a table per server. */
const STORE = 'store';

/** The servers key of a TOML config when it has one (`[mcp_servers.name]`), else undefined: a table per server. */
function containerOf(text: string): string | undefined {
  return ['mcpServers', 'servers', 'mcp_servers'].find(
    (key) => new RegExp(`^\\s*\\[\\s*${key}\\s*\\.`, 'm').test(text) || new RegExp(`^\\s*\\[\\s*${key}\\s*\\]`, 'm').test(text),
  );
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
  if (typeof item === 'object' && item !== null)
    return `{ ${Object.entries(item)
      .map(([name, inner]) => `${key(name)} = ${value(inner)}`)
      .join(', ')} }`;
  throw new Error(`cannot write ${String(item)} in TOML`);
}

/** The header path of a table line (`[a."b c".d]` → `['a', 'b c', 'd']`), or undefined for other lines. */
function headerPath(line: string): string[] | undefined {
  const match = /^\s*\[(?!\[)(.*?)\]\s*(#.*)?$/.exec(line.replace(/\r?\n$/, ''));
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

/** A key = value statement: the lines it spans (a multi-line array continues it) and its first key. */
interface KeyStatement {
  readonly first: number;
  readonly last: number;
  readonly key: string;
  /** The header path of the table it is in; empty at the top of the file. */
  readonly table: readonly string[];
}

/** Every key = value statement of the file, `lines` being its lines with their endings. */
function keyStatements(lines: readonly string[]): KeyStatement[] {
  const statements: KeyStatement[] = [];
  let table: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const header = headerPath(line);
    if (header !== undefined) {
      table = header;
      continue;
    }
    const match = /^\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*[.=]/.exec(line);
    if (match === null) continue;
    const key = match[1] !== undefined ? (JSON.parse(`"${match[1]}"`) as string) : (match[2] ?? match[3]!);
    const first = index;
    let depth = nesting(line);
    while (depth > 0 && index + 1 < lines.length) depth += nesting(lines[++index]!);
    statements.push({ first, last: index, key, table });
  }
  return statements;
}

/** How many brackets and braces `line` leaves open (outside strings and comments). */
function nesting(line: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (quote !== undefined) {
      if (char === '\\' && quote === '"') index++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#') break;
    else if (char === '[' || char === '{') depth++;
    else if (char === ']' || char === '}') depth--;
  }
  return depth;
}

/** The statements that are whole servers: `name = { ... }` or `name.field = ...` in the servers table (or at the top, table per server). */
function serverStatements(lines: readonly string[], container: string | undefined): KeyStatement[] {
  const table = container === undefined ? [] : [container];
  return keyStatements(lines).filter(
    (statement) => statement.table.length === table.length && statement.table.every((part, index) => part === table[index]),
  );
}

function ownPath(text: string, name: string): string[] {
  const container = containerOf(text);
  return container === undefined ? [name] : [container, name];
}

/** The names of the servers of a TOML config, in file order. */
export function tomlServerNames(text: string): string[] {
  const container = containerOf(text);
  const depth = container === undefined ? 0 : 1;
  const lines = text.split(/(?<=\n)/);
  const inline = new Map(serverStatements(lines, container).map((statement) => [statement.first, statement.key]));
  const names = new Set<string>();
  lines.forEach((line, index) => {
    const path = headerPath(line);
    const name =
      inline.get(index) ??
      (path !== undefined && path.length > depth && (container === undefined || path[0] === container) ? path[depth] : undefined);
    if (name !== undefined) names.add(name);
  });
  // With a table per server, `[store]` is the config's shared store (as the factory reads it), no server.
  if (container === undefined) names.delete(STORE);
  return [...names];
}

/** `text` with the server `name` appended as a table (after removing any table it had). */
export function setTomlServer(text: string, name: string, entry: Record<string, unknown>): string {
  const without = removeTomlServer(text, name);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = [
    `[${ownPath(text, name).map(key).join('.')}]`,
    ...Object.entries(entry).map(([field, item]) => `${key(field)} = ${value(item)}`),
  ];
  const body = without.replace(/(\r?\n)*$/, '');
  return `${body === '' ? '' : `${body}${eol}${eol}`}${lines.join(eol)}${eol}`;
}

/**
 * `text` without server `name`: its statements when it is written inline or as dotted keys, its
 * tables (its own and its sub-tables) and the comment lines
 * right above them. Comment lines just before the next table belong to that table and stay;
 * blank lines left in a run are tidied. The last server of a servers table leaves the table, empty.
 */
export function removeTomlServer(text: string, name: string): string {
  const container = containerOf(text);
  const own = ownPath(text, name);
  const kept: string[] = [];
  let removed: string[] = [];
  let removedAt: number | undefined;
  // Written inline (`name = { ... }`) or as dotted keys (`name.command = ...`): its statements go.
  const all = text.split(/(?<=\n)/);
  const dropped = new Set(
    serverStatements(all, container)
      .filter((statement) => statement.key === name)
      .flatMap((statement) => range(statement.first, statement.last)),
  );
  for (const line of all.filter((_, index) => !dropped.has(index))) {
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
  const tidied = kept.join('').replace(/(\r?\n){3,}/g, (run) => (run.includes('\r') ? '\r\n\r\n' : '\n\n'));
  return /^\r?\n/.test(text) ? tidied : tidied.replace(/^(\r?\n)+/, '');
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, offset) => first + offset);
}
