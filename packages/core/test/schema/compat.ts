import type { JsonSchema, OfficialSchema } from './official.js';

/** What `checkCompatible` needs besides the two schemas. */
export interface CompatContext {
  official: OfficialSchema;
  /** Property paths (`<root>.<path>`) we deliberately do not declare. */
  missingAllowed: (path: string) => boolean;
}

const isSchema = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);

const typesOf = (node: JsonSchema): string[] | undefined =>
  node.type === undefined ? undefined : Array.isArray(node.type) ? node.type : [node.type];

const valuesOf = (node: JsonSchema): unknown[] | undefined => ('const' in node ? [node.const] : node.enum);

/** Accepts anything: no keyword that restricts the value. */
const isAny = (node: JsonSchema): boolean =>
  node.type === undefined &&
  node.properties === undefined &&
  node.anyOf === undefined &&
  node.oneOf === undefined &&
  !('const' in node) &&
  node.enum === undefined &&
  node.items === undefined;

/**
 * Lists where our schema (as JSON Schema) would reject or drop what the official node allows: a property the
 * official node declares and we do not, a property we require and it does not, an incompatible type, const or
 * enum, or an object that is not loose. An official union needs each branch covered; a union of ours needs one
 * branch that covers the official node.
 */
export function checkCompatible(ours: JsonSchema, officialNode: JsonSchema, path: string, ctx: CompatContext): string[] {
  const theirs = ctx.official.resolve(officialNode);
  if (isAny(ours)) return [];
  const theirBranches = theirs.anyOf ?? theirs.oneOf;
  if (theirBranches !== undefined) {
    return theirBranches.flatMap((branch, i) => checkCompatible(ours, branch, `${path}<${i}>`, ctx));
  }
  if (Array.isArray(theirs.type) && theirs.type.length > 1) {
    // `type: [a, b]` is a union too: each type must be covered, possibly by different branches of ours.
    return theirs.type.flatMap((type) => checkCompatible(ours, { ...theirs, type }, path, ctx));
  }
  const ourBranches = ours.anyOf ?? ours.oneOf;
  if (ourBranches !== undefined) {
    const attempts = ourBranches.map((branch) => checkCompatible(branch, theirs, path, ctx));
    if (attempts.some((problems) => problems.length === 0)) return [];
    const closest = attempts.reduce((a, b) => (b.length < a.length ? b : a));
    return [`${path}: no branch of ours covers it; the closest fails with: ${closest.join('; ')}`];
  }

  const problems: string[] = [];
  const theirTypes = typesOf(theirs);
  const ourTypes = typesOf(ours);
  if (theirTypes !== undefined && ourTypes !== undefined) {
    for (const type of theirTypes) {
      const accepted = ourTypes.includes(type) || (type === 'integer' && ourTypes.includes('number'));
      if (!accepted) problems.push(`${path}: official type ${type} is rejected (ours: ${ourTypes.join('|')})`);
    }
  }
  const theirValues = valuesOf(theirs);
  const ourValues = valuesOf(ours);
  if (ourValues !== undefined) {
    if (theirValues === undefined) problems.push(`${path}: ours only accepts ${JSON.stringify(ourValues)}`);
    else
      for (const value of theirValues) {
        if (!ourValues.includes(value)) problems.push(`${path}: official value ${JSON.stringify(value)} is rejected`);
      }
  }

  const isObject = theirTypes?.includes('object') === true || theirs.properties !== undefined;
  if (isObject) problems.push(...checkObject(ours, theirs, path, ctx));
  if (theirs.items !== undefined && ours.items !== undefined) {
    problems.push(...checkCompatible(ours.items, theirs.items, `${path}[]`, ctx));
  }
  return problems;
}

function checkObject(ours: JsonSchema, theirs: JsonSchema, path: string, ctx: CompatContext): string[] {
  const problems: string[] = [];
  const extra = ours.additionalProperties;
  if (extra === undefined || extra === false) problems.push(`${path}: not loose, unknown members would be lost`);
  const ourProperties = ours.properties ?? {};
  // A record (no declared properties) covers every named member through its value schema.
  const isRecord = ours.properties === undefined && isSchema(extra);
  for (const [name, theirProperty] of Object.entries(theirs.properties ?? {})) {
    const ourProperty = ourProperties[name] ?? (isRecord ? extra : undefined);
    if (ourProperty !== undefined) problems.push(...checkCompatible(ourProperty, theirProperty, `${path}.${name}`, ctx));
    else if (!ctx.missingAllowed(`${path}.${name}`)) problems.push(`${path}.${name}: declared officially, missing in ours`);
  }
  const theirRequired = new Set(theirs.required ?? []);
  for (const name of ours.required ?? []) {
    if (!theirRequired.has(name)) problems.push(`${path}.${name}: required by ours, optional officially`);
  }
  if (isSchema(theirs.additionalProperties) && isSchema(extra)) {
    problems.push(...checkCompatible(extra, theirs.additionalProperties, `${path}.*`, ctx));
  }
  return problems;
}
