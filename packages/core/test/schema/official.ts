import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LEGACY_PROTOCOL_VERSIONS, type LegacyProtocolVersion } from '../../src/types/index.js';

/** A JSON Schema node, as much of it as these tests read. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  minimum?: number;
  [keyword: string]: unknown;
}

/** The legacy revisions, oldest first: the tests read the official schema of each. */
export const REVISIONS: readonly LegacyProtocolVersion[] = [...LEGACY_PROTOCOL_VERSIONS].reverse();
export type Revision = LegacyProtocolVersion;

/** The official schemas and examples, carried in the repository (see its README for source and license). */
export const SPEC_DIR = fileURLToPath(new URL('../fixtures/mcp-spec/', import.meta.url));

/** One revision's official JSON Schema, with `$ref` and `allOf` resolution. */
export class OfficialSchema {
  readonly definitions: Record<string, JsonSchema>;

  constructor(readonly revision: Revision) {
    const root = JSON.parse(readFileSync(`${SPEC_DIR}${revision}/schema.json`, 'utf8')) as {
      definitions?: Record<string, JsonSchema>;
      $defs?: Record<string, JsonSchema>;
    };
    const definitions = root.definitions ?? root.$defs;
    if (definitions === undefined) throw new Error(`${revision}: schema.json has neither definitions nor $defs`);
    this.definitions = definitions;
  }

  /**
   * Finds a node by path: a definition name, then property names separated by dots; `[]` after a
   * segment steps into the array's items (`CallToolResult.content[]`).
   */
  find(path: string): JsonSchema | undefined {
    const [name = '', ...rest] = path.split('.');
    const first = /^(\w+)((?:\[\])*)$/.exec(name);
    if (first === null) throw new Error(`bad path ${path}`);
    let node = this.definitions[first[1] ?? ''];
    node = node === undefined ? undefined : this.items(node, first[2] ?? '');
    for (const segment of rest) {
      if (node === undefined) return undefined;
      const match = /^([\w$]+)((?:\[\])*)$/.exec(segment);
      if (match === null) throw new Error(`bad path ${path}`);
      const child = this.resolve(node).properties?.[match[1] ?? ''];
      node = child === undefined ? undefined : this.items(child, match[2] ?? '');
    }
    return node;
  }

  private items(node: JsonSchema, brackets: string): JsonSchema | undefined {
    let current: JsonSchema | undefined = node;
    for (let i = 0; i < brackets.length / 2 && current !== undefined; i++) current = this.resolve(current).items;
    return current;
  }

  /** Follows `$ref` and merges `allOf` into one node, so callers see `properties` and `required` directly. */
  resolve(node: JsonSchema): JsonSchema {
    let current = node;
    for (let hops = 0; current.$ref !== undefined; hops++) {
      if (hops > 20) throw new Error(`${this.revision}: $ref loop at ${current.$ref}`);
      const name = /^#\/(?:definitions|\$defs)\/(.+)$/.exec(current.$ref)?.[1];
      const target = name === undefined ? undefined : this.definitions[name];
      if (target === undefined) throw new Error(`${this.revision}: cannot resolve ${current.$ref}`);
      const { $ref: _ref, ...siblings } = current;
      current = { ...target, ...siblings };
    }
    if (current.allOf === undefined) return current;
    const { allOf, ...base } = current;
    return allOf.map((part) => this.resolve(part)).reduce(mergeAll, base);
  }
}

function mergeAll(into: JsonSchema, part: JsonSchema): JsonSchema {
  const properties = { ...into.properties };
  for (const [key, schema] of Object.entries(part.properties ?? {})) {
    const existing = properties[key];
    properties[key] = existing === undefined ? schema : { allOf: [existing, schema] };
  }
  const required = [...new Set([...(into.required ?? []), ...(part.required ?? [])])];
  const merged: JsonSchema = { ...part, ...into };
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.length > 0) merged.required = required;
  return merged;
}

const cache = new Map<Revision, OfficialSchema>();

/** Loads (once) the official schema of a revision. */
export function official(revision: Revision): OfficialSchema {
  let schema = cache.get(revision);
  if (schema === undefined) {
    schema = new OfficialSchema(revision);
    cache.set(revision, schema);
  }
  return schema;
}
