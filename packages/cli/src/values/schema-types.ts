/** A JSON Schema, as far as the CLI reads one. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  description?: string;
  title?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
}

/** The types a schema admits, in the order to try them; empty when it does not say. */
export function typesOf(schema: JsonSchema | undefined): string[] {
  if (schema === undefined) return [];
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type;
  const members = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(members)) return [...new Set(members.flatMap((member) => typesOf(member)))];
  if (Array.isArray(schema.enum)) return [...new Set(schema.enum.map((value) => (value === null ? 'null' : typeof value)))];
  if (schema.const !== undefined) return [schema.const === null ? 'null' : typeof schema.const];
  return [];
}

/** A short description of the type: `number`, `string[]`, `"a" | "b"`. */
export function describeType(schema: JsonSchema | undefined): string {
  if (schema === undefined) return 'any';
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  const types = typesOf(schema);
  if (types.length === 0) return 'any';
  return types
    .map((type) => {
      if (type === 'array') return `${describeType(schema.items)}[]`.replace(/^(.* \| .*)\[\]$/, '($1)[]');
      if (type === 'object' && schema.properties !== undefined) return `{${Object.keys(schema.properties).join(', ')}}`;
      return type;
    })
    .join(' | ');
}
