import { z, type ZodType } from 'zod';
import type { Mapping } from './mapping.js';
import { REVISIONS, type JsonSchema, type OfficialSchema, type Revision } from './official.js';

/** Our schema as JSON Schema, from the input side (what we accept, before defaults and transforms). */
export function toJsonSchema(schema: ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** The path of the row's official counterpart in this revision, or undefined if the revision has none. */
export function locate(spec: OfficialSchema, mapping: Mapping): string | undefined {
  return mapping.official.find((path) => spec.find(path) !== undefined);
}

/** Whether `revision` is `since` or later. */
export function isAtLeast(revision: Revision, since: Revision): boolean {
  return REVISIONS.indexOf(revision) >= REVISIONS.indexOf(since);
}
