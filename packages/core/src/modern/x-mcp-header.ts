/** A tool parameter mirrored into an `Mcp-Param-{name}` header. */
export interface HeaderParameter {
  /** The chain of `properties` keys from the schema root to the parameter. */
  path: readonly string[];
  /** The `x-mcp-header` value: the `{name}` of `Mcp-Param-{name}`. */
  name: string;
}

/** The parameters a tool mirrors into headers, or the rule its annotations break. */
export type HeaderAnnotations = { parameters: HeaderParameter[] } | { problem: string };

const ANNOTATION = 'x-mcp-header';
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const PRIMITIVE = new Set(['string', 'integer', 'boolean']);
/** Keywords whose value is instance data, not a schema: an `x-mcp-header` inside is no annotation. */
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples']);
/** Keywords whose value maps names to schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

interface Found {
  pointer: string;
  /** Set while the location is reachable from the root through `properties` alone. */
  path: string[] | undefined;
  schema: Record<string, unknown>;
}

/**
 * Reads the `x-mcp-header` annotations of a tool's `inputSchema` and checks the rules of
 * 2026-07-28: a non-empty RFC 9110 token, case-insensitively unique, on an integer, string
 * or boolean parameter reachable from the root through `properties` keys only.
 */
export function readHeaderAnnotations(inputSchema: unknown): HeaderAnnotations {
  const found: Found[] = [];
  visit(inputSchema, '', [], found);
  const parameters: HeaderParameter[] = [];
  const seen = new Map<string, string>();
  for (const { pointer, path, schema } of found) {
    const where = pointer === '' ? 'the schema root' : pointer;
    if (path === undefined || path.length === 0) {
      return {
        problem: `the x-mcp-header at ${where} is not on a parameter reachable from the root through "properties" alone (not under items, oneOf/anyOf/allOf/not, if/then/else, $ref or $defs)`,
      };
    }
    const name: unknown = schema[ANNOTATION];
    if (typeof name !== 'string' || name === '') return { problem: `the x-mcp-header at ${where} is empty; it must name the header` };
    if (!TOKEN.test(name)) {
      return {
        problem: `the x-mcp-header ${JSON.stringify(name)} at ${where} is not an HTTP header name token (letters, digits and !#$%&'*+-.^_\`|~; no spaces, colons, control or non-ASCII characters)`,
      };
    }
    const earlier = seen.get(name.toLowerCase());
    if (earlier !== undefined)
      return {
        problem: `the x-mcp-header ${JSON.stringify(name)} at ${where} repeats ${JSON.stringify(earlier)} (names must be unique, ignoring case)`,
      };
    seen.set(name.toLowerCase(), name);
    const typeProblem = checkType(schema.type);
    if (typeProblem !== undefined)
      return {
        problem: `the x-mcp-header ${JSON.stringify(name)} at ${where} is on ${typeProblem}; only integer, string and boolean parameters may be mirrored`,
      };
    parameters.push({ path, name });
  }
  return { parameters };
}

function checkType(type: unknown): string | undefined {
  const types: unknown[] | undefined = typeof type === 'string' ? [type] : Array.isArray(type) ? type : undefined;
  if (types === undefined) return 'a parameter without a type';
  const kinds = types.filter((t) => t !== 'null');
  const wrong = kinds.find((t) => typeof t !== 'string' || !PRIMITIVE.has(t));
  if (wrong !== undefined) return `a parameter of type ${JSON.stringify(wrong)}`;
  if (kinds.length === 0) return 'a parameter of type "null"';
  return undefined;
}

function escape(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Collects every schema carrying `x-mcp-header`, with its property path while it stays reachable. */
function visit(schema: unknown, pointer: string, path: string[] | undefined, found: Found[]): void {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return;
  const node = schema as Record<string, unknown>;
  if (ANNOTATION in node) found.push({ pointer, path, schema: node });
  for (const [key, value] of Object.entries(node)) {
    if (key === ANNOTATION || DATA_KEYWORDS.has(key) || key.startsWith('x-')) continue;
    const at = `${pointer}/${escape(key)}`;
    if (SCHEMA_MAPS.has(key) && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [name, sub] of Object.entries(value))
        visit(sub, `${at}/${escape(name)}`, key === 'properties' && path !== undefined ? [...path, name] : undefined, found);
    } else if (Array.isArray(value)) {
      value.forEach((sub, index) => visit(sub, `${at}/${index}`, undefined, found));
    } else {
      visit(value, at, undefined, found);
    }
  }
}
