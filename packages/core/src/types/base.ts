import { z } from 'zod';

/** A JSON-RPC request id: a string or a number (the spec asks for integers; fractional ids are tolerated). */
export const RequestIdSchema = z.union([z.string(), z.number()]);
/** A JSON-RPC request id. */
export type RequestId = z.infer<typeof RequestIdSchema>;

/** The token a requester puts in `_meta.progressToken` to receive progress notifications. */
export const ProgressTokenSchema = z.union([z.string(), z.number()]);
/** A progress token. */
export type ProgressToken = z.infer<typeof ProgressTokenSchema>;

/** An opaque pagination cursor. */
export const CursorSchema = z.string();
/** An opaque pagination cursor. */
export type Cursor = z.infer<typeof CursorSchema>;

/** The `_meta` object that any request, result, notification or entity may carry. */
export const MetaSchema = z.record(z.string(), z.unknown());
/** The `_meta` object. */
export type Meta = z.infer<typeof MetaSchema>;

/** The `_meta` object of a request's params, where `progressToken` asks for progress notifications. */
export const RequestMetaSchema = z.looseObject({ progressToken: ProgressTokenSchema.optional() });
/** The `_meta` object of a request's params. */
export type RequestMeta = z.infer<typeof RequestMetaSchema>;

/** The sender or recipient of a message in a conversation. */
export const RoleSchema = z.enum(['user', 'assistant']);
/** The sender or recipient of a message in a conversation. */
export type Role = z.infer<typeof RoleSchema>;

/** Hints about how a client should use or display an object (priority is tolerated outside 0..1). */
export const AnnotationsSchema = z.looseObject({
  audience: z.array(RoleSchema).optional(),
  priority: z.number().optional(),
  lastModified: z.string().optional(),
});
/** Hints about how a client should use or display an object. */
export type Annotations = z.infer<typeof AnnotationsSchema>;

/** An icon that a client can display for an implementation, tool, prompt or resource (2025-11-25). */
export const IconSchema = z.looseObject({
  src: z.string(),
  mimeType: z.string().optional(),
  sizes: z.array(z.string()).optional(),
  theme: z.enum(['light', 'dark']).optional(),
});
/** An icon that a client can display. */
export type Icon = z.infer<typeof IconSchema>;

/** The name of an entity and its optional human-readable title (title since 2025-06-18). */
export const BaseMetadataSchema = z.looseObject({
  name: z.string(),
  title: z.string().optional(),
});
/** The name and title of an entity. */
export type BaseMetadata = z.infer<typeof BaseMetadataSchema>;

/** The name and version of an MCP client or server, as exchanged in `initialize`. */
export const ImplementationSchema = BaseMetadataSchema.extend({
  version: z.string(),
  description: z.string().optional(),
  icons: z.array(IconSchema).optional(),
  websiteUrl: z.string().optional(),
});
/** The name and version of an MCP client or server. */
export type Implementation = z.infer<typeof ImplementationSchema>;
