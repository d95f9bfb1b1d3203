import type { OptionKeys } from '@mcpx/core/internal';
import type { SourceTool } from './tool-source.js';

/** A name pattern: a glob (`*` any run of characters, `?` one character) or a RegExp. */
export type NamePattern = string | RegExp;

/** Which of a source's tools the model sees; every condition given must hold. */
export interface ToolSelection {
  /** Only tools of these servers. @default every server */
  servers?: readonly string[] | undefined;
  /** Only tools whose qualified or original name matches one of these patterns. @default every name */
  include?: NamePattern | readonly NamePattern[] | undefined;
  /** Leaves out tools whose qualified or original name matches one of these patterns. @default none */
  exclude?: NamePattern | readonly NamePattern[] | undefined;
  /** `true`: only tools annotated `readOnlyHint: true`; `false`: only the others. @default either */
  readOnly?: boolean | undefined;
  /** `false`: leaves out tools that may be destructive (`destructiveHint` true or absent on a tool that is not read-only, as the spec defaults it). @default either */
  destructive?: boolean | undefined;
  /** A last say on each tool. @default keep */
  filter?: ((tool: SourceTool) => boolean) | undefined;
}

/** The keys of a `ToolSelection`, for the adapters' option checks. */
export const SELECTION_KEYS = {
  servers: true,
  include: true,
  exclude: true,
  readOnly: true,
  destructive: true,
  filter: true,
} as const satisfies OptionKeys<ToolSelection>;

/** A glob as an anchored RegExp. */
export function globToRegExp(glob: string): RegExp {
  const body = Array.from(glob, (char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`);
}

function matchesAny(tool: SourceTool, patterns: NamePattern | readonly NamePattern[]): boolean {
  const list: readonly NamePattern[] = typeof patterns === 'string' || patterns instanceof RegExp ? [patterns] : patterns;
  return list.some((pattern) => {
    const regexp = typeof pattern === 'string' ? globToRegExp(pattern) : pattern;
    regexp.lastIndex = 0;
    const qualified = regexp.test(tool.qualifiedName);
    regexp.lastIndex = 0;
    return qualified || regexp.test(tool.originalName);
  });
}

/** Whether the tool is annotated read-only. Annotations are hints from the server, and trusted only as far as the server is. */
export function isReadOnly(tool: SourceTool): boolean {
  return tool.tool.annotations?.readOnlyHint === true;
}

/** Whether the tool may be destructive: the spec's default for a tool that is not read-only and does not say otherwise. */
export function isDestructive(tool: SourceTool): boolean {
  return !isReadOnly(tool) && tool.tool.annotations?.destructiveHint !== false;
}

/** The tools the selection keeps, in source order. */
export function selectTools<T extends SourceTool>(tools: readonly T[], selection: ToolSelection = {}): T[] {
  return tools.filter(
    (tool) =>
      (selection.servers === undefined || selection.servers.includes(tool.server)) &&
      (selection.include === undefined || matchesAny(tool, selection.include)) &&
      (selection.exclude === undefined || !matchesAny(tool, selection.exclude)) &&
      (selection.readOnly === undefined || isReadOnly(tool) === selection.readOnly) &&
      (selection.destructive === undefined || isDestructive(tool) === selection.destructive) &&
      (selection.filter === undefined || selection.filter(tool)),
  );
}
