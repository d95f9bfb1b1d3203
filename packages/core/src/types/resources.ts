import { z } from 'zod';
import { AnnotationsSchema, BaseMetadataSchema, IconSchema, MetaSchema } from './base.js';
import { RequestParamsSchema } from './request-params.js';
import { ResourceContentsSchema } from './resource-contents.js';
import { PaginatedResultSchema, ResultSchema } from './result.js';

/** A resource the server can read, as listed by `resources/list`. */
export const ResourceSchema = BaseMetadataSchema.extend({
  uri: z.string(),
  description: z.string().optional(),
  mimeType: z.string().optional(),
  size: z.number().optional(),
  annotations: AnnotationsSchema.optional(),
  icons: z.array(IconSchema).optional(),
  _meta: MetaSchema.optional(),
});
/** A resource the server can read. */
export type Resource = z.infer<typeof ResourceSchema>;

/** A family of resources addressed by an RFC 6570 URI template. */
export const ResourceTemplateSchema = BaseMetadataSchema.extend({
  uriTemplate: z.string(),
  description: z.string().optional(),
  mimeType: z.string().optional(),
  annotations: AnnotationsSchema.optional(),
  icons: z.array(IconSchema).optional(),
  _meta: MetaSchema.optional(),
});
/** A family of resources addressed by a URI template. */
export type ResourceTemplate = z.infer<typeof ResourceTemplateSchema>;

/** The result of `resources/list`. */
export const ListResourcesResultSchema = PaginatedResultSchema.extend({ resources: z.array(ResourceSchema) });
/** The result of `resources/list`. */
export type ListResourcesResult = z.infer<typeof ListResourcesResultSchema>;

/** The result of `resources/templates/list`. */
export const ListResourceTemplatesResultSchema = PaginatedResultSchema.extend({
  resourceTemplates: z.array(ResourceTemplateSchema),
});
/** The result of `resources/templates/list`. */
export type ListResourceTemplatesResult = z.infer<typeof ListResourceTemplatesResultSchema>;

/** The params of a request about one resource: `resources/read`, `resources/subscribe`, `resources/unsubscribe`. */
export const ResourceRequestParamsSchema = RequestParamsSchema.extend({ uri: z.string() });
/** The params of a request about one resource. */
export type ResourceRequestParams = z.infer<typeof ResourceRequestParamsSchema>;

/** The params of `resources/read`. */
export const ReadResourceRequestParamsSchema = ResourceRequestParamsSchema;
/** The params of `resources/read`. */
export type ReadResourceRequestParams = z.infer<typeof ReadResourceRequestParamsSchema>;

/** The params of `resources/subscribe`. */
export const SubscribeRequestParamsSchema = ResourceRequestParamsSchema;
/** The params of `resources/subscribe`. */
export type SubscribeRequestParams = z.infer<typeof SubscribeRequestParamsSchema>;

/** The params of `resources/unsubscribe`. */
export const UnsubscribeRequestParamsSchema = ResourceRequestParamsSchema;
/** The params of `resources/unsubscribe`. */
export type UnsubscribeRequestParams = z.infer<typeof UnsubscribeRequestParamsSchema>;

/** The result of `resources/read`. */
export const ReadResourceResultSchema = ResultSchema.extend({ contents: z.array(ResourceContentsSchema) });
/** The result of `resources/read`. */
export type ReadResourceResult = z.infer<typeof ReadResourceResultSchema>;
