import type { JsonSchema, OfficialSchema } from './official.js';

/** How to build a sample: which optional members to include, which union branches to take. */
export interface SampleOptions {
  /** `required` fills only required members; `all` fills every declared member and one record entry. */
  members: 'required' | 'all';
  /** The union branch (or entry of a `type` list) to take is `variant % branches`; 0 takes every first one. */
  variant: number;
  /** Adds an unknown member to every object that allows one, to check that it survives parsing. */
  unknownMembers: boolean;
}

/** The member added by `unknownMembers`. */
export const UNKNOWN_MEMBER = 'x-mcpx-unknown';

const STRINGS: Record<string, string> = {
  uri: 'file:///sample.txt',
  'uri-template': 'file:///{path}',
  byte: 'AAE=',
  date: '2025-01-01',
  'date-time': '2025-01-01T00:00:00Z',
  email: 'user@example.com',
};

/** Builds a minimal instance that the official node accepts, following `$ref`, `allOf` and the chosen branches. */
export function sample(official: OfficialSchema, node: JsonSchema, options: SampleOptions, depth = 0): unknown {
  if (depth > 16) throw new Error('sample: the schema nests too deep (a cycle?)');
  const schema = official.resolve(node);
  if ('const' in schema) return schema.const;
  if (schema.enum !== undefined) return schema.enum[0];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches !== undefined && branches.length > 0) {
    return sample(official, branches[options.variant % branches.length] ?? {}, options, depth + 1);
  }
  const type = Array.isArray(schema.type)
    ? schema.type[options.variant % schema.type.length]
    : (schema.type ?? (schema.properties ? 'object' : undefined));
  switch (type) {
    case 'object':
      return sampleObject(official, schema, options, depth);
    case 'array':
      return schema.items === undefined ? [] : [sample(official, schema.items, options, depth + 1)];
    case 'string':
      return STRINGS[schema.format ?? ''] ?? 'x';
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return 'any value';
  }
}

function sampleObject(official: OfficialSchema, schema: JsonSchema, options: SampleOptions, depth: number) {
  const required = new Set(schema.required ?? []);
  const result: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(schema.properties ?? {})) {
    if (options.members === 'all' || required.has(name)) result[name] = sample(official, member, options, depth + 1);
  }
  const extra = schema.additionalProperties;
  if (options.members === 'all' && typeof extra === 'object' && Object.keys(extra).length > 0) {
    result['recordEntry'] = sample(official, extra, options, depth + 1);
  }
  const allowsAnything = extra === undefined || extra === true || (typeof extra === 'object' && Object.keys(extra).length === 0);
  if (options.unknownMembers && allowsAnything) result[UNKNOWN_MEMBER] = { kept: true };
  return result;
}

/** The widest union (or `type` list) in the node's reach, so that variants `0..width-1` take every branch once. */
export function unionWidth(official: OfficialSchema, node: JsonSchema, depth = 0): number {
  if (depth > 16) return 1;
  const schema = official.resolve(node);
  const children = [
    ...(schema.anyOf ?? schema.oneOf ?? []),
    ...Object.values(schema.properties ?? {}),
    ...(schema.items === undefined ? [] : [schema.items]),
    ...(typeof schema.additionalProperties === 'object' ? [schema.additionalProperties] : []),
  ];
  const own = Math.max((schema.anyOf ?? schema.oneOf ?? []).length, Array.isArray(schema.type) ? schema.type.length : 0);
  return Math.max(1, own, ...children.map((child) => unionWidth(official, child, depth + 1)));
}
