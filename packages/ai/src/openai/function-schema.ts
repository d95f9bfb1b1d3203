import { UnsupportedSchemaError } from '../errors/unsupported-schema-error.js';

const PROVIDER = 'OpenAI';

type Schema = Record<string, unknown>;

/** Keywords that only describe: dropped from a strict schema (the API refuses some of them), kept otherwise. */
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'default', 'examples', 'readOnly', 'writeOnly', 'deprecated']);

/** The keywords strict mode takes (Structured Outputs' supported subset of JSON Schema). */
const STRICT_KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'anyOf',
  'description',
  'title',
  '$ref',
  '$defs',
  'definitions',
  'pattern',
  'format',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'minItems',
  'maxItems',
]);

/** The deepest nesting of objects strict mode takes. */
const STRICT_MAX_DEPTH = 10;

/** A tool's input schema as an OpenAI function's `parameters`, and how to bring the model's arguments back to the tool's schema. */
export interface OpenAIParameters {
  /** The `parameters` of the function. */
  parameters: Schema;
  /** Whether they are a strict-mode schema (`strict: true` on the function). */
  strict: boolean;
  /**
   * The model's arguments as the tool expects them: in a strict schema every property is required
   * and an optional one made nullable, so a `null` the model gives for a property that was
   * optional (and did not take `null`) is left out.
   */
  restore(args: Record<string, unknown>): Record<string, unknown>;
}

/** A path of property names from the root, or from a definition (`$defs`, name); `[]` is an array's items. */
type Path = Array<string | []>;

/**
 * What `restore` knows of one schema: the names of its optional properties, the shapes of its
 * properties, items and `anyOf` branches, and the definition its `$ref` points to.
 */
interface Shape {
  optional: Set<string>;
  properties: Map<string, Shape>;
  items: Shape | undefined;
  branches: Shape[];
  ref: string | undefined;
}

/** The state of one conversion: the refusal, each definition's shape by the `$ref` naming it, whether any property was optional. */
interface Conversion {
  refuse: (reason: string) => never;
  definitions: Map<string, Shape>;
  anyOptional: boolean;
}

function newShape(): Shape {
  return { optional: new Set(), properties: new Map(), items: undefined, branches: [], ref: undefined };
}

/**
 * The tool's input schema as OpenAI function `parameters` (Chat Completions and Responses take
 * the same): an object schema, `properties: {}` added when absent (the API refuses an object
 * schema without it). With `strict`, a strict-mode schema: `additionalProperties: false` on every
 * object, every property required and an optional one made nullable, annotations dropped; a
 * schema that cannot be made strict (a free-form object, a keyword strict mode refuses, nesting
 * past 10 levels) is refused. Throws `UnsupportedSchemaError` naming the server, the tool and why.
 */
export function toOpenAIParameters(
  schema: unknown,
  where: { server: string; tool: string },
  options: { strict?: boolean } = {},
): OpenAIParameters {
  const refuse = (reason: string): never => {
    throw new UnsupportedSchemaError(PROVIDER, where.server, where.tool, reason);
  };
  if (!isSchema(schema)) return refuse('it is not a JSON object');
  if (schema.type !== 'object')
    return refuse(`its type is ${JSON.stringify(schema.type)}, and function parameters must be of type "object"`);
  const combinator = ['oneOf', 'anyOf', 'allOf', 'not', 'enum'].find((key) => key in schema);
  if (combinator !== undefined) return refuse(`it has "${combinator}" at its top level, which function parameters may not have`);
  if (options.strict !== true) {
    return { parameters: { ...schema, type: 'object', properties: schema.properties ?? {} }, strict: false, restore: (args) => args };
  }
  const conversion: Conversion = { refuse, definitions: new Map(), anyOptional: false };
  const root = newShape();
  conversion.definitions.set('#', root);
  const parameters = strictSchema(schema, [], 0, root, conversion);
  const restore = (args: Record<string, unknown>) =>
    conversion.anyOptional ? (prune(args, [root], conversion.definitions) as typeof args) : args;
  return { parameters, strict: true, restore };
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strictSchema(schema: Schema, path: Path, depth: number, shape: Shape, conversion: Conversion): Schema {
  const { refuse } = conversion;
  const at = path.length === 0 ? 'the root' : `"${path.map((part) => (typeof part === 'string' ? part : '[]')).join('.')}"`;
  if (depth > STRICT_MAX_DEPTH) return refuse(`it nests objects deeper than ${STRICT_MAX_DEPTH} levels, which strict mode refuses`);
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (!STRICT_KEYWORDS.has(key)) return refuse(`"${key}" at ${at} is not supported in strict mode; leave strict off for it`);
    out[key] = value;
  }
  if (typeof out.$ref === 'string') shape.ref = out.$ref;
  const sub = (value: unknown, next: Path, into: Shape): Schema =>
    isSchema(value) ? strictSchema(value, next, depth + 1, into, conversion) : refuse(`${at} has a schema that is not an object`);
  if (Array.isArray(out.anyOf))
    out.anyOf = out.anyOf.map((branch) => {
      const branchShape = newShape();
      shape.branches.push(branchShape);
      return sub(branch, path, branchShape);
    });
  for (const defs of ['$defs', 'definitions'] as const) {
    if (!isSchema(out[defs])) continue;
    out[defs] = Object.fromEntries(
      Object.entries(out[defs]).map(([name, value]) => {
        const definition = newShape();
        // Only the root's definitions can be named by a `$ref` that restore follows.
        if (path.length === 0) conversion.definitions.set(`#/${defs}/${name}`, definition);
        return [name, sub(value, [defs, name], definition)];
      }),
    );
  }
  if (out.items !== undefined) out.items = sub(out.items, [...path, []], (shape.items = newShape()));
  const isObject = out.type === 'object' || (Array.isArray(out.type) && out.type.includes('object')) || out.properties !== undefined;
  if (!isObject) return out;
  if (out.additionalProperties !== undefined && out.additionalProperties !== false)
    return refuse(`the object at ${at} takes additional properties, which strict mode refuses`);
  const properties = isSchema(out.properties) ? out.properties : {};
  if (Object.keys(properties).length === 0 && path.length > 0)
    return refuse(`the object at ${at} has no properties (a free-form object), which strict mode refuses`);
  const required = new Set(Array.isArray(out.required) ? (out.required as string[]) : []);
  out.properties = Object.fromEntries(
    Object.entries(properties).map(([name, value]) => {
      const propertyShape = newShape();
      shape.properties.set(name, propertyShape);
      const property = sub(value, [...path, name], propertyShape);
      if (required.has(name) || acceptsNull(property)) return [name, property];
      shape.optional.add(name);
      conversion.anyOptional = true;
      return [name, nullable(property)];
    }),
  );
  out.required = Object.keys(properties);
  out.additionalProperties = false;
  return out;
}

function acceptsNull(schema: Schema): boolean {
  if (schema.type === 'null' || (Array.isArray(schema.type) && schema.type.includes('null'))) return true;
  return Array.isArray(schema.anyOf) && schema.anyOf.some((branch) => isSchema(branch) && acceptsNull(branch));
}

/** `schema` that also takes `null`: `null` added to its type, or as an `anyOf` branch when it has no plain type. */
function nullable(schema: Schema): Schema {
  if (typeof schema.type === 'string' && schema.enum === undefined && schema.const === undefined)
    return { ...schema, type: [schema.type, 'null'] };
  if (Array.isArray(schema.type) && schema.enum === undefined && schema.const === undefined)
    return { ...schema, type: [...(schema.type as unknown[]), 'null'] };
  const { description, ...rest } = schema;
  return { ...(description === undefined ? {} : { description }), anyOf: [rest, { type: 'null' }] };
}

/** The shapes, their `anyOf` branches and the definitions their `$ref`s name, each once. */
function expand(shapes: readonly Shape[], definitions: ReadonlyMap<string, Shape>, seen = new Set<Shape>()): Shape[] {
  const out: Shape[] = [];
  for (const shape of shapes) {
    if (seen.has(shape)) continue;
    seen.add(shape);
    const target = shape.ref === undefined ? undefined : definitions.get(shape.ref);
    out.push(shape, ...expand(target === undefined ? shape.branches : [...shape.branches, target], definitions, seen));
  }
  return out;
}

/** `value` without the `null`s the model gave for properties that were optional in any of `shapes`, at any depth. */
function prune(value: unknown, shapes: readonly Shape[], definitions: ReadonlyMap<string, Shape>): unknown {
  const all = expand(shapes, definitions);
  if (Array.isArray(value)) {
    const items = all.flatMap((shape) => (shape.items === undefined ? [] : [shape.items]));
    return items.length === 0 ? value : value.map((item) => prune(item, items, definitions));
  }
  if (!isSchema(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (inner === null && all.some((shape) => shape.optional.has(key))) continue;
    const next = all.flatMap((shape) => shape.properties.get(key) ?? []);
    out[key] = next.length === 0 ? inner : prune(inner, next, definitions);
  }
  return out;
}
