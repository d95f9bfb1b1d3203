import { applyEdits, findNodeAtLocation, modify, parse, parseTree, type FormattingOptions } from 'jsonc-parser';

/** The keys a JSON config keeps its servers under, in the order they are looked for. */
const CONTAINERS = ['mcpServers', 'servers', 'mcp_servers'] as const;

/** The servers key of a JSON config (with comments): the one it uses, else `mcpServers`. */
export function containerOf(text: string): string {
  const root = parse(text, [], { allowTrailingComma: true }) as unknown;
  const table = typeof root === 'object' && root !== null && !Array.isArray(root) ? (root as Record<string, unknown>) : {};
  return CONTAINERS.find((key) => key in table) ?? 'mcpServers';
}

/** The layout of the file: its indentation, so that an edit reads like the rest. */
function formatting(text: string): Required<Pick<FormattingOptions, 'insertSpaces' | 'tabSize' | 'eol'>> {
  const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? '  ';
  return {
    insertSpaces: !indent.startsWith('\t'),
    tabSize: indent.startsWith('\t') ? 1 : indent.length,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

/** The names of the servers of a JSON config, in file order. */
export function jsonServerNames(text: string): string[] {
  const root = parse(text, [], { allowTrailingComma: true }) as Record<string, unknown> | undefined;
  const servers = root?.[containerOf(text)];
  return typeof servers === 'object' && servers !== null ? Object.keys(servers) : [];
}

/**
 * `text` with the server `name` set to `entry` (added after the last server, or replacing its
 * entry), comments kept and nothing else reformatted: only the new entry is laid out, in the
 * file's indentation.
 */
export function setJsonServer(text: string, name: string, entry: Record<string, unknown>): string {
  const source = text.trim() === '' ? '{}\n' : text;
  const layout = formatting(source);
  const path = [containerOf(source), name];
  const unit = layout.insertSpaces ? ' '.repeat(layout.tabSize) : '\t';
  const edits = modify(source, path, entry, {});
  const [edit] = edits;
  if (edits.length !== 1 || edit === undefined) return applyEdits(source, modify(source, path, entry, { formattingOptions: layout }));
  const indent = indentOfLine(source, edit.offset);
  const pretty = JSON.stringify(entry, null, unit).split('\n').join(`${layout.eol}${indent}`);
  if (edit.length === 0 && edit.content.startsWith(',')) {
    // After the last server, on a line of its own in the same indentation; a comment that ends
    // the last server's line stays with it.
    const comment = /^[ \t]*\/\/[^\r\n]*/.exec(source.slice(edit.offset))?.[0] ?? '';
    const line = { offset: edit.offset + comment.length, length: 0, content: `${layout.eol}${indent}${JSON.stringify(name)}: ${pretty}` };
    return applyEdits(source, [{ offset: edit.offset, length: 0, content: ',' }, line]);
  }
  if (edit.length > 0 && !edit.content.includes(JSON.stringify(name))) {
    // The server's value replaced, in the indentation of its line.
    return applyEdits(source, [{ ...edit, content: pretty }]);
  }
  // An empty or missing servers object: nothing of the user's to keep around it.
  return applyEdits(source, modify(source, path, entry, { formattingOptions: layout }));
}

/** The spaces or tabs that start the line holding `offset`. */
function indentOfLine(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/**
 * `text` without the server `name`: its lines (with a comment on its last line) are cut out, and
 * the comma before it when it was the last server; every other line is kept as it was.
 */
export function removeJsonServer(text: string, name: string): string {
  const container = findNodeAtLocation(parseTree(text, [], { allowTrailingComma: true })!, [containerOf(text)]);
  const properties = container?.children ?? [];
  const index = properties.findIndex((property) => property.children?.[0]?.value === name);
  const property = properties[index];
  if (property === undefined) return text;
  let start = property.offset;
  let end = property.offset + property.length;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const ownLine = /^[ \t]*$/.test(text.slice(lineStart, start));
  if (ownLine) start = lineStart;
  const comma = /^[ \t]*,/.exec(text.slice(end));
  if (comma !== null) end += comma[0].length;
  const lineEnd = ownLine ? /^[ \t]*(\/\/[^\n]*)?\r?\n/.exec(text.slice(end)) : null;
  if (lineEnd !== null) end += lineEnd[0].length;
  const previous = properties[index - 1];
  if (comma === null && previous !== undefined) {
    // It was the last server: the comma after the one before it goes.
    const before = text.indexOf(',', previous.offset + previous.length);
    if (before !== -1 && before < start) return text.slice(0, before) + text.slice(before + 1, start) + text.slice(end);
  }
  return text.slice(0, start) + text.slice(end);
}
