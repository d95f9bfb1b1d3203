import { z } from 'zod';
import { AnnotationsSchema, MetaSchema } from './base.js';
import { ResourceContentsSchema } from './resource-contents.js';
import { ResourceSchema } from './resources.js';

/** Text given to or produced by a model. */
export const TextContentSchema = z.looseObject({
  type: z.literal('text'),
  text: z.string(),
  annotations: AnnotationsSchema.optional(),
  _meta: MetaSchema.optional(),
});
/** Text given to or produced by a model. */
export type TextContent = z.infer<typeof TextContentSchema>;

/** An image, as base64 `data` with its `mimeType`. */
export const ImageContentSchema = z.looseObject({
  type: z.literal('image'),
  data: z.string(),
  mimeType: z.string(),
  annotations: AnnotationsSchema.optional(),
  _meta: MetaSchema.optional(),
});
/** An image. */
export type ImageContent = z.infer<typeof ImageContentSchema>;

/** Audio, as base64 `data` with its `mimeType` (since 2025-03-26). */
export const AudioContentSchema = z.looseObject({
  type: z.literal('audio'),
  data: z.string(),
  mimeType: z.string(),
  annotations: AnnotationsSchema.optional(),
  _meta: MetaSchema.optional(),
});
/** Audio. */
export type AudioContent = z.infer<typeof AudioContentSchema>;

/** A link to a resource the client may read, not its contents (since 2025-06-18). */
export const ResourceLinkSchema = ResourceSchema.extend({ type: z.literal('resource_link') });
/** A link to a resource. */
export type ResourceLink = z.infer<typeof ResourceLinkSchema>;

/** The contents of a resource embedded in a message. */
export const EmbeddedResourceSchema = z.looseObject({
  type: z.literal('resource'),
  resource: ResourceContentsSchema,
  annotations: AnnotationsSchema.optional(),
  _meta: MetaSchema.optional(),
});
/** The contents of a resource embedded in a message. */
export type EmbeddedResource = z.infer<typeof EmbeddedResourceSchema>;

/** One block of content in a tool result or prompt message, told apart by `type`. */
export const ContentBlockSchema = z.discriminatedUnion('type', [
  TextContentSchema,
  ImageContentSchema,
  AudioContentSchema,
  ResourceLinkSchema,
  EmbeddedResourceSchema,
]);
/** One block of content in a tool result or prompt message. */
export type ContentBlock = z.infer<typeof ContentBlockSchema>;
