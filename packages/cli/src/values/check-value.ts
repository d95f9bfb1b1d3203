import { describeType, type JsonSchema } from './schema-types.js';

/**
 * Why `value` does not fit `schema`, naming the argument by its path (`entities[0].name`), or
 * undefined when it fits. Checks what a command line can check without a JSON Schema engine:
 * the type (each member of a union in turn), `enum` and `const`, array items, and the
 * properties of objects (their types, the required ones, unknown ones when
 * `additionalProperties` is false). The server validates the rest.
 */
export function mismatch(value: unknown, schema: JsonSchema | undefined, path: string): string | undefined {
  if (schema === undefined) return undefined;
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => sameJson(option, value))) {
    return `argument "${path}" must be one of ${schema.enum.map((option) => JSON.stringify(option)).join(', ')}, got ${show(value)}`;
  }
  if (schema.const !== undefined && !sameJson(schema.const, value))
    return `argument "${path}" must be ${JSON.stringify(schema.const)}, got ${show(value)}`;
  const members = schema.anyOf ?? schema.oneOf;
  if (schema.type === undefined && Array.isArray(members)) {
    return members.some((member) => mismatch(value, member, path) === undefined)
      ? undefined
      : `argument "${path}" must be ${describeType(schema)}, got ${show(value)}`;
  }
  const types = typeof schema.type === 'string' ? [schema.type] : (schema.type ?? []);
  if (types.length > 0 && !types.some((type) => hasType(value, type)))
    return `argument "${path}" must be ${describeType(schema)}, got ${show(value)}`;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = mismatch(item, schema.items, `${path}[${index}]`);
      if (problem !== undefined) return problem;
    }
  } else if (isObject(value) && schema.properties !== undefined) {
    return objectMismatch(value, schema, path);
  }
  return undefined;
}

function objectMismatch(value: Record<string, unknown>, schema: JsonSchema, path: string): string | undefined {
  const properties = schema.properties ?? {};
  for (const [key, item] of Object.entries(value)) {
    const property = properties[key];
    if (property === undefined) {
      if (schema.additionalProperties === false)
        return `argument "${path}" has no key "${key}"; it takes ${Object.keys(properties).join(', ')}`;
      continue;
    }
    const problem = mismatch(item, property, `${path}.${key}`);
    if (problem !== undefined) return problem;
  }
  const missing = (schema.required ?? []).find((key) => value[key] === undefined);
  return missing === undefined ? undefined : `argument "${path}" needs "${missing}" (${describeType(properties[missing])})`;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return true;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
