import type { JsonRpcMessage } from '@mcpx/core';
import type { HeaderRecord } from '../headers.js';
import { encodeHeaderValue } from './header-value.js';
import { readHeaderAnnotations, type HeaderAnnotations } from './x-mcp-header.js';

/** A tool left out of a `tools/list` result, and why. */
export interface ExcludedTool {
  name: string;
  problem: string;
}

/**
 * What the transport learned of each tool's `x-mcp-header` annotations from the 2026-07-28
 * `tools/list` results that passed through it, by tool name: the parameters to mirror into
 * `Mcp-Param-*` headers, or the rule a tool breaks (such a tool is excluded from the list
 * and never called).
 */
export class ToolHeaders {
  readonly #tools = new Map<string, HeaderAnnotations>();

  /**
   * Learns the tools of a `tools/list` response and returns it without the tools whose
   * annotations break the rules (the specification says to exclude them), and those tools.
   */
  learn(response: JsonRpcMessage): { response: JsonRpcMessage; excluded: ExcludedTool[] } {
    if (!('result' in response) || !Array.isArray(response.result.tools)) return { response, excluded: [] };
    const excluded: ExcludedTool[] = [];
    const kept = response.result.tools.filter((tool: unknown) => {
      if (typeof tool !== 'object' || tool === null || !('name' in tool) || typeof tool.name !== 'string') return true;
      const annotations = readHeaderAnnotations('inputSchema' in tool ? tool.inputSchema : undefined);
      this.#tools.set(tool.name, annotations);
      if (!('problem' in annotations)) return true;
      excluded.push({ name: tool.name, problem: annotations.problem });
      return false;
    });
    if (excluded.length === 0) return { response, excluded };
    return { response: { ...response, result: { ...response.result, tools: kept } }, excluded };
  }

  /** Why `tool` must not be called, if its annotations break the rules. */
  problem(tool: string): string | undefined {
    const annotations = this.#tools.get(tool);
    return annotations !== undefined && 'problem' in annotations ? annotations.problem : undefined;
  }

  /**
   * The `Mcp-Param-*` headers of a call of `tool` with `args`. A parameter without a value
   * (absent or null) has no header, nor does one no header can carry faithfully (an object,
   * an array, a number that is not finite or an integer beyond 2^53).
   */
  headers(tool: string, args: unknown): HeaderRecord {
    const annotations = this.#tools.get(tool);
    const headers: HeaderRecord = {};
    if (annotations === undefined || 'problem' in annotations) return headers;
    for (const { path, name } of annotations.parameters) {
      const text = asText(valueAt(args, path));
      if (text !== undefined) headers[`mcp-param-${name.toLowerCase()}`] = encodeHeaderValue(text);
    }
    return headers;
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
  if (typeof value === 'number' && Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value))) return String(value);
  return undefined;
}
