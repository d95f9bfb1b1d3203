import { z } from 'zod';
import { MetaSchema } from './base.js';

/** The contents of a resource whose data is text. */
export const TextResourceContentsSchema = z.looseObject({
  uri: z.string(),
  mimeType: z.string().optional(),
  text: z.string(),
  _meta: MetaSchema.optional(),
});
/** The contents of a resource whose data is text. */
export type TextResourceContents = z.infer<typeof TextResourceContentsSchema>;

/** The contents of a resource whose data is binary, as base64 in `blob`. */
export const BlobResourceContentsSchema = z.looseObject({
  uri: z.string(),
  mimeType: z.string().optional(),
  blob: z.string(),
  _meta: MetaSchema.optional(),
});
/** The contents of a resource whose data is binary. */
export type BlobResourceContents = z.infer<typeof BlobResourceContentsSchema>;

/** The contents of a resource, text or binary. */
export const ResourceContentsSchema = z.union([TextResourceContentsSchema, BlobResourceContentsSchema]);
/** The contents of a resource, text or binary. */
export type ResourceContents = z.infer<typeof ResourceContentsSchema>;
