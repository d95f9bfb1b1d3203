import { readHeaderAnnotations, type HeaderAnnotations } from './x-mcp-header.js';

/** A tool left out of a `tools/list` result, and why. */
export interface ExcludedTool {
  name: string;
  problem: string;
}

/**
 * What a 2026-07-28 session learned of each tool's `x-mcp-header` annotations from the
 * `tools/list` results it received, by tool name: the arguments a binding mirrors into
 * `Mcp-Param-*` headers, or the rule a tool breaks (such a tool is left out of the list and
 * never called).
 */
export class MirroredArguments {
  readonly #tools = new Map<string, HeaderAnnotations>();

  /**
   * Learns the tools of a `tools/list` result and returns it without the tools whose
   * annotations break the rules (the specification says to leave them out), and those tools.
   */
  learn(result: Record<string, unknown>): { result: Record<string, unknown>; excluded: ExcludedTool[] } {
    if (!Array.isArray(result.tools)) return { result, excluded: [] };
    const excluded: ExcludedTool[] = [];
    const kept = result.tools.filter((tool: unknown) => {
      if (typeof tool !== 'object' || tool === null || !('name' in tool) || typeof tool.name !== 'string') return true;
      const annotations = readHeaderAnnotations('inputSchema' in tool ? tool.inputSchema : undefined);
      this.#tools.set(tool.name, annotations);
      if (!('problem' in annotations)) return true;
      excluded.push({ name: tool.name, problem: annotations.problem });
      return false;
    });
    if (excluded.length === 0) return { result, excluded };
    return { result: { ...result, tools: kept }, excluded };
  }

  /** Why `tool` must not be called, if its annotations break the rules. */
  problem(tool: string): string | undefined {
    const annotations = this.#tools.get(tool);
    return annotations !== undefined && 'problem' in annotations ? annotations.problem : undefined;
  }

  /**
   * The mirrored arguments of a call of `tool` with `args`, as text by header name; undefined
   * when there are none (most tools mirror nothing, and their calls then make no record). An
   * argument without a value (absent or null) is left out, and so is one no header can carry
   * faithfully (an object, an array, a number that is not finite or an integer beyond 2^53).
   */
  of(tool: string, args: unknown): Record<string, string> | undefined {
    const annotations = this.#tools.get(tool);
    if (annotations === undefined || 'problem' in annotations) return undefined;
    let values: Record<string, string> | undefined;
    for (const { path, name } of annotations.parameters) {
      const text = asText(valueAt(args, path));
      if (text !== undefined) (values ??= {})[name] = text;
    }
    return values;
  }
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || Array.isArray(node) || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value)))
    return String(value);
  return undefined;
}
